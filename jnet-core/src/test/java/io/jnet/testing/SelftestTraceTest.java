package io.jnet.testing;

import io.jnet.error.JnetException;
import io.jnet.loop.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The harness runs its own suite ({@code selftest.js}) end to end: recorded traces, Java twins on a
 * jnet loop, the wait for idle, and the check that Node still records the same traces.
 */
class SelftestTraceTest extends TraceSuite {
  @Override
  protected String suite() {
    return "selftest";
  }

  @Override
  protected void scenarios(Scenarios s) {
    s.add("formats", SelftestTraceTest::formats);
    s.add("strings", SelftestTwins::strings);
    s.add("numbers", SelftestTwins::numbers);
    s.add("nesting", SelftestTwins::nesting);
  }

  static void formats(Trace t) {
    t.log(
        "values",
        Trace.UNDEFINED,
        null,
        true,
        12,
        "a\"b",
        "hi".getBytes(StandardCharsets.UTF_8),
        new byte[0]);
    t.log("errors", new JnetException("ECODE", "x"), JnetException.typeError(null, "boom"));
    t.log("array", List.of(1, "a", new byte[] {(byte) 0xff}));
    EventLoop.current().setImmediate(() -> t.log("later"));
  }
}
