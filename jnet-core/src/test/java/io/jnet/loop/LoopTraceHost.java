package io.jnet.loop;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceHost;
import io.jnet.testing.TraceScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a trace scenario on a fresh {@link EventLoop}, as a task given to {@link EventLoop#execute}
 * (where Node runs its main script), until {@link LoopEngine#awaitIdle} says the loop has nothing
 * left: the moment Node's process would exit. The loop is shut down afterwards.
 */
public final class LoopTraceHost implements TraceHost {
  @Override
  public Run run(TraceScenario body, Trace trace, Duration timeout) {
    EventLoop loop = EventLoop.create();
    LoopEngine engine = LoopEngine.of(loop);
    List<Throwable> uncaught = new ArrayList<>(); // guarded by itself
    loop.setUncaughtExceptionHandler(
        e -> {
          synchronized (uncaught) {
            uncaught.add(e);
          }
        });
    loop.execute(
        () -> {
          try {
            body.run(trace);
          } catch (Exception e) {
            loop.reportUncaught(e);
          }
        });
    boolean idle = engine.awaitIdle(timeout.toMillis());
    engine.shutdown();
    synchronized (uncaught) {
      return new Run(idle, uncaught);
    }
  }
}
