package io.jnet.net.stress;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.buffer.Buffer;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.net.interop.NodeProgram;
import io.jnet.net.interop.Prng;
import io.jnet.testing.NodeJs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paused jnet socket holds back a Node writer of 1 GiB: jnet's heap stays flat, the writer is
 * blocked, and on resume every byte arrives.
 *
 * <h2>How it is measured</h2>
 *
 * <p>Node's {@code flood.js} writes 1 GiB to a jnet server socket as fast as backpressure lets it.
 * The socket is paused on connect ({@code pauseOnConnect}), or paused by its own {@code 'data'}
 * listener after the first MiB (Netty's auto-read toggled from inside a read, a known trap).
 *
 * <p>The writer's progress is read from the kernel: {@code wchar} of {@code /proc/PID/io}, the
 * bytes Node has passed to {@code write}/{@code writev} (Linux only; elsewhere the test is
 * skipped). Once neither that count nor jnet's {@code bytesRead()} has moved for {@value
 * #QUIET_SAMPLES} samples {@value #SAMPLE_MILLIS} ms apart, the writer is blocked. That polling is
 * the only wait on time, and no time is asserted.
 *
 * <p>Heap growth is measured in this JVM: used heap ({@code Runtime} total minus free) after two
 * {@code System.gc()} (full collections), once before Node starts and again while the writer is
 * blocked; the difference must stay under 16 MiB. Netty's pooled direct buffers are off-heap and
 * not counted. Also asserted while paused: jnet read under 16 MiB from the kernel after the pause,
 * the writer's count did not move across the measurement, and it is far below 1 GiB.
 *
 * <p>Then the socket resumes; every byte is checked against {@code flood.js}'s repeated block, no
 * {@code 'data'} may come while paused, and Node's result must say it wrote the whole gibibyte.
 */
class PausedBackpressureTest {
  private static final long FLOOD = 1L << 30;
  private static final long MAX_HEAP_GROWTH = 16L << 20;
  private static final long MAX_WRITTEN_WHILE_PAUSED = 64L << 20;
  private static final int QUIET_SAMPLES = 5;
  private static final long SAMPLE_MILLIS = 100;
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void socketPausedOnConnectHoldsBackANodeWriterOfOneGibibyteOverTcp() throws Exception {
    flood(ListenOptions.port(0).host("127.0.0.1"), -1);
  }

  @Test
  void socketPausedWhileFlowingHoldsBackANodeWriterOfOneGibibyteOverTcp() throws Exception {
    flood(ListenOptions.port(0).host("127.0.0.1"), 1 << 20);
  }

  @Test
  void socketPausedOnConnectHoldsBackANodeWriterOfOneGibibyteOverIpc() throws Exception {
    flood(ListenOptions.path(dir.resolve("flood.sock").toString()), -1);
  }

  /**
   * Floods a jnet server socket from Node, paused on connect ({@code pauseAt} -1) or paused by its
   * {@code 'data'} listener once {@code pauseAt} bytes have arrived.
   */
  private void flood(ListenOptions listen, long pauseAt) throws Exception {
    NodeJs.assumeAvailable();
    List<String> problems = new CopyOnWriteArrayList<>();
    CompletableFuture<Receiver> accepted = new CompletableFuture<>();
    CompletableFuture<AddressInfo> listening = new CompletableFuture<>();
    Server server =
        Net.createServer(
            ServerOptions.defaults().pauseOnConnect(pauseAt < 0),
            socket -> {
              if (accepted.isDone()) {
                socket.destroy();
                return;
              }
              accepted.complete(new Receiver(socket, problems, pauseAt));
            });
    server.on(Server.ERROR, listening::completeExceptionally);
    NodeProgram node = null;
    try {
      server.listen(listen, () -> listening.complete(server.address()));
      AddressInfo where = await(listening, "the server's 'listening'");
      String addr = listen.path() != null ? "unix:" + listen.path() : "tcp:" + where.port();
      long heapBefore = heapAfterGc();

      long start = System.nanoTime();
      node = NodeProgram.start("flood.js", addr, Long.toString(FLOOD));
      assumeTrue(node.kernelBytesWritten() >= 0, "needs /proc/PID/io to see Node's progress");
      Receiver receiver = await(accepted, "the server's 'connection'");
      Socket socket = receiver.socket;
      long readAtPause = await(receiver.paused, "the socket's pause");
      long nodeWritten = awaitBlocked(node, socket);
      long jnetRead = socket.bytesRead();
      long heapPaused = heapAfterGc();
      long nodeWrittenAfterGc = node.kernelBytesWritten();
      long blockedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      socket.loop().execute(receiver::resume);
      Map<String, Object> flood = node.awaitResult(TIMEOUT_SECONDS);
      Boolean hadError = await(receiver.closed, "the server socket's 'close'");
      await(server.closeAsync(), "the server's 'close'");
      long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      System.out.printf(
          "PausedBackpressureTest: %s, %s, transport %s; while paused node wrote %d bytes to the"
              + " kernel, jnet read %d (%d after the pause); heap %+d bytes (before %d, paused"
              + " %d); blocked after %d ms; 1 GiB done in %d ms; node %s%n",
          listen.path() != null ? "ipc" : "tcp",
          pauseAt < 0 ? "pauseOnConnect" : "paused after " + pauseAt + " bytes",
          Transport.current(),
          nodeWritten,
          jnetRead,
          jnetRead - readAtPause,
          heapPaused - heapBefore,
          heapBefore,
          heapPaused,
          blockedMs,
          totalMs,
          flood);
      long received = receiver.received;
      Long mismatchAt = receiver.mismatchAt;
      assertAll(
          () ->
              assertTrue(
                  heapPaused - heapBefore < MAX_HEAP_GROWTH,
                  "heap grew by " + (heapPaused - heapBefore) + " bytes while paused"),
          () ->
              assertTrue(
                  nodeWritten < MAX_WRITTEN_WHILE_PAUSED,
                  "node wrote " + nodeWritten + " bytes while jnet was paused"),
          () ->
              assertEquals(
                  nodeWritten, nodeWrittenAfterGc, "node's writes moved while jnet was paused"),
          () ->
              assertTrue(
                  jnetRead - readAtPause < MAX_HEAP_GROWTH,
                  "jnet read " + (jnetRead - readAtPause) + " bytes from the kernel while paused"),
          () -> assertEquals(List.of(), problems, "problems seen by listeners"),
          () -> assertEquals(FLOOD, received, "bytes jnet received in 'data'"),
          () -> assertNull(mismatchAt, "offset of the first wrong byte jnet received"),
          () -> assertEquals(Boolean.FALSE, hadError, "'close'(hadError)"),
          () -> assertEquals(FLOOD, flood.get("written"), "bytes node wrote"),
          () -> assertEquals(List.of(), flood.get("errors"), "node's errors"),
          () -> assertEquals(Boolean.TRUE, flood.get("ok"), "node's ok"),
          () -> assertEquals(0L, flood.get("exitCode"), "node's exit code"));
    } finally {
      if (node != null) node.close();
      if (server.listening()) server.close();
      accepted.thenAccept(r -> r.socket.destroy());
    }
  }

  /**
   * Waits until neither Node's kernel write count nor jnet's {@code bytesRead()} has moved for
   * {@value #QUIET_SAMPLES} samples; returns Node's count then.
   */
  private static long awaitBlocked(NodeProgram node, Socket socket) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    long last = -1;
    long lastRead = -1;
    int quiet = 0;
    while (quiet < QUIET_SAMPLES) {
      if (System.nanoTime() > deadline) {
        fail("node's writes never stopped while jnet was paused; last count " + last);
      }
      if (!node.alive()) fail("node exited while jnet was paused");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS));
      long now = node.kernelBytesWritten();
      long read = socket.bytesRead();
      quiet = now == last && read == lastRead && now > 0 ? quiet + 1 : 0;
      last = now;
      lastRead = read;
    }
    return last;
  }

  /**
   * Used heap after full collections: {@code Runtime} rather than {@code MemoryMXBean}, because the
   * tests compile inside the {@code io.jnet} module, which does not read {@code java.management}.
   */
  private static long heapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * The server side: checks what arrives against flood.js's repeated block, pauses the socket once
   * {@code pauseAt} bytes have arrived (or finds it paused on connect), and notes any {@code
   * 'data'} while paused.
   */
  private static final class Receiver {
    private static final byte[] BLOCK = Prng.floodBlock();
    final Socket socket;
    final List<String> problems;
    final long pauseAt;
    final CompletableFuture<Long> paused = new CompletableFuture<>();
    final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    // Loop thread only; published to the test thread by completing `closed`.
    long received;
    Long mismatchAt;
    boolean isPaused;

    /** Loop thread: adds the listeners. */
    Receiver(Socket socket, List<String> problems, long pauseAt) {
      this.socket = socket;
      this.problems = problems;
      this.pauseAt = pauseAt;
      socket.on(Socket.DATA, this::onData);
      socket.on(Socket.ERROR, e -> problems.add("'error' " + e));
      socket.on(Socket.CLOSE, closed::complete);
      if (pauseAt < 0) {
        isPaused = true;
        paused.complete(socket.bytesRead());
      }
    }

    /** Loop thread. */
    void resume() {
      isPaused = false;
      socket.resume();
    }

    private void onData(Buffer chunk) {
      if (!socket.loop().inLoop()) problem("'data' off the loop on " + Thread.currentThread());
      if (isPaused) problem("'data' of " + chunk.length() + " bytes while paused");
      byte[] a = chunk.array();
      int pos = chunk.arrayOffset();
      int left = chunk.length();
      while (left > 0) {
        int off = (int) (received % BLOCK.length);
        int n = Math.min(BLOCK.length - off, left);
        if (mismatchAt == null) {
          int bad = Arrays.mismatch(a, pos, pos + n, BLOCK, off, off + n);
          if (bad >= 0) mismatchAt = received + bad;
        }
        received += n;
        pos += n;
        left -= n;
      }
      if (pauseAt >= 0 && received >= pauseAt && !paused.isDone()) {
        isPaused = true;
        socket.pause();
        paused.complete(socket.bytesRead());
      }
    }

    private void problem(String p) {
      if (problems.size() < 10) problems.add(p);
    }
  }

  private static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("no " + what + " within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      return fail(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
