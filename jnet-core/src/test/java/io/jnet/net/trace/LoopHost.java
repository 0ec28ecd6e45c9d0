package io.jnet.net.trace;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceHost;
import io.jnet.testing.TraceScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs each scenario on a fresh jnet loop and returns once the loop holds nothing ref'd: the moment
 * a Node process would exit.
 *
 * <p>Why not {@code JnetTraceHost}, which reuses one loop: a net scenario may end with handles
 * still open, as Node's process exits with them (an unref'd server or socket), and a reused loop
 * would carry them into the next scenario. This host shuts each loop down once it is idle (or timed
 * out), which closes whatever the scenario left. Every error that reaches the loop's
 * uncaught-exception handler (a throwing listener, an {@code 'error'} nobody listens to) is
 * collected, as Node would have crashed on it.
 */
final class LoopHost implements TraceHost {
  static final LoopHost INSTANCE = new LoopHost();

  private LoopHost() {}

  @Override
  public Run run(TraceScenario body, Trace trace, Duration timeout) {
    EventLoop loop = EventLoop.create();
    List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    loop.setUncaughtExceptionHandler(uncaught::add);
    loop.execute(
        () -> {
          try {
            body.run(trace);
          } catch (Throwable t) {
            uncaught.add(t);
          }
        });
    LoopEngine engine = LoopEngine.of(loop);
    boolean idle;
    try {
      idle = engine.awaitIdle(timeout.toMillis());
    } finally {
      engine.shutdown();
    }
    synchronized (uncaught) {
      return new Run(idle, uncaught);
    }
  }
}
