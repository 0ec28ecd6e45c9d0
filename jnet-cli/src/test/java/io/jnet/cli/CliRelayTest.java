package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnet relay FROM TO}: bytes both ways, byte-exact, with half-close in each direction. */
class CliRelayTest {
  static final String RELAYING_PORT = "^relaying \\{.*port: (\\d+) \\} to ";

  @TempDir Path dir;

  /** Starts {@code jnet echo unix:dir/echo.sock} and waits until it listens. */
  private JnetProcess unixEcho(Path sock) throws Exception {
    JnetProcess echo = JnetProcess.start("echo", "unix:" + sock);
    echo.awaitStdout("^listening on " + Pattern.quote(sock.toString()) + "$");
    return echo;
  }

  private static int relayPort(JnetProcess relay, String to) throws InterruptedException {
    return Integer.parseInt(relay.awaitStdout(RELAYING_PORT + Pattern.quote(to) + "$").group(1));
  }

  private static Socket client(int port) throws IOException {
    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
    return s;
  }

  /** Writes {@code bytes} then sends FIN, on another thread. */
  private static CompletableFuture<Void> sendThenFin(Socket s, byte[] bytes) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            s.getOutputStream().write(bytes);
            s.shutdownOutput();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void relayToAUnixEchoCopiesMegabytesBothWaysAndPassesFinBothWays() throws Exception {
    Path sock = dir.resolve("echo.sock");
    String to = "unix:" + sock;
    byte[] payload = CliTest.randomBytes(4 << 20, 3);
    try (JnetProcess echo = unixEcho(sock);
        JnetProcess relay = JnetProcess.start("relay", "tcp:0", to)) {
      int port = relayPort(relay, to);
      try (Socket s = client(port)) {
        CompletableFuture<Void> sent = sendThenFin(s, payload);
        // Everything still in flight after our FIN comes back, then the echo's FIN (EOF).
        byte[] back = s.getInputStream().readAllBytes();
        sent.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(payload, back);
      }
      // tcp:0 listens on :: where IPv6 is up, so an IPv4 client shows as v4-mapped (as in Node).
      relay.awaitStdout(
          "^relay (127\\.0\\.0\\.1|\\[::ffff:127\\.0\\.0\\.1\\]):\\d+ -> "
              + Pattern.quote(to)
              + "$");
      echo.awaitStdout("^closed unix socket read=" + payload.length + " written=" + payload.length);
    }
  }

  @Test
  void upstreamFinReachesTheClientWhileTheClientKeepsSending() throws Exception {
    byte[] down = CliTest.randomBytes(2 << 20, 4);
    byte[] up = CliTest.randomBytes(3 << 20, 5);
    try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      upstream.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
      String to = "127.0.0.1:" + upstream.getLocalPort();
      try (JnetProcess relay = JnetProcess.start("relay", "tcp:0", to)) {
        int port = relayPort(relay, to);
        try (Socket s = client(port);
            Socket peer = upstream.accept()) {
          peer.setSoTimeout(s.getSoTimeout());
          // The upstream speaks first and ends; only then does the client send and end.
          CompletableFuture<Void> peerSent = sendThenFin(peer, down);
          assertArrayEquals(down, s.getInputStream().readAllBytes());
          peerSent.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
          CompletableFuture<Void> clientSent = sendThenFin(s, up);
          assertArrayEquals(up, peer.getInputStream().readAllBytes());
          clientSent.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void connectThroughRelayToUnixEchoReturnsStdin() throws Exception {
    Path sock = dir.resolve("echo.sock");
    String to = "unix:" + sock;
    byte[] payload = CliTest.randomBytes(2 << 20, 6);
    try (JnetProcess echo = unixEcho(sock);
        JnetProcess relay = JnetProcess.start("relay", "tcp:0", to)) {
      int port = relayPort(relay, to);
      try (JnetProcess connect = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
        try (OutputStream in = connect.stdin()) {
          in.write(payload);
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(payload, connect.stdoutBytes());
      }
      echo.awaitStdout("^closed unix socket read=" + payload.length + " written=" + payload.length);
    }
  }

  @Test
  void aResetClientDestroysTheUpstreamAndIsLogged() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      upstream.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
      String to = "127.0.0.1:" + upstream.getLocalPort();
      try (JnetProcess relay = JnetProcess.start("relay", "tcp:127.0.0.1:0", to)) {
        int port = relayPort(relay, to);
        try (Socket s = client(port);
            Socket peer = upstream.accept()) {
          peer.setSoTimeout(s.getSoTimeout());
          s.getOutputStream().write(new byte[] {1, 2, 3});
          assertArrayEquals(new byte[] {1, 2, 3}, peer.getInputStream().readNBytes(3));
          String from = "127\\.0\\.0\\.1:" + s.getLocalPort();
          relay.awaitStdout("^relay " + from + " -> " + Pattern.quote(to) + "$");
          s.setSoLinger(true, 0); // close() sends RST
          s.close();
          relay.awaitStdout("^error " + from + " ECONNRESET$");
          try {
            assertEquals(-1, peer.getInputStream().read());
          } catch (SocketException reset) {
            // Destroying may also reach the upstream as a reset: either way it was closed.
          }
        }
      }
    }
  }

  @Test
  void anUnreachableUpstreamClosesTheClientAndLogsTheCode() throws Exception {
    Path missing = dir.resolve("missing.sock");
    String to = "unix:" + missing;
    try (JnetProcess relay = JnetProcess.start("relay", "tcp:0", to)) {
      int port = relayPort(relay, to);
      try (Socket s = client(port)) {
        InputStream in = s.getInputStream();
        try {
          assertEquals(-1, in.read());
        } catch (SocketException reset) {
          // A destroyed client may also arrive as a reset: either way the relay closed it.
        }
      }
      relay.awaitStdout("^error " + Pattern.quote(to) + " ENOENT$");
    }
  }
}
