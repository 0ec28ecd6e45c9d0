package io.jnet.loop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Java twins of the scenarios in {@code jnet/src/test/node/traces/loop.js}: each test does what
 * its Node namesake does and must log the same lines, in the same order.
 */
class LoopTraceTest {
  private final LoopTraces t = new LoopTraces();
  private final EventLoop loop = t.loop;

  @AfterEach
  void closeLoop() {
    t.close();
  }

  private void matches(Runnable scenario) {
    String name = StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).get().getMethodName();
    t.assertMatches(name, scenario);
  }

  /** Node's fs.stat callback: a task handed to the loop runs as an I/O callback. */
  private void fromIo(Runnable r) {
    loop.execute(r);
  }

  @Test
  void ticksRunInOrderAfterTheCallback() {
    matches(
        () -> {
          loop.nextTick(() -> t.log("tick1"));
          loop.nextTick(() -> t.log("tick2"));
          t.log("main");
        });
  }

  @Test
  void nestedTickRunsAfterQueuedTicks() {
    matches(
        () -> {
          loop.nextTick(
              () -> {
                t.log("tick1");
                loop.nextTick(() -> t.log("nested"));
              });
          loop.nextTick(() -> t.log("tick2"));
        });
  }

  @Test
  void tickRunsBeforeImmediate() {
    matches(
        () -> {
          loop.setImmediate(() -> t.log("immediate"));
          loop.nextTick(() -> t.log("tick"));
        });
  }

  @Test
  void immediateInsideImmediateRunsNextTurn() {
    matches(
        () -> {
          loop.setImmediate(
              () -> {
                t.log("immediate1");
                loop.setImmediate(() -> t.log("nested"));
                loop.nextTick(() -> t.log("tick"));
              });
          loop.setImmediate(() -> t.log("immediate2"));
        });
  }

  @Test
  void timerInsideTimerRunsLater() {
    matches(
        () -> {
          loop.setTimeout(
              () -> {
                t.log("timer1");
                loop.setTimeout(() -> t.log("nested"), 0);
              },
              1);
          loop.setTimeout(() -> t.log("timer2"), 1);
        });
  }

  @Test
  void immediateBeforeTimeoutFromIo() {
    matches(
        () ->
            fromIo(
                () -> {
                  loop.setTimeout(() -> t.log("timeout"), 0);
                  loop.setImmediate(() -> t.log("immediate"));
                }));
  }

  @Test
  void immediateBeforeTimeoutFromTimer() {
    matches(
        () ->
            loop.setTimeout(
                () -> {
                  loop.setTimeout(() -> t.log("timeout"), 0);
                  loop.setImmediate(() -> t.log("immediate"));
                },
                1));
  }

  @Test
  void immediatesRunAfterAllDueTimers() {
    matches(
        () -> {
          loop.setTimeout(
              () -> {
                t.log("timer1");
                loop.setImmediate(() -> t.log("immediate"));
              },
              1);
          loop.setTimeout(() -> t.log("timer2"), 1);
          LoopTraces.blockFor(5);
        });
  }

  @Test
  void sameDelayFiresInCreationOrder() {
    matches(
        () -> {
          for (String name : new String[] {"a", "b", "c", "d"}) {
            loop.setTimeout(() -> t.log(name), 5);
          }
        });
  }

  @Test
  void differentDelaysFireByExpiry() {
    matches(
        () -> {
          loop.setTimeout(() -> t.log("thirty"), 30);
          loop.setTimeout(() -> t.log("one"), 1);
          loop.setTimeout(() -> t.log("ten"), 10);
        });
  }

  @Test
  void clearTimeoutFromAnotherTimer() {
    matches(
        () -> {
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
        });
  }

  @Test
  void refreshPostponesTimer() {
    matches(
        () -> {
          Timeout refreshed = loop.setTimeout(() -> t.log("refreshed"), 20);
          loop.setTimeout(
              () -> {
                t.log("refresh");
                refreshed.refresh();
              },
              10);
          loop.setTimeout(() -> t.log("plain"), 25);
        });
  }

  @Test
  void refreshInOwnCallbackFiresAgain() {
    matches(
        () -> {
          int[] n = {0};
          Timeout[] self = new Timeout[1];
          self[0] =
              loop.setTimeout(
                  () -> {
                    t.log("fire", ++n[0]);
                    if (n[0] < 3) self[0].refresh();
                  },
                  1);
        });
  }

  @Test
  void intervalClearedAfterThreeRuns() {
    matches(
        () -> {
          int[] n = {0};
          Timeout[] iv = new Timeout[1];
          iv[0] =
              loop.setInterval(
                  () -> {
                    t.log("interval", ++n[0]);
                    if (n[0] == 3) loop.clearInterval(iv[0]);
                  },
                  1);
        });
  }

  @Test
  void unrefTimerDoesNotHold() {
    matches(
        () -> {
          Timeout never = loop.setTimeout(() -> t.log("never"), 100000);
          never.unref();
          t.log("hasRef", never.hasRef());
          loop.setTimeout(() -> t.log("ref"), 5);
        });
  }

  @Test
  void refAgainHolds() {
    matches(
        () -> {
          Timeout fired = loop.setTimeout(() -> t.log("fired"), 5);
          fired.unref();
          fired.ref();
          t.log("hasRef", fired.hasRef());
        });
  }

  @Test
  void throwInImmediateThenNextRuns() {
    matches(
        () -> {
          loop.setImmediate(
              () -> {
                t.log("immediate1");
                throw new RuntimeException("boom");
              });
          loop.setImmediate(() -> t.log("immediate2"));
          loop.setTimeout(() -> t.log("timer"), 5);
        });
  }

  @Test
  void throwInTimerThenNextRuns() {
    matches(
        () -> {
          loop.setTimeout(
              () -> {
                t.log("timer1");
                throw new RuntimeException("boom");
              },
              2);
          loop.setTimeout(() -> t.log("timer2"), 2);
          loop.setTimeout(() -> t.log("timer3"), 10);
        });
  }

  @Test
  void throwInIoThenTicksRun() {
    matches(
        () ->
            fromIo(
                () -> {
                  loop.nextTick(() -> t.log("tick"));
                  loop.setImmediate(() -> t.log("immediate"));
                  t.log("io");
                  throw new RuntimeException("boom");
                }));
  }

  @Test
  void throwInTickThenNextTickRuns() {
    matches(
        () -> {
          loop.nextTick(
              () -> {
                t.log("tick1");
                throw new RuntimeException("boom");
              });
          loop.nextTick(() -> t.log("tick2"));
          loop.setImmediate(() -> t.log("immediate"));
        });
  }

  @Test
  void intervalGoesOnAfterAThrow() {
    matches(
        () -> {
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
        });
  }

  @Test
  void chainFollowsThePhases() {
    matches(
        () ->
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
                1));
  }

  @Test
  void tickFromTimerRunsBeforeNextTimer() {
    matches(
        () -> {
          loop.setTimeout(
              () -> {
                t.log("timer1");
                loop.nextTick(() -> t.log("tick"));
              },
              1);
          loop.setTimeout(() -> t.log("timer2"), 1);
        });
  }

  @Test
  void tickFromImmediateRunsBeforeNextImmediate() {
    matches(
        () -> {
          loop.setImmediate(
              () -> {
                t.log("immediate1");
                loop.nextTick(() -> t.log("tick"));
              });
          loop.setImmediate(() -> t.log("immediate2"));
        });
  }

  @Test
  void clearImmediateFromImmediate() {
    matches(
        () -> {
          Immediate[] second = new Immediate[1];
          loop.setImmediate(
              () -> {
                t.log("immediate1");
                loop.clearImmediate(second[0]);
              });
          second[0] = loop.setImmediate(() -> t.log("immediate2"));
          loop.setImmediate(() -> t.log("immediate3"));
        });
  }

  @Test
  void overflowDelayBecomesOne() {
    matches(
        () -> {
          loop.setTimeout(() -> t.log("twenty"), 20);
          loop.setTimeout(() -> t.log("overflow"), 1L << 31);
        });
  }

  @Test
  void negativeDelayBecomesOne() {
    matches(
        () -> {
          loop.setTimeout(() -> t.log("twenty"), 20);
          loop.setTimeout(() -> t.log("negative"), -5);
        });
  }

  @Test
  void closeCancelsTimer() {
    matches(
        () -> {
          Timeout closed = loop.setTimeout(() -> t.log("closed"), 5);
          closed.close();
          t.log("hasRef", closed.hasRef());
          loop.setTimeout(() -> t.log("open"), 10);
        });
  }

  @Test
  void immediateHasRefUntilItRuns() {
    matches(
        () -> {
          Immediate ran = loop.setImmediate(() -> t.log("ran"));
          t.log("before", ran.hasRef());
          loop.setImmediate(() -> t.log("after", ran.hasRef()));
        });
  }

  @Test
  void timersFromIoKeepCreationOrder() {
    matches(
        () ->
            fromIo(
                () -> {
                  loop.setTimeout(() -> t.log("b5"), 5);
                  loop.setTimeout(() -> t.log("a1"), 1);
                  loop.setTimeout(() -> t.log("c5"), 5);
                  loop.setImmediate(() -> t.log("immediate"));
                }));
  }
}
