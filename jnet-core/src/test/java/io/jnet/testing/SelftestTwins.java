package io.jnet.testing;

import io.jnet.error.JnetException;
import java.util.Arrays;
import java.util.List;

/** The Java twins of {@code selftest.js}'s formatting scenarios that need no loop. */
final class SelftestTwins {
  private SelftestTwins() {}

  static void strings(Trace t) {
    t.log("empty", "");
    t.log("escapes", "\\ \b\f\n\r\t \u0000\u0001\u001f \u007f");
    t.log("unicode", "é€😀 \u2028\u2029 \ufffd");
    t.log("lone surrogates", "\ud83d", "\ude00", "a\ud83dz", "\ude00\ud83d");
    t.log("event name is raw", "x");
  }

  static void numbers(Trace t) {
    t.log("integers", 0, -0.0, 1, -1, 1.0, 2147483648L, 9007199254740992.0);
    t.log("fractions", 0.1, -2.5, 1.0 / 3, 123.456);
    t.log("exponents", 1e21, 1.5e21, 1e-7, 1.25e-7, 0.000001, 1e300);
    t.log("specials", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  static void nesting(Trace t) {
    t.log(
        "arrays",
        List.of(),
        List.of(List.of(1, 2), List.of()),
        Arrays.asList("x", null, Trace.UNDEFINED, false));
    t.log(
        "error without code",
        new IllegalStateException("no code"),
        JnetException.rangeError(null, "out"));
  }
}
