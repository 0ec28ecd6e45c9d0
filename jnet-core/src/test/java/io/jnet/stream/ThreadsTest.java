package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Streams called from threads other than their loop's. */
class ThreadsTest {
  private static final int THREADS = 8;
  private static final int WRITES = 2000;

  private static Writable recorder(List<String> chunks, StreamOptions options) {
    return new Writable(
        options.write(
            (chunk, cb) -> {
              chunks.add(chunk.toString());
              cb.done();
            }));
  }

  private static void runThreads(int n, java.util.function.IntConsumer body)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < n; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  body.accept(id);
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      th.start();
      threads.add(th);
    }
    start.countDown();
    for (Thread th : threads) th.join(30_000);
    if (failure.get() != null) throw new AssertionError(failure.get());
  }

  @Test
  void eightThreadsWritingAtOnceLoseNothingAndKeepTheirOrder() throws InterruptedException {
    List<String> chunks = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger callbacks = new AtomicInteger();
    Writable w = recorder(chunks, StreamOptions.defaults());
    runThreads(
        THREADS,
        id -> {
          for (int i = 0; i < WRITES; i++) w.write(id + ":" + i, e -> callbacks.incrementAndGet());
        });
    Loops.awaitIdle();
    assertEquals(THREADS * WRITES, chunks.size());
    assertEquals(THREADS * WRITES, callbacks.get());
    int[] next = new int[THREADS];
    for (String c : chunks) {
      String[] parts = c.split(":");
      int id = Integer.parseInt(parts[0]);
      assertEquals(next[id]++, Integer.parseInt(parts[1]), "order of thread " + id);
    }
  }

  @Test
  void aFalseReturnOffTheLoopIsAlwaysFollowedByDrain() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Semaphore drains = new Semaphore(0);
    Writable w =
        new Writable(
            StreamOptions.defaults()
                .highWaterMark(16)
                .write(
                    (chunk, cb) -> {
                      out.write(chunk.array(), chunk.arrayOffset(), chunk.length());
                      Loops.loop().setImmediate(cb::done);
                    }));
    w.on(Writable.DRAIN, () -> drains.release());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    int[] falses = new int[1];
    runThreads(
        1,
        id -> {
          for (int i = 0; i < 500; i++) {
            byte[] chunk = {(byte) i, (byte) (i >> 8), 7, 9};
            expected.write(chunk, 0, chunk.length);
            if (!w.write(chunk)) {
              falses[0]++;
              try {
                assertTrue(drains.tryAcquire(10, TimeUnit.SECONDS), "no drain after false");
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
            }
          }
        });
    Loops.awaitIdle();
    assertTrue(falses[0] > 0);
    assertEquals(0, w.writableLength());
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }

  @Test
  void writableLengthOffTheLoopCountsBytesInFlight() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    Writable w =
        new Writable(StreamOptions.defaults().highWaterMark(10).write((c, cb) -> cb.done()));
    // Hold the loop so the writes below stay in flight.
    Loops.loop()
        .execute(
            () -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertTrue(w.write("12345"));
    assertEquals(5, w.writableLength());
    assertFalse(w.write("67890"));
    assertEquals(10, w.writableLength());
    release.countDown();
    Loops.awaitIdle();
    assertEquals(0, w.writableLength());
  }

  @Test
  void pushFromAnotherThreadArrivesInOrderOnTheLoop() throws InterruptedException {
    List<String> got = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> onLoop = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger ends = new AtomicInteger();
    Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
    r.setEncoding("utf8");
    r.on(
        Readable.TEXT,
        s -> {
          onLoop.add(r.loop().inLoop());
          got.add(s);
        });
    r.on(Readable.END, ends::incrementAndGet);
    runThreads(
        1,
        id -> {
          for (int i = 0; i < 1000; i++) r.push(i + ",");
          r.pushEnd();
        });
    Loops.awaitIdle();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) expected.append(i).append(',');
    assertEquals(expected.toString(), String.join("", got));
    assertEquals(1, ends.get());
    assertFalse(onLoop.contains(false), "a listener ran off the loop");
  }

  @Test
  void destroyFromAnotherThreadEmitsCloseOnTheLoop() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<Boolean> inLoop = new AtomicReference<>();
    Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
    r.on(
        Readable.CLOSE,
        () -> {
          inLoop.set(r.loop().inLoop());
          closed.countDown();
        });
    r.destroy();
    assertTrue(closed.await(10, TimeUnit.SECONDS));
    assertTrue(r.destroyed());
    assertTrue(inLoop.get());
  }

  @Test
  void readFromAnotherThreadWaitsForTheLoopAnswer() throws InterruptedException {
    Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
    r.push(Buffer.from("abc"));
    Loops.awaitIdle();
    assertEquals("ab", r.read(2).toString());
    assertEquals(1, r.readableLength());
  }
}
