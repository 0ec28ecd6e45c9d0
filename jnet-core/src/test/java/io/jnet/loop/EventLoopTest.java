package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What {@link EventLoop} promises beyond Node's orderings: threads, handles, errors, arguments. */
class EventLoopTest {
  private final EventLoop loop = EventLoop.create();
  private final LoopEngine engine = LoopEngine.of(loop);

  @AfterEach
  void closeLoop() {
    assertTrue(engine.awaitIdle(20_000), "the test left the loop busy");
    engine.shutdown();
  }

  private <T> T onLoop(java.util.concurrent.Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    loop.execute(
        () -> {
          try {
            f.complete(c.call());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f.get(20, TimeUnit.SECONDS);
  }

  @Test
  void defaultLoopRunsOnDaemonThreadJnetLoop0() throws Exception {
    EventLoop d = EventLoop.defaultLoop();
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    d.execute(() -> thread.complete(Thread.currentThread()));
    Thread t = thread.get(20, TimeUnit.SECONDS);
    assertEquals("jnet-loop-0", t.getName());
    assertTrue(t.isDaemon());
    assertSame(d, EventLoop.defaultLoop());
  }

  @Test
  void currentAndInLoopKnowTheOwningLoop() throws Exception {
    assertNull(EventLoop.current());
    assertFalse(loop.inLoop());
    assertSame(loop, onLoop(EventLoop::current));
    assertTrue(onLoop(loop::inLoop));
    assertFalse(onLoop(EventLoop.defaultLoop()::inLoop));
  }

  @Test
  void executeKeepsEachThreadsOrder() throws Exception {
    int threads = 4;
    int tasks = 2_000;
    List<List<Integer>> seen = new ArrayList<>();
    for (int i = 0; i < threads; i++) seen.add(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(threads * tasks);
    List<Thread> producers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      List<Integer> mine = seen.get(i);
      Thread p =
          new Thread(
              () -> {
                for (int n = 0; n < tasks; n++) {
                  int value = n;
                  loop.execute(
                      () -> {
                        mine.add(value); // loop thread only
                        done.countDown();
                      });
                }
              });
      producers.add(p);
      p.start();
    }
    for (Thread p : producers) p.join();
    assertTrue(done.await(20, TimeUnit.SECONDS));
    List<Integer> expected = new ArrayList<>();
    for (int n = 0; n < tasks; n++) expected.add(n);
    for (List<Integer> s : onLoop(() -> seen)) assertEquals(expected, s);
  }

  @Test
  void nextTickOffTheLoopRunsOnTheLoop() throws Exception {
    CompletableFuture<Boolean> ranOnLoop = new CompletableFuture<>();
    loop.nextTick(() -> ranOnLoop.complete(loop.inLoop()));
    assertTrue(ranOnLoop.get(20, TimeUnit.SECONDS));
  }

  @Test
  void timerMadeOffTheLoopFiresOnTheLoop() throws Exception {
    CompletableFuture<Boolean> fired = new CompletableFuture<>();
    Timeout t = loop.setTimeout(() -> fired.complete(loop.inLoop()), 1);
    assertTrue(t.hasRef());
    assertTrue(fired.get(20, TimeUnit.SECONDS));
  }

  @Test
  void clearTimeoutOffTheLoopCancels() throws Exception {
    List<String> log = new ArrayList<>();
    Timeout t = loop.setTimeout(() -> log.add("fired"), 600_000);
    loop.clearTimeout(t);
    assertTrue(engine.awaitIdle(20_000), "a pending ref'd timer would hold the loop");
    assertEquals(List.of(), onLoop(() -> log));
    assertFalse(t.isPending());
  }

  @Test
  void unrefOffTheLoopLetsTheLoopGoIdle() throws Exception {
    Timeout t = loop.setTimeout(() -> {}, 600_000);
    t.unref();
    assertTrue(engine.awaitIdle(20_000));
    assertTrue(t.isPending());
    assertFalse(t.hasRef());
    t.close();
  }

  @Test
  void keepAliveHoldsTheLoopUntilClosed() throws Exception {
    KeepAlive k = loop.keepAlive();
    assertTrue(k.hasRef());
    assertFalse(engine.awaitIdle(1), "a ref'd keep-alive holds the loop");
    k.unref();
    assertTrue(engine.awaitIdle(20_000));
    k.ref();
    assertFalse(engine.awaitIdle(1));
    k.close();
    assertTrue(engine.awaitIdle(20_000));
    assertFalse(k.hasRef());
    k.ref();
    assertFalse(k.hasRef(), "a closed keep-alive stays released");
    assertTrue(engine.awaitIdle(20_000));
  }

  @Test
  void throwingCallbackGoesToTheHandlerAndTheLoopGoesOn() throws Exception {
    List<Object> log = new ArrayList<>(); // loop thread only
    RuntimeException boom = new RuntimeException("boom");
    loop.setUncaughtExceptionHandler(log::add);
    loop.execute(
        () -> {
          loop.nextTick(() -> log.add("tick"));
          throw boom;
        });
    loop.execute(() -> log.add("next"));
    assertTrue(engine.awaitIdle(20_000));
    assertEquals(List.of(boom, "tick", "next"), onLoop(() -> log));
  }

  @Test
  void defaultHandlerLogsTheStackTraceOfTheProgramsOwnException() throws Exception {
    try (LogCapture log = LogCapture.of("io.jnet")) {
      loop.setUncaughtExceptionHandler(e -> {});
      loop.setUncaughtExceptionHandler(null);
      IllegalStateException thrown = new IllegalStateException("printed");
      loop.execute(
          () -> {
            throw thrown;
          });
      assertTrue(engine.awaitIdle(20_000));
      assertEquals(1, log.records().size(), log.records()::toString);
      assertEquals(java.util.logging.Level.SEVERE, log.records().get(0).getLevel());
      assertSame(thrown, log.records().get(0).getThrown());
    }
  }

  @Test
  void handlerThatThrowsDoesNotStopTheLoop() throws Exception {
    PrintStream saved = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      loop.setUncaughtExceptionHandler(
          e -> {
            throw new IllegalStateException("handler");
          });
      loop.execute(
          () -> {
            throw new IllegalStateException("callback");
          });
      assertEquals("alive", onLoop(() -> "alive"));
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void reportUncaughtUsesTheHandler() throws Exception {
    List<Throwable> seen = new ArrayList<>();
    loop.setUncaughtExceptionHandler(seen::add);
    JnetException e = new JnetException("ERR_X", "x");
    onLoop(
        () -> {
          loop.reportUncaught(e);
          return null;
        });
    assertEquals(List.of(e), onLoop(() -> seen));
  }

  @Test
  void nullCallbacksThrowNodesTypeError() {
    List<Executable> calls =
        List.of(
            () -> loop.execute(null),
            () -> loop.nextTick(null),
            () -> loop.setImmediate(null),
            () -> loop.setTimeout(null, 1),
            () -> loop.setInterval(null, 1));
    for (Executable call : calls) {
      JnetException e = assertThrows(JnetException.class, call);
      assertEquals("ERR_INVALID_ARG_TYPE", e.code());
      assertEquals(
          "The \"callback\" argument must be of type function. Received null", e.getMessage());
    }
  }

  @Test
  void clearingNullOrTwiceIsANoOp() throws Exception {
    loop.clearTimeout(null);
    loop.clearInterval(null);
    loop.clearImmediate(null);
    Immediate i = loop.setImmediate(() -> {});
    loop.clearImmediate(i);
    loop.clearImmediate(i);
    Timeout t = loop.setTimeout(() -> {}, 1);
    t.close();
    t.close();
    assertTrue(engine.awaitIdle(20_000));
    assertFalse(i.hasRef());
  }

  @Test
  void unrefImmediateDoesNotHoldTheLoop() throws Exception {
    KeepAlive k = loop.keepAlive();
    CountDownLatch ran = new CountDownLatch(1);
    Immediate i = loop.setImmediate(ran::countDown);
    i.unref();
    assertFalse(i.hasRef());
    assertTrue(ran.await(20, TimeUnit.SECONDS), "an unref'd immediate still runs");
    k.close();
  }

  @Test
  void refreshOffTheLoopRestartsATimerThatFired() throws Exception {
    CountDownLatch twice = new CountDownLatch(2);
    CountDownLatch once = new CountDownLatch(1);
    Timeout t =
        loop.setTimeout(
            () -> {
              once.countDown();
              twice.countDown();
            },
            1);
    assertTrue(once.await(20, TimeUnit.SECONDS));
    assertTrue(engine.awaitIdle(20_000));
    assertFalse(t.isPending());
    assertSame(t, t.refresh());
    assertTrue(twice.await(20, TimeUnit.SECONDS));
  }

  @Test
  void holdsBalanceWhenManyThreadsArmRefAndClearHandles() throws Exception {
    int threads = 4;
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch fired = new CountDownLatch(threads * 100);
    for (int w = 0; w < threads; w++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  for (int n = 0; n < 1_000; n++) {
                    Timeout far = loop.setTimeout(() -> {}, 600_000);
                    far.unref().ref().unref();
                    Immediate i = loop.setImmediate(() -> {});
                    if (n % 2 == 0) i.unref();
                    if (n % 3 == 0) loop.clearImmediate(i);
                    far.refresh().ref();
                    far.close();
                    if (n % 10 == 0) loop.setTimeout(fired::countDown, n % 7);
                    loop.keepAlive().close();
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread w : workers) w.join();
    assertEquals(List.of(), failures);
    assertTrue(fired.await(20, TimeUnit.SECONDS));
    assertTrue(engine.awaitIdle(20_000), "every hold was released");
  }

  @Test
  void eachCreatedLoopHasItsOwnThread() throws Exception {
    EventLoop other = EventLoop.create();
    try {
      CompletableFuture<String> a = new CompletableFuture<>();
      CompletableFuture<String> b = new CompletableFuture<>();
      loop.execute(() -> a.complete(Thread.currentThread().getName()));
      other.execute(() -> b.complete(Thread.currentThread().getName()));
      String nameA = a.get(20, TimeUnit.SECONDS);
      String nameB = b.get(20, TimeUnit.SECONDS);
      assertTrue(nameA.startsWith("jnet-loop-") && nameB.startsWith("jnet-loop-"), nameA);
      assertFalse(nameA.equals(nameB));
    } finally {
      assertTrue(LoopEngine.of(other).awaitIdle(20_000));
      LoopEngine.of(other).shutdown();
    }
  }

  @Test
  void awaitIdleOnTheLoopThreadIsRefused() throws Exception {
    assertTrue(
        onLoop(
            () -> {
              try {
                engine.awaitIdle(1);
                return false;
              } catch (IllegalStateException expected) {
                return true;
              }
            }));
  }
}
