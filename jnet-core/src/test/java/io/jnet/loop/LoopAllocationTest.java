package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The loop's hot paths allocate (almost) nothing of their own: a nextTick, an execute and a timer
 * firing, measured with the loop thread's allocation counter after a warm-up.
 */
class LoopAllocationTest {
  private static final int ROUNDS = 200_000;
  private static final Runnable NOOP = () -> {};

  private final EventLoop loop = EventLoop.create();
  private final LoopEngine engine = LoopEngine.of(loop);

  @AfterEach
  void closeLoop() {
    assertTrue(engine.awaitIdle(20_000));
    engine.shutdown();
  }

  /** The calling thread's allocation counter, through reflection (io.jnet reads no management). */
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

  /** Runs {@code calls} in two callbacks, a warm-up then a measured one; bytes per call. */
  private double perCall(Runnable calls) throws Exception {
    loop.execute(calls);
    CompletableFuture<Double> perCall = new CompletableFuture<>();
    loop.execute(
        () -> {
          long before = allocatedBytes();
          calls.run();
          perCall.complete((allocatedBytes() - before) / (double) ROUNDS);
        });
    return perCall.get(20, TimeUnit.SECONDS);
  }

  @Test
  void nextTickOnTheLoopAllocatesNothing() throws Exception {
    double bytes =
        perCall(
            () -> {
              for (int i = 0; i < ROUNDS; i++) loop.nextTick(NOOP);
            });
    assertTrue(bytes < 1, "bytes per nextTick: " + bytes);
  }

  @Test
  void executeOnTheLoopAllocatesLittle() throws Exception {
    double bytes =
        perCall(
            () -> {
              for (int i = 0; i < ROUNDS; i++) loop.execute(NOOP);
            });
    // The hand-over queue grows in chunks; no allocation per task of its own.
    assertTrue(bytes < 16, "bytes per execute: " + bytes);
  }

  @Test
  void aTimerFiringAllocatesNothing() throws Exception {
    int warmUp = 100;
    int measured = 200;
    CompletableFuture<Double> perFire = new CompletableFuture<>();
    long[] before = new long[1];
    int[] fired = {0};
    Timeout[] interval = new Timeout[1];
    loop.execute(
        () ->
            interval[0] =
                loop.setInterval(
                    () -> {
                      fired[0]++;
                      if (fired[0] == warmUp) before[0] = allocatedBytes();
                      if (fired[0] == warmUp + measured) {
                        loop.clearInterval(interval[0]);
                        perFire.complete((allocatedBytes() - before[0]) / (double) measured);
                      }
                    },
                    1));
    double bytes = perFire.get(60, TimeUnit.SECONDS);
    // A whole turn of the loop per firing, the transport's I/O wait included.
    assertTrue(bytes < 32, "bytes per timer firing: " + bytes);
  }
}
