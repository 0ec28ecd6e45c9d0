package io.jnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trace formats values as trace.js does, checked against the recorded selftest suite. */
class TraceFormatTest {
  private static final Map<String, List<String>> RECORDED = TraceSuite.recordedTraces("selftest");

  @Test
  void stringsMatchRecordedJsonStringify() {
    Trace t = new Trace();
    SelftestTwins.strings(t);
    assertEquals(RECORDED.get("strings"), t.lines());
  }

  @Test
  void numbersMatchRecordedJavaScriptPrinting() {
    Trace t = new Trace();
    SelftestTwins.numbers(t);
    assertEquals(RECORDED.get("numbers"), t.lines());
  }

  @Test
  void nestedArraysAndErrorsWithoutCodeMatchRecorded() {
    Trace t = new Trace();
    SelftestTwins.nesting(t);
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
  void jnetBufferFormatsAsHex() {
    assertEquals("buf(00ff)", Trace.fmt(io.jnet.buffer.Buffer.from("00ff", "hex")));
    assertEquals("buf()", Trace.fmt(io.jnet.buffer.Buffer.alloc(0)));
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
