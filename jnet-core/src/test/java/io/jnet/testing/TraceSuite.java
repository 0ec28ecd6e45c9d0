package io.jnet.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * A differential trace suite: runs the Java twin of every scenario Node recorded and compares the
 * two traces line by line.
 *
 * <p>A suite is a Node file {@code jnet-core/src/test/node/traces/SUITE.js} (see {@code trace.js}
 * for the format), its recorded traces {@code jnet-core/src/test/resources/traces/SUITE/NAME.trace}
 * (written by {@code node record.js SUITE}), and one subclass of this class:
 *
 * <pre>{@code
 * class NetTraceTest extends TraceSuite {
 *   protected String suite() { return "net"; }
 *   protected void scenarios(Scenarios s) {
 *     s.add("connectThenEnd", trace -> { ... trace.log("connect"); ... });
 *   }
 * }
 * }</pre>
 *
 * <p>The factory yields, per recorded trace, a test that runs its Java scenario on the thread of an
 * idle loop of its own ({@link #host()}; {@code EventLoop.current()} is that loop), waits for the
 * loop to go idle (the moment Node's process exits, so both traces end at the same point), and
 * fails with a line diff ({@code -} Node only, {@code +} jnet only) when they differ, when the
 * scenario throws or leaks an uncaught error, or when the loop stays busy past {@link #timeout()}.
 * A recorded trace without a Java scenario fails, and so does a Java scenario without a recorded
 * trace, so the two sides cannot drift apart silently. A scenario registered with {@link
 * Scenarios#addByteAtATime} runs a second time with {@link Trace#byteAtATime()} true and must
 * produce the same trace.
 *
 * <p>When Node is available ({@link NodeJs}), a second group re-runs every Node scenario ({@code
 * node run.js SUITE NAME}) and compares its output with the recorded file, so a trace left stale
 * after a change to the suite is caught. {@code -Djnet.traces.node=false} skips that group.
 */
public abstract class TraceSuite {
  /** The suite's name: its Node file is {@code SUITE.js}, its traces {@code traces/SUITE/}. */
  protected abstract String suite();

  /** Registers the Java scenarios, by the names their Node twins have. */
  protected abstract void scenarios(Scenarios scenarios);

  /** Where scenarios run: by default {@link JnetTraceHost}, an idle jnet loop for each. */
  protected TraceHost host() {
    return JnetTraceHost.INSTANCE;
  }

  /** How long a scenario may keep its loop busy before it fails. */
  protected Duration timeout() {
    return Duration.ofSeconds(10);
  }

  @TestFactory
  Stream<DynamicNode> traces() {
    Scenarios registered = new Scenarios();
    scenarios(registered);
    Map<String, List<String>> recorded = recordedTraces(suite());
    List<DynamicNode> tests = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(recorded.keySet());
    names.addAll(registered.byName.keySet());
    for (String name : names) {
      List<String> expected = recorded.get(name);
      Scenarios.Entry entry = registered.byName.get(name);
      if (entry == null) {
        tests.add(DynamicTest.dynamicTest(name, () -> fail(noScenario(name))));
      } else if (expected == null) {
        tests.add(DynamicTest.dynamicTest(name, () -> fail(noTrace(name))));
      } else {
        tests.add(
            DynamicTest.dynamicTest(name, () -> check(name, entry.scenario, expected, false)));
        if (entry.byteAtATime) {
          tests.add(
              DynamicTest.dynamicTest(
                  name + " (one byte at a time)",
                  () -> check(name, entry.scenario, expected, true)));
        }
      }
    }
    if (!"false".equals(System.getProperty("jnet.traces.node"))) {
      List<DynamicNode> node = new ArrayList<>();
      if (!NodeJs.available()) {
        // One skipped test (or, in CI, one failure) rather than one per scenario.
        node.add(DynamicTest.dynamicTest("node", NodeJs::assumeAvailable));
      } else {
        for (String name : recorded.keySet()) {
          node.add(DynamicTest.dynamicTest(name, () -> checkRecording(name, recorded.get(name))));
        }
      }
      tests.add(DynamicContainer.dynamicContainer("node still records", node));
    }
    return tests.stream();
  }

  private void check(String name, TraceScenario scenario, List<String> expected, boolean bytewise) {
    Trace trace = new Trace(bytewise);
    TraceHost.Run run = host().run(scenario, trace, timeout());
    List<String> actual = trace.lines();
    String where = suite() + "/" + name + (bytewise ? " (one byte at a time)" : "");
    if (!run.uncaught().isEmpty()) {
      AssertionFailedError failure =
          new AssertionFailedError(
              where + ": uncaught error (Node would have crashed)\n" + diff(expected, actual));
      run.uncaught().forEach(failure::addSuppressed);
      throw failure;
    }
    if (!run.idle()) {
      fail(where + ": loop still busy after " + timeout() + "\n" + diff(expected, actual));
    }
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(
          where + ": traces differ\n" + diff(expected, actual),
          String.join("\n", expected),
          String.join("\n", actual));
    }
  }

  private void checkRecording(String name, List<String> recorded) {
    String out = NodeJs.run(NodeJs.script("traces/run.js"), suite(), name);
    List<String> fresh = lines(out);
    if (!recorded.equals(fresh)) {
      throw new AssertionFailedError(
          suite()
              + "/"
              + name
              + ": the recorded trace is stale; run node record.js "
              + suite()
              + " "
              + name
              + "\n"
              + TraceDiff.render(recorded, fresh),
          String.join("\n", recorded),
          String.join("\n", fresh));
    }
  }

  private String noScenario(String name) {
    return suite() + "/" + name + ".trace is recorded but has no Java scenario";
  }

  private String noTrace(String name) {
    return "Java scenario "
        + suite()
        + "/"
        + name
        + " has no recorded trace; add it to "
        + suite()
        + ".js and run node record.js "
        + suite()
        + " "
        + name;
  }

  private static String diff(List<String> expected, List<String> actual) {
    return TraceDiff.render(expected, actual);
  }

  /** The recorded traces of {@code suite}, by scenario name, each as its lines. */
  static Map<String, List<String>> recordedTraces(String suite) {
    Path dir = tracesDir().resolve(suite);
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".trace")) continue;
        String name = fileName.substring(0, fileName.length() - ".trace".length());
        out.put(name, lines(Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A trace's text as lines: one a {@code \n}, the last one terminated. */
  static List<String> lines(String text) {
    if (text.isEmpty()) return List.of();
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }

  private static Path tracesDir() {
    Path here = Paths.get("src/test/resources/traces");
    if (Files.isDirectory(here)) return here;
    return Paths.get("jnet-core/src/test/resources/traces");
  }

  /** The Java scenarios of a suite, by name. */
  public static final class Scenarios {
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    Scenarios() {}

    /** Registers {@code scenario} as the twin of Node's scenario {@code name}. */
    public Scenarios add(String name, TraceScenario scenario) {
      return put(name, new Entry(scenario, false));
    }

    /**
     * Registers {@code scenario}, run a second time with {@link Trace#byteAtATime()} true: a
     * scenario whose trace does not depend on how its input is chunked feeds it one byte at a time
     * then, the bug finder for framing and decoding paths.
     */
    public Scenarios addByteAtATime(String name, TraceScenario scenario) {
      return put(name, new Entry(scenario, true));
    }

    private Scenarios put(String name, Entry entry) {
      if (byName.putIfAbsent(name, entry) != null) {
        throw new IllegalArgumentException("scenario registered twice: " + name);
      }
      return this;
    }

    private record Entry(TraceScenario scenario, boolean byteAtATime) {}
  }
}
