package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code jnet connect} and {@code jnet echo} against plain java.net peers. */
class CliConnectTest {
  private static ServerSocket localServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
    return server;
  }

  @Test
  void peerFinFirstStillLetsStdinFlowUntilItEnds() throws Exception {
    byte[] down = CliTest.randomBytes(512 * 1024, 7);
    byte[] up = CliTest.randomBytes(768 * 1024, 8);
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startRaw("connect", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      peer.setSoTimeout(server.getSoTimeout());
      peer.getOutputStream().write(down);
      peer.shutdownOutput();
      // connect allows half-open: after the peer's FIN its stdin still reaches the peer.
      CompletableFuture<Void> written =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream in = connect.stdin()) {
                  in.write(up);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertArrayEquals(up, peer.getInputStream().readAllBytes());
      written.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      peer.close();
      assertEquals(0, connect.awaitExit(), connect::describe);
      assertArrayEquals(down, connect.stdoutBytes());
    }
  }

  @Test
  void aClosedStdoutEndsTheConnectionAndExitsOne() throws Exception {
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startWithStdoutClosed("connect", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      // The peer streams without end; only connect giving up on its broken stdout stops it.
      CompletableFuture<Void> streaming =
          CompletableFuture.runAsync(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  while (true) peer.getOutputStream().write(chunk);
                } catch (IOException closedByConnect) {
                  // expected: connect destroyed the socket
                }
              });
      assertEquals(1, connect.awaitExit(), connect::describe);
      streaming.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void echoOnATcpPortInUseExitsOneNamingEaddrinuse() throws Exception {
    try (ServerSocket taken = localServer()) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      try (JnetProcess echo = JnetProcess.start("echo", address)) {
        assertEquals(1, echo.awaitExit(), echo::describe);
        echo.awaitStderr("EADDRINUSE.*" + taken.getLocalPort());
      }
    }
  }

  @Test
  void echoLogsAResetClientAndItsClose() throws Exception {
    try (JnetProcess echo = JnetProcess.start("echo", "127.0.0.1:0")) {
      int port = Integer.parseInt(echo.awaitStdout(CliTest.LISTENING_PORT).group(1));
      try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
        s.getOutputStream().write(new byte[] {1, 2, 3});
        byte[] back = s.getInputStream().readNBytes(3);
        assertArrayEquals(new byte[] {1, 2, 3}, back);
        String peer = "127\\.0\\.0\\.1:" + s.getLocalPort();
        echo.awaitStdout("^connection from " + peer + "$");
        s.setSoLinger(true, 0); // close() sends RST
        s.close();
        echo.awaitStdout("^error " + peer + " ECONNRESET$");
        echo.awaitStdout("^closed " + peer + " read=3 written=3$");
      }
    }
  }
}
