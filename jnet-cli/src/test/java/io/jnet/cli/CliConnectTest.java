package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void waitClosesAnIdleConnectionAndExitsZeroAsNcDoes() throws Exception {
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startRaw("connect", "-v", "-w", "1", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      peer.setSoTimeout(server.getSoTimeout());
      peer.getOutputStream().write(new byte[] {'x'});
      // stdin stays open and the peer says no more: after a second of silence connect gives up.
      assertEquals(0, connect.awaitExit(), connect::describe);
      connect.awaitStderr("^jnet connect: idle for 1 s, closing$");
      assertArrayEquals(new byte[] {'x'}, connect.stdoutBytes());
      assertEquals(-1, peer.getInputStream().read());
    }
  }

  @Test
  void waitGivesUpOnAConnectThatHangsAndExitsOne() throws Exception {
    // A listener whose accept queue is full drops further SYNs, so the next connect hangs.
    try (ServerSocketChannel full = ServerSocketChannel.open()) {
      full.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
      int port = ((InetSocketAddress) full.getLocalAddress()).getPort();
      List<SocketChannel> queued = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          SocketChannel c = SocketChannel.open();
          queued.add(c);
          c.configureBlocking(false);
          c.connect(full.getLocalAddress());
        }
        try (JnetProcess connect =
            JnetProcess.startRaw("connect", "-w", "1", "127.0.0.1:" + port)) {
          assertEquals(1, connect.awaitExit(), connect::describe);
          connect.awaitStderr(
              "^jnet connect: connect timed out after 1 s: 127\\.0\\.0\\.1:" + port + "$");
        }
      } finally {
        for (SocketChannel c : queued) c.close();
      }
    }
  }

  @Test
  void noShutdownKeepsTheSocketOpenAfterStdinEndsAndExitsWhenThePeerEnds() throws Exception {
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startRaw("connect", "--no-shutdown", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      peer.setSoTimeout(server.getSoTimeout());
      try (OutputStream in = connect.stdin()) {
        in.write(new byte[] {'u', 'p'});
      }
      assertArrayEquals(new byte[] {'u', 'p'}, peer.getInputStream().readNBytes(2));
      // Still open: the peer can answer after connect's stdin ended (no FIN came).
      peer.getOutputStream().write(new byte[] {'o', 'k'});
      connect.awaitStdoutCount(2);
      peer.shutdownOutput();
      assertEquals(-1, peer.getInputStream().read()); // the peer's FIN ends connect's side too
      assertEquals(0, connect.awaitExit(), connect::describe);
      assertArrayEquals(new byte[] {'o', 'k'}, connect.stdoutBytes());
    }
  }

  @Test
  void stdinEndSendsFinWhileStdoutStillReceives() throws Exception {
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startRaw("connect", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      peer.setSoTimeout(server.getSoTimeout());
      connect.stdin().close();
      // nc -N: end of stdin is a FIN at once; the peer may still answer, and connect prints it.
      assertEquals(-1, peer.getInputStream().read());
      peer.getOutputStream().write(new byte[] {'l', 'a', 't', 'e'});
      peer.shutdownOutput();
      assertEquals(0, connect.awaitExit(), connect::describe);
      assertArrayEquals(new byte[] {'l', 'a', 't', 'e'}, connect.stdoutBytes());
    }
  }
}
