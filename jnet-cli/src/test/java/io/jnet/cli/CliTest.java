package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code jnet} command's TCP behaviour, usage and argument errors, each in a child JVM. */
class CliTest {
  /** Matches the port in a {@code listening on { address: ..., port: N }} line. */
  static final String LISTENING_PORT = "^listening on \\{.*port: (\\d+) \\}$";

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void connectToEchoReturnsStdinAndEchoLogsTheByteCounts() throws Exception {
    byte[] payload = randomBytes(1 << 20, 1);
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = Integer.parseInt(echo.awaitStdout(LISTENING_PORT).group(1));
      try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
        try (OutputStream in = connect.stdin()) {
          in.write(payload);
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(payload, connect.stdoutBytes());
      }
      echo.awaitStdout("^connection from 127\\.0\\.0\\.1:\\d+$");
      echo.awaitStdout(
          "^closed 127\\.0\\.0\\.1:\\d+ read="
              + payload.length
              + " written="
              + payload.length
              + "$");
    }
  }

  @Test
  void connectWithEmptyStdinHalfClosesAndExitsZero() throws Exception {
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = Integer.parseInt(echo.awaitStdout(LISTENING_PORT).group(1));
      try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
        connect.stdin().close();
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertEquals(0, connect.stdoutBytes().length);
      }
      echo.awaitStdout("^closed 127\\.0\\.0\\.1:\\d+ read=0 written=0$");
    }
  }

  @Test
  void echoWithOnlyAPortListensOnEveryInterface() throws Exception {
    try (JnetProcess echo = JnetProcess.start("echo", "0")) {
      Matcher m =
          echo.awaitStdout("^listening on \\{ address: '(::|0\\.0\\.0\\.0)', .*port: (\\d+) \\}$");
      try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + m.group(2))) {
        try (OutputStream in = connect.stdin()) {
          in.write(new byte[] {'h', 'i'});
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(new byte[] {'h', 'i'}, connect.stdoutBytes());
      }
    }
  }

  @Test
  void echoAndConnectSpeakIpv6InBrackets() throws Exception {
    assumeTrue(ipv6Loopback(), "no IPv6 loopback");
    try (JnetProcess echo = JnetProcess.start("echo", "[::1]:0")) {
      Matcher m =
          echo.awaitStdout("^listening on \\{ address: '::1', family: 'IPv6', port: (\\d+) \\}$");
      try (JnetProcess connect = JnetProcess.startRaw("connect", "[::1]:" + m.group(1))) {
        try (OutputStream in = connect.stdin()) {
          in.write(new byte[] {'v', '6'});
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(new byte[] {'v', '6'}, connect.stdoutBytes());
      }
      echo.awaitStdout("^connection from \\[::1\\]:\\d+$");
      echo.awaitStdout("^closed \\[::1\\]:\\d+ read=2 written=2$");
    }
  }

  private static boolean ipv6Loopback() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void sigtermClosesATcpEchoAndExitsZero() throws Exception {
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = Integer.parseInt(echo.awaitStdout(LISTENING_PORT).group(1));
      echo.terminate();
      assertEquals(0, echo.awaitExit(), echo::describe);
      try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
        assertEquals(1, connect.awaitExit(), connect::describe);
        connect.awaitStderr("connect ECONNREFUSED 127\\.0\\.0\\.1:" + port + "$");
      }
    }
  }

  @Test
  void connectToAClosedPortPrintsEconnrefusedAndExitsOne() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
      connect.stdin().close();
      assertEquals(1, connect.awaitExit(), connect::describe);
      connect.awaitStderr("connect ECONNREFUSED 127\\.0\\.0\\.1:" + port + "$");
      assertEquals(0, connect.stdoutBytes().length);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "--help, 'usage: jnet <command> [options] [args]'",
    "-h, 'usage: jnet <command> [options] [args]'",
    "echo --help, 'usage: jnet echo [-v] [--unlink] [HOST:]PORT | unix:PATH'",
    "connect --help, 'usage: jnet connect [-v] [-w SECONDS] [--no-shutdown]'",
    "listen --help, 'usage: jnet listen [-k] [-v] [--unlink] [--no-shutdown]'",
    "relay --help, 'usage: jnet relay [-v] [--unlink] [--progress[=WHEN]] FROM TO'",
    "relay -h, 'usage: jnet relay [-v]'",
  })
  void helpPrintsUsageAndExitsZero(String args, String usage) throws Exception {
    try (JnetProcess jnet = JnetProcess.start(args.split(" "))) {
      assertEquals(0, jnet.awaitExit(), jnet::describe);
      assertTrue(jnet.stdoutText().startsWith(usage), jnet::describe);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "echo notaport, 'jnet echo: missing port in ''notaport'': write notaport:PORT'",
    "echo :http, 'jnet echo: not a port'",
    "echo 127.0.0.1:65536, 'jnet echo: port out of range: 65536'",
    "echo unix:, 'jnet echo: empty unix path'",
    "connect 127.0.0.1:, 'jnet connect: not a port'",
    "connect localhost:-1, 'jnet connect: port out of range: -1'",
    "relay tcp:0 unix:, 'jnet relay: empty unix path'",
    "relay x:y 1, 'jnet relay: not a port'",
  })
  void badAddressExitsTwo(String args, String message) throws Exception {
    try (JnetProcess jnet = JnetProcess.start(args.split(" "))) {
      assertEquals(2, jnet.awaitExit(), jnet::describe);
      jnet.awaitStderr("^" + Pattern.quote(message));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', 'usage: jnet <command>'",
    "frobnicate, 'jnet: unknown command ''frobnicate'''",
    "echo, 'usage: jnet echo'",
    "connect 127.0.0.1:1 extra, 'usage: jnet connect'",
    "relay tcp:0, 'usage: jnet relay'",
  })
  void wrongArgumentsPrintUsageToStderrAndExitTwo(String args, String first) throws Exception {
    String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
    try (JnetProcess jnet = JnetProcess.start(argv)) {
      assertEquals(2, jnet.awaitExit(), jnet::describe);
      jnet.awaitStderr("^" + Pattern.quote(first));
      assertEquals("", jnet.stdoutText());
    }
  }

  @Test
  void versionPrintsTheVersionAndExitsZero() throws Exception {
    try (JnetProcess jnet = JnetProcess.start("--version")) {
      assertEquals(0, jnet.awaitExit(), jnet::describe);
      jnet.awaitStdout("^jnet \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\S+, .+\\)$");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "connect --frob 127.0.0.1:1, 'jnet connect: unknown option ''--frob'' (see ''jnet connect --help'')'",
    "listen -x 0, 'jnet listen: unknown option ''-x'''",
    "listen -kx 0, 'jnet listen: unknown option ''-x'''",
    "echo --keep-open 0, 'jnet echo: unknown option ''--keep-open'''",
    "relay -w 1 0 1, 'jnet relay: unknown option ''-w'''",
    "connect -w, 'jnet connect: option ''-w'' needs a value'",
    "connect -w soon 127.0.0.1:1, 'jnet connect: -w needs a number of seconds above 0, not ''soon'''",
    "connect --progress=often 127.0.0.1:1, 'jnet connect: --progress takes auto, always or never'",
    "--frob, 'jnet: unknown option ''--frob'''",
  })
  void anUnknownOrMalformedOptionIsNamedAndExitsTwo(String args, String message) throws Exception {
    try (JnetProcess jnet = JnetProcess.start(args.split(" "))) {
      assertEquals(2, jnet.awaitExit(), jnet::describe);
      jnet.awaitStderr("^" + Pattern.quote(message));
      assertEquals("", jnet.stdoutText());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "connect udp:7000, 'jnet connect: unknown scheme ''udp'' in ''udp:7000'': jnet speaks tcp:[HOST:]PORT and unix:PATH only'",
    "echo TCP-LISTEN:7000, 'jnet echo: unknown scheme ''TCP-LISTEN'''",
    "relay tcp:0 ssl:example.com:443, 'jnet relay: unknown scheme ''ssl'''",
    "connect [::1], 'jnet connect: missing port in ''[::1]'': write [::1]:PORT'",
    "connect localhost, 'jnet connect: missing port in ''localhost'': write localhost:PORT'",
    "connect fe80::1::7, 'jnet connect: an IPv6 host needs brackets'",
  })
  void anAddressJnetCannotUseSaysWhatIsWrongAndExitsTwo(String args, String message)
      throws Exception {
    try (JnetProcess jnet = JnetProcess.start(args.split(" "))) {
      assertEquals(2, jnet.awaitExit(), jnet::describe);
      jnet.awaitStderr("^" + Pattern.quote(message));
    }
  }
}
