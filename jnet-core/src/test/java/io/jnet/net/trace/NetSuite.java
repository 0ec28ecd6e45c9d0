package io.jnet.net.trace;

import io.jnet.testing.Trace;
import io.jnet.testing.TraceHost;
import io.jnet.testing.TraceScenario;
import io.jnet.testing.TraceSuite;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * A trace suite whose Node scenarios the Java API cannot always express: the base of the net,
 * net-args and ipc twins.
 *
 * <p>A subclass registers its twins in {@link #twins} and lists in {@link #skipped()} each Node
 * scenario that has no twin, with a one-line reason: a case Java's types rule out (a string passed
 * as a port, a callback that is not a function), or a difference jnet makes on purpose and names in
 * its javadoc (Unix socket paths past {@code sun_path}). A skipped scenario is reported by JUnit as
 * skipped (aborted) with its reason, instead of failing as a recorded trace without a twin; a name
 * both registered and skipped is an error, so the two lists cannot overlap.
 */
abstract class NetSuite extends TraceSuite {
  /** Registers the Java twins, by their Node names. */
  protected abstract void twins(Scenarios scenarios);

  /** The Node scenarios left without a twin, each with why. */
  protected abstract Map<String, String> skipped();

  @Override
  protected final void scenarios(Scenarios scenarios) {
    twins(scenarios);
    skipped().forEach((name, why) -> scenarios.add(name, new Skip(why)));
  }

  @Override
  protected TraceHost host() {
    TraceHost loop = LoopHost.INSTANCE;
    return (body, trace, timeout) -> {
      if (body instanceof Skip skip) throw new TestAbortedException("no Java twin: " + skip.why);
      return loop.run(body, trace, timeout);
    };
  }

  /** The stand-in of a skipped scenario; the host aborts the test before it could run. */
  private record Skip(String why) implements TraceScenario {
    @Override
    public void run(Trace trace) {
      throw new IllegalStateException("skipped scenario ran: " + why);
    }
  }
}
