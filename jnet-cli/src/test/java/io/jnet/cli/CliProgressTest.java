package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -v} and {@code --progress}: the live line on stderr (split into lines at each {@code \r}
 * by the reader), and the per-connection summaries.
 */
class CliProgressTest {
  /** A progress line: bytes each way, a rate, the elapsed time. */
  static final String LINE = "sent %s, received %s, [\\d.]+ (B|KiB|MiB|GiB)/s, \\d+:\\d\\d *$";

  private static int echoPort(JnetProcess echo) throws InterruptedException {
    return Integer.parseInt(echo.awaitStdout(CliTest.LISTENING_PORT).group(1));
  }

  private static void feed(JnetProcess p, byte[] bytes) throws IOException {
    try (OutputStream in = p.stdin()) {
      in.write(bytes);
    }
  }

  @Test
  void connectWithProgressAlwaysEndsWithALineOfTheTotals() throws Exception {
    byte[] payload = CliTest.randomBytes(1 << 20, 21);
    try (JnetProcess echo = JnetProcess.start("echo", "-v", "127.0.0.1:0")) {
      int port = echoPort(echo);
      try (JnetProcess connect =
          JnetProcess.startRaw("connect", "--progress=always", "127.0.0.1:" + port)) {
        feed(connect, payload);
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(payload, connect.stdoutBytes());
        connect.awaitStderr("^" + String.format(LINE, "1\\.0 MiB", "1\\.0 MiB"));
      }
      // echo -v adds each connection's duration to its close line.
      echo.awaitStdout(
          "^closed 127\\.0\\.0\\.1:\\d+ read=1048576 written=1048576 time=\\d+\\.\\d{3}s$");
    }
  }

  @Test
  void verboseWithoutATerminalLogsTheConnectionButDrawsNoLiveLine() throws Exception {
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = echoPort(echo);
      try (JnetProcess connect = JnetProcess.startRaw("connect", "-v", "127.0.0.1:" + port)) {
        feed(connect, new byte[] {'h', 'i', '!'});
        assertEquals(0, connect.awaitExit(), connect::describe);
        connect.awaitStderr("^connected to 127\\.0\\.0\\.1:" + port + "$");
        connect.awaitStderr(
            "^closed 127\\.0\\.0\\.1:" + port + " read=3 written=3 time=\\d+\\.\\d{3}s$");
        assertFalse(connect.stderrText().contains("/s,"), connect::describe);
      }
    }
  }

  @Test
  void autoDrawsTheLineWhenStderrIsATerminalAndStdoutIsNot() throws Exception {
    // ./jnet tells the JVM whether fd 1 and 2 are terminals ([ -t N ]) in jnet.std*.tty.
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = echoPort(echo);
      try (JnetProcess connect =
          JnetProcess.startWith(
              List.of("-Djnet.stderr.tty=true", "-Djnet.stdout.tty=false"),
              "connect",
              "-v",
              "127.0.0.1:" + port)) {
        feed(connect, new byte[] {'h', 'i', '!'});
        assertEquals(0, connect.awaitExit(), connect::describe);
        connect.awaitStderr("^" + String.format(LINE, "3 B", "3 B"));
      }
      // Both on the terminal (interactive use): the line would cut into the bytes shown.
      try (JnetProcess connect =
          JnetProcess.startWith(
              List.of("-Djnet.stderr.tty=true", "-Djnet.stdout.tty=true"),
              "connect",
              "-v",
              "127.0.0.1:" + port)) {
        feed(connect, new byte[] {'h', 'i', '!'});
        assertEquals(0, connect.awaitExit(), connect::describe);
        connect.awaitStderr("^closed 127\\.0\\.0\\.1:" + port + " read=3 written=3 time=");
        assertFalse(connect.stderrText().contains("/s,"), connect::describe);
      }
    }
  }

  @Test
  void relayCountsOpenConnectionsAndLogsEachCloseWithItsBytesAndTime() throws Exception {
    byte[] payload = CliTest.randomBytes(512 * 1024, 22);
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      String to = "127.0.0.1:" + echoPort(echo);
      try (JnetProcess relay =
          JnetProcess.start("relay", "-v", "--progress=always", "tcp:127.0.0.1:0", to)) {
        int port =
            Integer.parseInt(relay.awaitStdout(CliRelayTest.RELAYING_PORT + to + "$").group(1));
        try (Socket s = CliListenTest.client(port)) {
          CompletableFuture<Void> sent =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      s.getOutputStream().write(payload);
                      s.shutdownOutput();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          assertArrayEquals(payload, s.getInputStream().readAllBytes());
          sent.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        relay.awaitStdout(
            "^closed 127\\.0\\.0\\.1:\\d+ read=524288 written=524288 time=\\d+\\.\\d{3}s$");
        // The live line counts bytes to TO and back, and the open connections (none left).
        relay.awaitStderr("^0 open, " + String.format(LINE, "512\\.0 KiB", "512\\.0 KiB"));
      }
    }
  }
}
