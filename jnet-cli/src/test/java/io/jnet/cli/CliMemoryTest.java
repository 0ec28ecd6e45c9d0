package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: {@code connect}, {@code listen} and {@code relay} move {@value #MIB} MiB each way
 * at once in a JVM whose heap may not pass 64 MiB, and every byte arrives (count and CRC32).
 *
 * <p>The peers here write as fast as they can, so without backpressure from stdin to the socket,
 * and from the socket to stdout, the tool would queue the difference and run out of heap ({@code
 * -XX:+ExitOnOutOfMemoryError} makes that an exit code, not a hang). 1 GiB runs by hand give the
 * same bound (see the README).
 */
class CliMemoryTest {
  static final int MIB = 128;
  static final long TOTAL = (long) MIB << 20;
  static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");

  /** A block whose length is no power of two, so chunk boundaries never line up with it. */
  private static final byte[] BLOCK = CliTest.randomBytes((1 << 20) + 7, 31);

  private static final long EXPECTED_CRC = expectedCrc();

  private static long expectedCrc() {
    CRC32 crc = new CRC32();
    for (long left = TOTAL; left > 0; left -= BLOCK.length) {
      crc.update(BLOCK, 0, (int) Math.min(left, BLOCK.length));
    }
    return crc.getValue();
  }

  /** Writes {@link #TOTAL} bytes of the pattern, then closes {@code out} (FIN or EOF). */
  /**
   * A thread of its own for each blocking peer task: the common pool may have fewer threads than
   * the test has blocked readers and writers (it has one on a 2-core machine), which deadlocks.
   */
  private static final java.util.concurrent.Executor OWN_THREAD =
      task -> {
        Thread t = new Thread(task, "cli-memory-peer");
        t.setDaemon(true);
        t.start();
      };

  private static CompletableFuture<Void> send(OutputStream out, Runnable finish) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (long left = TOTAL; left > 0; left -= BLOCK.length) {
              out.write(BLOCK, 0, (int) Math.min(left, BLOCK.length));
            }
            out.flush();
            finish.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        OWN_THREAD);
  }

  private static Runnable shutdownOutput(Socket s) {
    return () -> {
      try {
        s.shutdownOutput();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static Runnable close(OutputStream out) {
    return () -> {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Reads {@code in} to its end; asserts the count and CRC32 of the pattern. */
  private static void assertPattern(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[256 * 1024];
    long count = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      crc.update(buf, 0, n);
      count += n;
    }
    assertEquals(TOTAL, count, "bytes");
    assertEquals(EXPECTED_CRC, crc.getValue(), "CRC32");
  }

  /** {@link #assertPattern(InputStream)}, with what {@code p} printed when it fails. */
  private static void assertPattern(InputStream in, JnetProcess p) throws IOException {
    try {
      assertPattern(in);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + p.describe(), e);
    }
  }

  private static void assertPatternOnStdout(JnetProcess p) throws InterruptedException {
    assertEquals(0, p.awaitExit(), p::describe);
    assertEquals(TOTAL, p.stdoutCount(), p::describe);
    assertEquals(EXPECTED_CRC, p.stdoutCrc(), "CRC32 of stdout");
  }

  private static ServerSocket localServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(JnetProcess.TIMEOUT_SECONDS));
    return server;
  }

  @Test
  void connectMovesBothWaysInA64MibHeap() throws Exception {
    try (ServerSocket server = localServer();
        JnetProcess connect =
            JnetProcess.startChecksummed(
                SMALL_HEAP, "connect", "127.0.0.1:" + server.getLocalPort());
        Socket peer = server.accept()) {
      CompletableFuture<Void> down = send(peer.getOutputStream(), shutdownOutput(peer));
      CompletableFuture<Void> up = send(connect.stdin(), close(connect.stdin()));
      assertPattern(peer.getInputStream(), connect);
      down.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      up.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertPatternOnStdout(connect);
    }
  }

  @Test
  void listenMovesBothWaysInA64MibHeap() throws Exception {
    try (JnetProcess listen =
        JnetProcess.startChecksummed(SMALL_HEAP, "listen", "-v", "127.0.0.1:0")) {
      int port = CliListenTest.listeningPort(listen);
      try (Socket peer = CliListenTest.client(port)) {
        CompletableFuture<Void> up = send(peer.getOutputStream(), shutdownOutput(peer));
        CompletableFuture<Void> down = send(listen.stdin(), close(listen.stdin()));
        assertPattern(peer.getInputStream(), listen);
        up.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        down.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      assertPatternOnStdout(listen);
    }
  }

  @Test
  void relayMovesBothWaysInA64MibHeap() throws Exception {
    try (ServerSocket upstream = localServer()) {
      String to = "127.0.0.1:" + upstream.getLocalPort();
      try (JnetProcess relay = JnetProcess.startWith(SMALL_HEAP, "relay", "tcp:127.0.0.1:0", to)) {
        int port =
            Integer.parseInt(relay.awaitStdout(CliRelayTest.RELAYING_PORT + to + "$").group(1));
        try (Socket client = CliListenTest.client(port);
            Socket peer = upstream.accept()) {
          peer.setSoTimeout(client.getSoTimeout());
          CompletableFuture<Void> up = send(client.getOutputStream(), shutdownOutput(client));
          CompletableFuture<Void> down = send(peer.getOutputStream(), shutdownOutput(peer));
          CompletableFuture<Void> upRead =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      assertPattern(peer.getInputStream());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  },
                  OWN_THREAD);
          assertPattern(client.getInputStream());
          upRead.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
          up.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
          down.get(JnetProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        relay.terminate();
        assertEquals(0, relay.awaitExit(), relay::describe);
      }
    }
  }
}
