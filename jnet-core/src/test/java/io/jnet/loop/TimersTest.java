package io.jnet.loop;

import static io.jnet.loop.Timers.clearImmediate;
import static io.jnet.loop.Timers.clearInterval;
import static io.jnet.loop.Timers.clearTimeout;
import static io.jnet.loop.Timers.nextTick;
import static io.jnet.loop.Timers.setImmediate;
import static io.jnet.loop.Timers.setInterval;
import static io.jnet.loop.Timers.setTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The static timers module works on the default loop and reads as Node does. */
class TimersTest {
  @Test
  void staticTimersRunOnTheDefaultLoopInNodesOrder() throws Exception {
    EventLoop loop = EventLoop.defaultLoop();
    List<String> log = new ArrayList<>(); // loop thread only
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          Timeout never = setTimeout(() -> log.add("cleared timeout"), 1);
          Immediate skipped = setImmediate(() -> log.add("cleared immediate"));
          clearTimeout(never);
          clearImmediate(skipped);
          int[] n = {0};
          Timeout[] iv = new Timeout[1];
          iv[0] =
              setInterval(
                  () -> {
                    log.add("interval " + ++n[0]);
                    if (n[0] == 2) {
                      clearInterval(iv[0]);
                      done.complete(log);
                    }
                  },
                  1);
          setImmediate(() -> log.add("immediate"));
          nextTick(() -> log.add("tick on " + Thread.currentThread().getName()));
        });
    assertEquals(
        List.of("tick on jnet-loop-0", "immediate", "interval 1", "interval 2"),
        done.get(20, TimeUnit.SECONDS));
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000));
  }

  @Test
  void clearingNullIsANoOp() {
    clearTimeout(null);
    clearInterval(null);
    clearImmediate(null);
    assertFalse(EventLoop.defaultLoop().inLoop());
  }
}
