package io.jnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trace formats values as trace.js does, checked against the recorded selftest suite. */
class TraceFormatTest {
  private static final Map<String, List<String>> RECORDED = TraceSuite.recordedTraces("selftest");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void formatsMatchesRecordedValuesErrorsAndArrays() {
    Trace t = new Trace();
    t.log("values", Trace.UNDEFINED, null, true, 12, "a\"b", bytes("hi"), new byte[0]);
    t.log("errors", new JnetException("ECODE", "x"), JnetException.typeError(null, "boom"));
    t.log("array", List.of(1, "a", new byte[] {(byte) 0xff}));
    t.log("later");
    assertEquals(RECORDED.get("formats"), t.lines());
  }

  @Test
  void stringsMatchJsonStringifyIncludingLoneSurrogates() {
    Trace t = new Trace();
    t.log("empty", "");
    t.log("escapes", "\\ \b\f\n\r\t \u0000\u0001\u001f \u007f");
    t.log("unicode", "é€😀 \u2028\u2029 \ufffd");
    t.log("lone surrogates", "\ud83d", "\ude00", "a\ud83dz", "\ude00\ud83d");
    t.log("event name is raw", "x");
    assertEquals(RECORDED.get("strings"), t.lines());
  }

  @Test
  void numbersPrintAsJavaScriptPrintsThem() {
    Trace t = new Trace();
    t.log("integers", 0, -0.0, 1, -1, 1.0, 2147483648L, 9007199254740992.0);
    t.log("fractions", 0.1, -2.5, 1.0 / 3, 123.456);
    t.log("exponents", 1e21, 1.5e21, 1e-7, 1.25e-7, 0.000001, 1e300);
    t.log("specials", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertEquals(RECORDED.get("numbers"), t.lines());
  }

  @Test
  void nestedArraysAndErrorsWithoutCode() {
    Trace t = new Trace();
    t.log(
        "arrays",
        List.of(),
        List.of(List.of(1, 2), List.of()),
        Arrays.asList("x", null, Trace.UNDEFINED, false));
    t.log(
        "error without code",
        new IllegalStateException("no code"),
        JnetException.rangeError(null, "out"));
    assertEquals(RECORDED.get("nesting"), t.lines());
  }

  @Test
  void loneNullVarargIsOneNullArgument() {
    Trace t = new Trace();
    t.log("read", (Object[]) null);
    t.log("bare");
    assertEquals(List.of("read null", "bare"), t.lines());
  }

  @Test
  void byteBufferAndObjectArrayFormatTheirContents() {
    ByteBuffer bb = ByteBuffer.wrap(new byte[] {1, 2, 3});
    bb.get();
    assertEquals("buf(0203)", Trace.fmt(bb));
    assertEquals(1, bb.position());
    assertEquals("[1,\"b\"]", Trace.fmt(new Object[] {1, "b"}));
  }

  @Test
  void diffMarksNodeOnlyAndJnetOnlyLines() {
    List<String> diff = TraceDiff.diff(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));
    assertEquals(List.of("  a", "- b", "+ x", "  c", "+ d"), diff);
  }
}
