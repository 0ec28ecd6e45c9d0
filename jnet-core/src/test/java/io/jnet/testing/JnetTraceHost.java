package io.jnet.testing;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@link TraceHost} every {@link TraceSuite} uses by default: a jnet {@link EventLoop} of its
 * own, separate from the default loop, watched with {@link LoopEngine#awaitIdle}.
 *
 * <p>jnet loops are never shut down, so instead of one new loop per scenario the host keeps one and
 * reuses it while it goes idle after each scenario: an idle loop holds nothing of the last run (no
 * tick, immediate, timer or handle), which is what a fresh Node process offers. A scenario that
 * leaves the loop busy past its timeout gets the loop retired; the next one runs on a new loop, so
 * one leak fails one scenario only.
 */
public final class JnetTraceHost implements TraceHost {
  /** The host shared by all suites; scenarios run one at a time. */
  public static final JnetTraceHost INSTANCE = new JnetTraceHost();

  private EventLoop loop; // guarded by this

  private JnetTraceHost() {}

  @Override
  public synchronized Run run(TraceScenario body, Trace trace, Duration timeout) {
    if (loop == null) loop = EventLoop.create();
    EventLoop running = loop;
    List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    running.setUncaughtExceptionHandler(uncaught::add);
    running.execute(
        () -> {
          try {
            body.run(trace);
          } catch (Exception e) {
            uncaught.add(e);
          }
        });
    boolean idle = LoopEngine.of(running).awaitIdle(timeout.toMillis());
    if (!idle) loop = null; // retired: whatever it still runs can no longer harm another scenario
    List<Throwable> errors;
    synchronized (uncaught) {
      errors = new ArrayList<>(uncaught);
    }
    return new Run(idle, errors);
  }
}
