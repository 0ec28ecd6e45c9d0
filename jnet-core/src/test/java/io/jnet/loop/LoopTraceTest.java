package io.jnet.loop;

import io.jnet.testing.Trace;
import io.jnet.testing.TraceHost;
import io.jnet.testing.TraceSuite;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The Java twins of the scenarios in {@code jnet-core/src/test/node/traces/loop.js}: each
 * non-private static method taking a {@link Trace} does what the Node scenario of its name does, on
 * a fresh loop, and must log the same lines in the same order.
 */
class LoopTraceTest extends TraceSuite {
  @Override
  protected String suite() {
    return "loop";
  }

  @Override
  protected TraceHost host() {
    return new LoopTraceHost();
  }

  @Override
  protected void scenarios(Scenarios scenarios) {
    for (Method m : LoopTraceTest.class.getDeclaredMethods()) {
      boolean twin =
          !m.isSynthetic()
              && Modifier.isStatic(m.getModifiers())
              && !Modifier.isPrivate(m.getModifiers())
              && m.getParameterCount() == 1
              && m.getParameterTypes()[0] == Trace.class;
      if (twin) scenarios.add(m.getName(), t -> invoke(m, t));
    }
  }

  private static void invoke(Method scenario, Trace t) throws Exception {
    try {
      scenario.invoke(null, t);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) throw (Exception) e.getCause();
      throw e;
    }
  }

  /** Node's fs.stat callback: a task handed to the loop runs as an I/O callback. */
  private static void fromIo(Runnable r) {
    EventLoop.current().execute(r);
  }

  /** Node's process.on('uncaughtException', e => log('uncaught', e)). */
  private static void onUncaught(Trace t) {
    EventLoop.current().setUncaughtExceptionHandler(e -> t.log("uncaught", e));
  }

  /** Keeps the loop thread busy for {@code ms}, as loop.js's blockFor. */
  private static void blockFor(long ms) {
    long end = System.nanoTime() + ms * 1_000_000L;
    while (System.nanoTime() < end) Thread.onSpinWait();
  }

  static void ticksRunInOrderAfterTheCallback(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.nextTick(() -> t.log("tick1"));
    loop.nextTick(() -> t.log("tick2"));
    t.log("main");
  }

  static void nestedTickRunsAfterQueuedTicks(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.nextTick(
        () -> {
          t.log("tick1");
          loop.nextTick(() -> t.log("nested"));
        });
    loop.nextTick(() -> t.log("tick2"));
  }

  static void tickRunsBeforeImmediate(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setImmediate(() -> t.log("immediate"));
    loop.nextTick(() -> t.log("tick"));
  }

  static void immediateInsideImmediateRunsNextTurn(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setImmediate(
        () -> {
          t.log("immediate1");
          loop.setImmediate(() -> t.log("nested"));
          loop.nextTick(() -> t.log("tick"));
        });
    loop.setImmediate(() -> t.log("immediate2"));
  }

  static void timerInsideTimerRunsLater(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(
        () -> {
          t.log("timer1");
          loop.setTimeout(() -> t.log("nested"), 0);
        },
        1);
    loop.setTimeout(() -> t.log("timer2"), 1);
  }

  static void immediateBeforeTimeoutFromIo(Trace t) {
    EventLoop loop = EventLoop.current();
    fromIo(
        () -> {
          loop.setTimeout(() -> t.log("timeout"), 0);
          loop.setImmediate(() -> t.log("immediate"));
        });
  }

  static void immediateBeforeTimeoutFromTimer(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(
        () -> {
          loop.setTimeout(() -> t.log("timeout"), 0);
          loop.setImmediate(() -> t.log("immediate"));
        },
        1);
  }

  static void immediatesRunAfterAllDueTimers(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(
        () -> {
          t.log("timer1");
          loop.setImmediate(() -> t.log("immediate"));
        },
        1);
    loop.setTimeout(() -> t.log("timer2"), 1);
    blockFor(5);
  }

  static void sameDelayFiresInCreationOrder(Trace t) {
    EventLoop loop = EventLoop.current();
    for (String name : new String[] {"a", "b", "c", "d"}) {
      loop.setTimeout(() -> t.log(name), 5);
    }
  }

  static void differentDelaysFireByExpiry(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(() -> t.log("sixty"), 60);
    loop.setTimeout(() -> t.log("one"), 1);
    loop.setTimeout(() -> t.log("twenty"), 20);
  }

  static void clearTimeoutFromAnotherTimer(Trace t) {
    EventLoop loop = EventLoop.current();
    Timeout[] later = new Timeout[2];
    loop.setTimeout(
        () -> {
          t.log("first");
          loop.clearTimeout(later[0]);
          loop.clearTimeout(later[1]);
        },
        5);
    later[1] = loop.setTimeout(() -> t.log("same"), 5);
    later[0] = loop.setTimeout(() -> t.log("later"), 20);
    loop.setTimeout(() -> t.log("last"), 30);
  }

  static void refreshPostponesTimer(Trace t) {
    EventLoop loop = EventLoop.current();
    Timeout refreshed = loop.setTimeout(() -> t.log("refreshed"), 100);
    loop.setTimeout(() -> t.log("plain"), 130);
    loop.setTimeout(
        () -> {
          t.log("refresh");
          refreshed.refresh();
        },
        50);
  }

  static void refreshInOwnCallbackFiresAgain(Trace t) {
    EventLoop loop = EventLoop.current();
    int[] n = {0};
    Timeout[] self = new Timeout[1];
    self[0] =
        loop.setTimeout(
            () -> {
              t.log("fire", ++n[0]);
              if (n[0] < 3) self[0].refresh();
            },
            1);
  }

  static void intervalClearedAfterThreeRuns(Trace t) {
    EventLoop loop = EventLoop.current();
    int[] n = {0};
    Timeout[] iv = new Timeout[1];
    iv[0] =
        loop.setInterval(
            () -> {
              t.log("interval", ++n[0]);
              if (n[0] == 3) loop.clearInterval(iv[0]);
            },
            1);
  }

  static void unrefTimerDoesNotHold(Trace t) {
    EventLoop loop = EventLoop.current();
    Timeout never = loop.setTimeout(() -> t.log("never"), 100000);
    never.unref();
    t.log("hasRef", never.hasRef());
    loop.setTimeout(() -> t.log("ref"), 5);
  }

  static void refAgainHolds(Trace t) {
    EventLoop loop = EventLoop.current();
    Timeout fired = loop.setTimeout(() -> t.log("fired"), 5);
    fired.unref();
    fired.ref();
    t.log("hasRef", fired.hasRef());
  }

  static void throwInImmediateThenNextRuns(Trace t) {
    EventLoop loop = EventLoop.current();
    onUncaught(t);
    loop.setImmediate(
        () -> {
          t.log("immediate1");
          throw new RuntimeException("boom");
        });
    loop.setImmediate(() -> t.log("immediate2"));
    loop.setTimeout(() -> t.log("timer"), 50);
  }

  static void throwInTimerThenNextRuns(Trace t) {
    EventLoop loop = EventLoop.current();
    onUncaught(t);
    loop.setTimeout(
        () -> {
          t.log("timer1");
          throw new RuntimeException("boom");
        },
        2);
    loop.setTimeout(() -> t.log("timer2"), 2);
    loop.setTimeout(() -> t.log("timer3"), 10);
  }

  static void throwInIoThenTicksRun(Trace t) {
    EventLoop loop = EventLoop.current();
    onUncaught(t);
    fromIo(
        () -> {
          loop.nextTick(() -> t.log("tick"));
          loop.setImmediate(() -> t.log("immediate"));
          t.log("io");
          throw new RuntimeException("boom");
        });
  }

  static void throwInTickThenNextTickRuns(Trace t) {
    EventLoop loop = EventLoop.current();
    onUncaught(t);
    loop.nextTick(
        () -> {
          t.log("tick1");
          throw new RuntimeException("boom");
        });
    loop.nextTick(() -> t.log("tick2"));
    loop.setImmediate(() -> t.log("immediate"));
  }

  static void intervalGoesOnAfterAThrow(Trace t) {
    EventLoop loop = EventLoop.current();
    onUncaught(t);
    int[] n = {0};
    Timeout[] iv = new Timeout[1];
    iv[0] =
        loop.setInterval(
            () -> {
              t.log("interval", ++n[0]);
              if (n[0] == 3) loop.clearInterval(iv[0]);
              if (n[0] == 1) throw new RuntimeException("boom");
            },
            1);
  }

  static void chainFollowsThePhases(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(
        () -> {
          t.log("timer");
          loop.nextTick(() -> t.log("timer.tick"));
          loop.setImmediate(
              () -> {
                t.log("timer.immediate");
                loop.nextTick(() -> t.log("timer.immediate.tick"));
                loop.setTimeout(() -> t.log("timer.immediate.timeout"), 0);
              });
        },
        1);
  }

  static void tickFromTimerRunsBeforeNextTimer(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(
        () -> {
          t.log("timer1");
          loop.nextTick(() -> t.log("tick"));
        },
        1);
    loop.setTimeout(() -> t.log("timer2"), 1);
  }

  static void tickFromImmediateRunsBeforeNextImmediate(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setImmediate(
        () -> {
          t.log("immediate1");
          loop.nextTick(() -> t.log("tick"));
        });
    loop.setImmediate(() -> t.log("immediate2"));
  }

  static void clearImmediateFromImmediate(Trace t) {
    EventLoop loop = EventLoop.current();
    Immediate[] second = new Immediate[1];
    loop.setImmediate(
        () -> {
          t.log("immediate1");
          loop.clearImmediate(second[0]);
        });
    second[0] = loop.setImmediate(() -> t.log("immediate2"));
    loop.setImmediate(() -> t.log("immediate3"));
  }

  static void clearingTheLastImmediateStillRunsTheOthers(Trace t) {
    EventLoop loop = EventLoop.current();
    Immediate[] last = new Immediate[1];
    loop.setImmediate(
        () -> {
          t.log("immediate1");
          loop.clearImmediate(last[0]);
          loop.setImmediate(() -> t.log("queued by immediate1"));
        });
    loop.setImmediate(() -> t.log("immediate2"));
    last[0] = loop.setImmediate(() -> t.log("cleared"));
  }

  static void overflowDelayBecomesOne(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(() -> t.log("overflow"), 1L << 31);
    loop.setTimeout(() -> t.log("twenty"), 20);
  }

  static void negativeDelayBecomesOne(Trace t) {
    EventLoop loop = EventLoop.current();
    loop.setTimeout(() -> t.log("negative"), -5);
    loop.setTimeout(() -> t.log("twenty"), 20);
  }

  static void closeCancelsTimer(Trace t) {
    EventLoop loop = EventLoop.current();
    Timeout closed = loop.setTimeout(() -> t.log("closed"), 5);
    closed.close();
    t.log("hasRef", closed.hasRef());
    loop.setTimeout(() -> t.log("open"), 10);
  }

  static void immediateHasRefUntilItRuns(Trace t) {
    EventLoop loop = EventLoop.current();
    Immediate ran = loop.setImmediate(() -> t.log("ran"));
    t.log("before", ran.hasRef());
    loop.setImmediate(() -> t.log("after", ran.hasRef()));
  }

  static void timersFromIoKeepCreationOrder(Trace t) {
    EventLoop loop = EventLoop.current();
    fromIo(
        () -> {
          loop.setTimeout(() -> t.log("b50"), 50);
          loop.setTimeout(() -> t.log("a1"), 1);
          loop.setTimeout(() -> t.log("c50"), 50);
          loop.setImmediate(() -> t.log("immediate"));
        });
  }
}
