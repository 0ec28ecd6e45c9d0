package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing of its own: writing a chunk to a writable with room, and pushing a
 * chunk to a flowing readable, measured with the JVM's per-thread allocation counter.
 */
class HotPathAllocationTest {
  private static final int ROUNDS = 200_000;

  /**
   * The calling thread's allocation counter, through reflection: the test runs inside module
   * io.jnet, which does not read java.management.
   */
  private static long allocatedBytes() {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
      Assumptions.assumeTrue(sun.isInstance(bean));
      Method m = sun.getMethod("getThreadAllocatedBytes", long.class);
      return (Long) m.invoke(bean, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      Assumptions.abort("no allocation counter: " + e);
      return 0;
    }
  }

  private static long perOperation(Runnable warmUpAndMeasure, AtomicLong result) {
    Loops.run(warmUpAndMeasure);
    return result.get();
  }

  @Test
  void writingAChunkWithRoomAllocatesNothing() {
    AtomicLong perWrite = new AtomicLong();
    Buffer chunk = Buffer.from("0123456789");
    Consumer<io.jnet.error.JnetException> callback = e -> {};
    long bytes =
        perOperation(
            () -> {
              Writable w = new Writable(StreamOptions.defaults().write((c, cb) -> cb.done()));
              for (int i = 0; i < ROUNDS; i++) w.write(chunk, callback);
              long before = allocatedBytes();
              for (int i = 0; i < ROUNDS; i++) w.write(chunk, callback);
              perWrite.set((allocatedBytes() - before) / ROUNDS);
            },
            perWrite);
    assertTrue(bytes < 8, "bytes allocated per write: " + bytes);
  }

  @Test
  void pushingToAFlowingReadableAllocatesNothing() {
    AtomicLong perPush = new AtomicLong();
    Buffer chunk = Buffer.from("0123456789");
    long[] seen = new long[1];
    long bytes =
        perOperation(
            () -> {
              Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
              r.on(Readable.DATA, b -> seen[0] += b.length());
              r.resume();
              Loops.loop()
                  .setImmediate(
                      () -> {
                        for (int i = 0; i < ROUNDS; i++) r.push(chunk);
                        long before = allocatedBytes();
                        for (int i = 0; i < ROUNDS; i++) r.push(chunk);
                        perPush.set((allocatedBytes() - before) / ROUNDS);
                      });
            },
            perPush);
    assertTrue(seen[0] == 2L * ROUNDS * chunk.length(), "data lost: " + seen[0]);
    assertTrue(bytes < 8, "bytes allocated per push: " + bytes);
  }
}
