package io.jnet.testing;

import java.time.Duration;
import java.util.List;

/**
 * Where a {@link TraceScenario} runs: a fresh event loop, watched until it goes idle.
 *
 * <p>Node's process exits when its loop has nothing pending and no ref'd handle; a host returns at
 * that same moment, so the Java trace ends where Node's does. A host must run the scenario body on
 * the loop thread (so next ticks queued by the body run right after it, as after a Node main
 * script) and collect every error that escapes to the loop's uncaught-error handler: in Node such
 * an error would crash the process, so the runner fails the scenario.
 */
public interface TraceHost {
  /**
   * Runs {@code body} on a fresh loop and waits at most {@code timeout} for the loop to go idle. An
   * exception thrown by {@code body} is reported among {@link Run#uncaught()}.
   */
  Run run(TraceScenario body, Trace trace, Duration timeout);

  /**
   * What happened: {@code idle} is false when the timeout passed first; {@code uncaught} holds the
   * errors that reached the loop's uncaught-error handler, in order.
   */
  record Run(boolean idle, List<Throwable> uncaught) {
    public Run {
      uncaught = List.copyOf(uncaught);
    }
  }
}
