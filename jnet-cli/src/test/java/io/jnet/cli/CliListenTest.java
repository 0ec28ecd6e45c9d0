package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code jnet listen}: one client (or each in turn with --keep-open) to stdin and stdout. */
class CliListenTest {
  static final String LISTENING_PORT = "^listening on \\{.*port: (\\d+) \\}$";

  static Socket client(int port) throws IOException {
    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
    return s;
  }

  static int listeningPort(JnetProcess listen) throws InterruptedException {
    return Integer.parseInt(listen.awaitStderr(LISTENING_PORT).group(1));
  }

  @Test
  void listenCopiesOneClientBothWaysWithHalfCloseThenExitsZero() throws Exception {
    byte[] down = CliTest.randomBytes(1 << 20, 11); // listen's stdin, to the client
    byte[] up = CliTest.randomBytes(768 * 1024, 12); // the client's bytes, to listen's stdout
    try (JnetProcess listen = JnetProcess.startRaw("listen", "-v", "127.0.0.1:0")) {
      int port = listeningPort(listen);
      try (Socket s = client(port)) {
        CompletableFuture<Void> stdin =
            CompletableFuture.runAsync(
                () -> {
                  try (OutputStream in = listen.stdin()) {
                    in.write(down);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        CompletableFuture<Void> sent =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    s.getOutputStream().write(up);
                    s.shutdownOutput();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        // The end of listen's stdin reaches the client as EOF (FIN), after every byte.
        assertArrayEquals(down, s.getInputStream().readAllBytes());
        stdin.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        sent.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      assertEquals(0, listen.awaitExit(), listen::describe);
      assertArrayEquals(up, listen.stdoutBytes());
      listen.awaitStderr("^connection from 127\\.0\\.0\\.1:\\d+$");
      listen.awaitStderr(
          "^closed 127\\.0\\.0\\.1:\\d+ read="
              + up.length
              + " written="
              + down.length
              + " time=\\d+\\.\\d{3}s$");
    }
  }

  @Test
  void keepOpenServesClientsInTurnAndEndsEachOnceStdinEnded() throws Exception {
    try (JnetProcess listen = JnetProcess.startRaw("listen", "-kv", "127.0.0.1:0")) {
      int port = listeningPort(listen);
      listen.stdin().close(); // every client gets FIN as soon as it is served
      try (Socket first = client(port)) {
        first.getOutputStream().write("first ".getBytes());
        listen.awaitStdoutCount(6);
        try (Socket second = client(port)) {
          // The second waits, unserved, while the first is open; its bytes come after.
          second.getOutputStream().write("second".getBytes());
          second.shutdownOutput();
          first.shutdownOutput();
          assertEquals(-1, first.getInputStream().read());
          assertEquals(-1, second.getInputStream().read());
        }
      }
      listen.awaitStdoutCount(12);
      listen.awaitStderr("^closed 127\\.0\\.0\\.1:\\d+ read=6 written=0 time=", 2);
      listen.terminate();
      assertEquals(0, listen.awaitExit(), listen::describe);
      assertEquals("first second", new String(listen.stdoutBytes()));
    }
  }

  @Test
  void withoutKeepOpenTheServerStopsListeningAtItsFirstClient() throws Exception {
    try (JnetProcess listen = JnetProcess.startRaw("listen", "-v", "127.0.0.1:0")) {
      int port = listeningPort(listen);
      try (Socket s = client(port)) {
        listen.awaitStderr("^connection from ");
        try (JnetProcess late = JnetProcess.startRaw("connect", "127.0.0.1:" + port)) {
          assertEquals(1, late.awaitExit(), late::describe);
          late.awaitStderr("connect ECONNREFUSED 127\\.0\\.0\\.1:" + port + "$");
        }
        s.shutdownOutput();
        listen.stdin().close();
        assertEquals(-1, s.getInputStream().read());
      }
      assertEquals(0, listen.awaitExit(), listen::describe);
    }
  }
}
