package io.jnet.testing;

/**
 * The Java twin of one Node scenario: a body that drives jnet and logs to a {@link Trace}.
 *
 * <p>It runs on the loop thread of a fresh loop, as a Node scenario runs in a fresh process: what
 * it schedules (next ticks, immediates, I/O) runs after it returns, and its trace is complete when
 * the loop has nothing left to do. Everything it opens it must close, or the loop never goes idle.
 */
@FunctionalInterface
public interface TraceScenario {
  /** Runs the scenario, logging to {@code trace}; an exception counts as an uncaught error. */
  void run(Trace trace) throws Exception;
}
