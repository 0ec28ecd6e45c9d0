package io.jnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The runner's verdicts, over the recorded selftest suite, with a host that needs no loop. */
class TraceSuiteTest {
  /** Runs the body on the calling thread and reports {@code outcome}'s idle flag and errors. */
  private static TraceHost direct(TraceHost.Run outcome) {
    return (body, trace, timeout) -> {
      try {
        body.run(trace);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return outcome;
    };
  }

  private static final TraceHost IDLE = direct(new TraceHost.Run(true, List.of()));

  private static TraceSuite suite(TraceHost host, Consumer<TraceSuite.Scenarios> register) {
    return new TraceSuite() {
      @Override
      protected String suite() {
        return "selftest";
      }

      @Override
      protected void scenarios(Scenarios s) {
        register.accept(s);
      }

      @Override
      protected TraceHost host() {
        return host;
      }

      @Override
      protected Duration timeout() {
        return Duration.ofMillis(1);
      }
    };
  }

  /** The Java tests the suite yields, by display name, without the Node group. */
  private static Map<String, Executable> tests(TraceSuite suite) {
    return suite
        .traces()
        .filter(n -> !(n instanceof DynamicContainer))
        .map(n -> (DynamicTest) n)
        .collect(Collectors.toMap(DynamicTest::getDisplayName, DynamicTest::getExecutable));
  }

  private static void registerAllButFormats(TraceSuite.Scenarios s) {
    s.add("strings", t -> {});
    s.add("numbers", t -> {});
    s.add("nesting", t -> {});
  }

  @Test
  void recordedTraceWithoutJavaScenarioFails() {
    Map<String, Executable> tests = tests(suite(IDLE, TraceSuiteTest::registerAllButFormats));
    AssertionError e = assertThrows(AssertionError.class, tests.get("formats")::execute);
    assertTrue(e.getMessage().contains("selftest/formats.trace is recorded but has no Java"));
  }

  @Test
  void javaScenarioWithoutRecordedTraceFails() {
    Map<String, Executable> tests = tests(suite(IDLE, s -> s.add("nowhere", t -> {})));
    AssertionError e = assertThrows(AssertionError.class, tests.get("nowhere")::execute);
    assertTrue(e.getMessage().contains("has no recorded trace"), e.getMessage());
  }

  @Test
  void differingTraceFailsWithLineDiff() {
    Map<String, Executable> tests =
        tests(suite(IDLE, s -> s.add("nesting", t -> t.log("arrays", List.of()))));
    AssertionError e = assertThrows(AssertionError.class, tests.get("nesting")::execute);
    assertTrue(e.getMessage().contains("- arrays [] [[1,2],[]]"), e.getMessage());
    assertTrue(e.getMessage().contains("+ arrays []\n"), e.getMessage());
  }

  @Test
  void matchingTracePasses() throws Throwable {
    Map<String, Executable> tests =
        tests(suite(IDLE, s -> s.add("strings", SelftestTwins::strings)));
    tests.get("strings").execute();
  }

  @Test
  void uncaughtErrorFailsEvenWhenTracesMatch() {
    TraceHost crashing = direct(new TraceHost.Run(true, List.of(new IllegalStateException("x"))));
    Map<String, Executable> tests =
        tests(suite(crashing, s -> s.add("strings", SelftestTwins::strings)));
    AssertionError e = assertThrows(AssertionError.class, tests.get("strings")::execute);
    assertTrue(e.getMessage().contains("uncaught error"), e.getMessage());
    assertEquals("x", e.getSuppressed()[0].getMessage());
  }

  @Test
  void busyLoopFails() {
    TraceHost busy = direct(new TraceHost.Run(false, List.of()));
    Map<String, Executable> tests =
        tests(suite(busy, s -> s.add("strings", SelftestTwins::strings)));
    AssertionError e = assertThrows(AssertionError.class, tests.get("strings")::execute);
    assertTrue(e.getMessage().contains("loop still busy"), e.getMessage());
  }

  @Test
  void byteAtATimeScenarioRunsTwice() throws Throwable {
    Map<String, Executable> tests =
        tests(suite(IDLE, s -> s.addByteAtATime("strings", SelftestTwins::strings)));
    tests.get("strings").execute();
    tests.get("strings (one byte at a time)").execute();
  }
}
