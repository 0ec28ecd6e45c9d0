package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sixteen threads race on one socket with write, end and destroy. Whatever wins, each thread's
 * frames arrive in its order and uncorrupted (a prefix of what it wrote), no call throws, the
 * socket emits at most one {@code 'error'} (a stream code or a peer's reset) and {@code 'close'}
 * once, and nothing stays open.
 */
@Timeout(120)
class RaceTest {
  private static final int THREADS = 16;
  private static final List<String> RACE_CODES =
      List.of("ERR_STREAM_WRITE_AFTER_END", "ERR_STREAM_DESTROYED", "EPIPE", "ECONNRESET");

  /** A server that keeps what each connection sends; completes the bytes at 'close'. */
  private static final class Sink {
    final Server server;
    final List<CompletableFuture<byte[]>> received = new CopyOnWriteArrayList<>();

    Sink() {
      server =
          Net.createServer(
              s -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                CompletableFuture<byte[]> done = new CompletableFuture<>();
                received.add(done);
                s.on(Socket.ERROR, e -> {});
                s.on(Socket.DATA, b -> bytes.writeBytes(b.toByteArray()));
                s.on(Socket.CLOSE, h -> done.complete(bytes.toByteArray()));
              });
    }
  }

  private static byte[] frame(int thread, int seq) {
    return ByteBuffer.allocate(8).putInt(thread).putInt(seq).array();
  }

  /** Checks that each thread's frames are 0, 1, 2... in order; returns the frames per thread. */
  private static int[] checkFrames(byte[] bytes) {
    assertEquals(0, bytes.length % 8, "whole frames only: " + bytes.length + " bytes");
    int[] next = new int[THREADS];
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      int thread = b.getInt();
      int seq = b.getInt();
      if (thread < 0 || thread >= THREADS) fail("corrupt frame: thread " + thread);
      if (seq != next[thread])
        fail("thread " + thread + ": frame " + seq + ", expected " + next[thread]);
      next[thread]++;
    }
    return next;
  }

  @Test
  void sixteenWritersThenEndDeliverEveryFrameInEachThreadsOrder() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Sink sink = new Sink();
    int port = Faults.listen(sink.server);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    Faults.Events[] events = new Faults.Events[1];
    Socket client =
        Faults.connect(
            port,
            s -> {
              events[0] = Faults.Events.of(s);
              s.on(Socket.CONNECT, () -> connected.complete(null));
            });
    Faults.await(connected, "'connect'");
    int frames = 2000;
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < frames; i++) client.write(Buffer.wrap(frame(id, i)));
              });
      threads[t].start();
    }
    for (Thread t : threads) t.join();
    client.end();
    events[0].assertCleanClose();
    int[] counts = checkFrames(Faults.await(sink.received.get(0), "the server's 'close'"));
    for (int t = 0; t < THREADS; t++) assertEquals(frames, counts[t], "frames of thread " + t);
    Faults.close(sink.server);
    base.assertBack();
  }

  @Test
  void sixteenThreadsRacingWriteEndAndDestroyCloseOnceAndCorruptNothing() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Sink sink = new Sink();
    int port = Faults.listen(sink.server);
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    int rounds = 40;
    for (int round = 0; round < rounds; round++) {
      CompletableFuture<Void> connected = new CompletableFuture<>();
      Faults.Events[] events = new Faults.Events[1];
      Socket client =
          Faults.connect(
              port,
              s -> {
                events[0] = Faults.Events.of(s);
                s.on(Socket.CONNECT, () -> connected.complete(null));
              });
      Faults.await(connected, "'connect'");
      CyclicBarrier start = new CyclicBarrier(THREADS);
      Thread[] threads = new Thread[THREADS];
      int ender = round % THREADS;
      int destroyer = (round * 7 + 3) % THREADS;
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        threads[t] =
            new Thread(
                () -> {
                  try {
                    start.await(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    for (int i = 0; i < 200; i++) {
                      if (id == ender && i == 50) client.end();
                      if (id == destroyer && i == 100 && ender != destroyer) client.destroy();
                      client.write(Buffer.wrap(frame(id, i)), e -> {});
                    }
                  } catch (Throwable e) {
                    thrown.add(e);
                  }
                });
        threads[t].start();
      }
      for (Thread t : threads) t.join();
      client.destroy();
      events[0].assertClosedOnce(RACE_CODES.toArray(new String[0]));
      checkFrames(Faults.await(sink.received.get(round), "the server's 'close'"));
    }
    assertEquals(List.of(), thrown, "exceptions thrown by write/end/destroy");
    Faults.close(sink.server);
    base.assertBack();
  }

  @Test
  void sixteenThreadsDestroyingAtOnceCloseOnce() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Sink sink = new Sink();
    int port = Faults.listen(sink.server);
    for (int round = 0; round < 40; round++) {
      CompletableFuture<Void> connected = new CompletableFuture<>();
      Faults.Events[] events = new Faults.Events[1];
      Socket client =
          Faults.connect(
              port,
              s -> {
                events[0] = Faults.Events.of(s);
                s.on(Socket.CONNECT, () -> connected.complete(null));
              });
      Faults.await(connected, "'connect'");
      CyclicBarrier start = new CyclicBarrier(THREADS);
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        threads[t] =
            new Thread(
                () -> {
                  try {
                    start.await(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                  if (id % 2 == 0) client.destroy();
                  else client.resetAndDestroy();
                });
        threads[t].start();
      }
      for (Thread t : threads) t.join();
      events[0].assertClosedOnce();
      Faults.await(sink.received.get(round), "the server's 'close'");
    }
    Faults.close(sink.server);
    base.assertBack();
  }
}
