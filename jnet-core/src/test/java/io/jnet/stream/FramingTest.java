package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The framing transforms, fed the same bytes at once, cut at every split point, and one byte at a
 * time: every way must give the same frames (Okio's one-byte-at-a-time idea).
 */
class FramingTest {
  /** What a splitter gave for one way of cutting the input: its frames, then how it ended. */
  private static List<String> run(Supplier<Transform> make, byte[] input, int[] cuts) {
    List<String> out = new ArrayList<>();
    Loops.run(
        () -> {
          Transform t = make.get();
          t.on(Readable.DATA, frame -> out.add(frame.toString("latin1")));
          t.on(Readable.END, () -> out.add("end"));
          t.on(Stream.ERROR, e -> out.add("error " + e.code()));
          int from = 0;
          for (int cut : cuts) {
            t.write(Buffer.wrap(java.util.Arrays.copyOfRange(input, from, cut)));
            from = cut;
          }
          t.end(Buffer.wrap(java.util.Arrays.copyOfRange(input, from, input.length)));
        });
    return out;
  }

  /** Asserts {@code expected} for the whole input, every single cut, and every byte apart. */
  private static void assertFrames(Supplier<Transform> make, String input, String... expected) {
    byte[] bytes = input.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    List<String> want = List.of(expected);
    assertEquals(want, run(make, bytes, new int[0]), "whole input");
    for (int cut = 0; cut <= bytes.length; cut++) {
      assertEquals(want, run(make, bytes, new int[] {cut}), "cut at " + cut);
    }
    int[] every = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) every[i] = i;
    assertEquals(want, run(make, bytes, every), "one byte at a time");
  }

  @Test
  void linesSplitAtNewlineAndDropCarriageReturns() {
    assertFrames(
        () -> DelimiterSplitter.lines(16), "one\r\ntwo\n\nthree\r\n", "one", "two", "three", "end");
  }

  @Test
  void keptLineEndsLetEmptyLinesThrough() {
    assertFrames(
        () -> DelimiterSplitter.lines(16, false),
        "one\r\n\r\ntwo",
        "one\r\n",
        "\r\n",
        "two",
        "end");
  }

  @Test
  void aLastLineWithoutNewlineIsAFrame() {
    assertFrames(() -> DelimiterSplitter.lines(16), "a\nlast\r", "a", "last", "end");
  }

  @Test
  void aCarriageReturnInsideALineStays() {
    assertFrames(() -> DelimiterSplitter.lines(16), "a\rb\n", "a\rb", "end");
  }

  @Test
  void multiByteDelimiterCutAnywhere() {
    assertFrames(
        () -> new DelimiterSplitter(Buffer.from("\r\n\r\n"), 16),
        "head\r\n\r\nx\r\n\r\n\r\n\r\ntail",
        "head",
        "x",
        "tail",
        "end");
  }

  @Test
  void aLineOfExactlyTheMaximumPasses() {
    assertFrames(() -> DelimiterSplitter.lines(4), "abcd\r\nefgh\n", "abcd", "efgh", "end");
  }

  @Test
  void aLineLongerThanTheMaximumFailsTheStream() {
    assertFrames(
        () -> DelimiterSplitter.lines(4), "ab\nabcde\nlater\n", "ab", "error ERR_FRAME_TOO_LONG");
  }

  @Test
  void endlessBytesWithoutDelimiterFailBeforeTheEnd() {
    assertFrames(
        () -> new DelimiterSplitter(Buffer.from("--"), 3), "abcd-", "error ERR_FRAME_TOO_LONG");
    assertFrames(
        () -> new DelimiterSplitter(Buffer.from("--"), 3), "abc-", "error ERR_FRAME_TOO_LONG");
    assertFrames(() -> new DelimiterSplitter(Buffer.from("--"), 3), "ab-", "ab-", "end");
  }

  @Test
  void lengthPrefixedFramesOfEachWidth() {
    assertFrames(
        () -> new LengthPrefixSplitter(1, 10), "\u0003abc\u0000\u0001z", "abc", "z", "end");
    assertFrames(
        () -> new LengthPrefixSplitter(2, 300),
        "\u0000\u0002hi\u0001\u0000" + "x".repeat(256),
        "hi",
        "x".repeat(256),
        "end");
    assertFrames(
        () -> new LengthPrefixSplitter(4, 10), "\u0000\u0000\u0000\u0005hello", "hello", "end");
  }

  @Test
  void aLengthAboveTheMaximumFailsOnceItIsRead() {
    assertFrames(
        () -> new LengthPrefixSplitter(2, 4),
        "\u0000\u0001a\u0000\u0005",
        "a",
        "error ERR_FRAME_TOO_LONG");
    assertFrames(
        () -> new LengthPrefixSplitter(4, 1 << 20),
        "\u00ff\u00ff\u00ff\u00ff",
        "error ERR_FRAME_TOO_LONG");
  }

  @Test
  void aFrameCutByTheEndFailsTheStream() {
    assertFrames(
        () -> new LengthPrefixSplitter(1, 10),
        "\u0002ab\u0003a",
        "ab",
        "error ERR_FRAME_INCOMPLETE");
  }

  @Test
  void encoderPrefixesEachChunkAndTheSplitterUndoesIt() {
    List<String> out = new ArrayList<>();
    Loops.run(
        () -> {
          LengthPrefixEncoder encoder = new LengthPrefixEncoder(2);
          LengthPrefixSplitter splitter = new LengthPrefixSplitter(2, 100);
          encoder.on(Readable.DATA, b -> out.add("wire " + b.toString("hex")));
          encoder.pipe(splitter);
          splitter.on(Readable.DATA, b -> out.add("frame " + b));
          splitter.on(Readable.END, () -> out.add("end"));
          encoder.write(Buffer.from("hello"));
          encoder.write(Buffer.alloc(0)); // its frame, 0000, carries no chunk out of the splitter
          encoder.end(Buffer.from("!"));
        });
    assertEquals(
        List.of("wire 000568656c6c6f", "frame hello", "wire 0000", "wire 000121", "frame !", "end"),
        out);
  }

  @Test
  void encoderRefusesAChunkTooLongForItsLength() {
    List<String> out = new ArrayList<>();
    Loops.run(
        () -> {
          LengthPrefixEncoder encoder = new LengthPrefixEncoder(1);
          encoder.on(Stream.ERROR, e -> out.add(e.code() + " " + e.getMessage()));
          encoder.write(Buffer.alloc(256));
        });
    assertEquals(
        List.of(
            "ERR_OUT_OF_RANGE The value of \"chunk.length\" is out of range. It must be >= 0 &&"
                + " <= 255. Received 256"),
        out);
  }

  @Test
  void badConstructorArgumentsThrow() {
    assertEquals(
        "ERR_OUT_OF_RANGE",
        assertThrows(JnetException.class, () -> new LengthPrefixSplitter(3, 10)).code());
    assertEquals(
        "ERR_OUT_OF_RANGE",
        assertThrows(JnetException.class, () -> DelimiterSplitter.lines(0)).code());
    assertEquals(
        "ERR_INVALID_ARG_VALUE",
        assertThrows(JnetException.class, () -> new DelimiterSplitter(Buffer.alloc(0), 1)).code());
  }
}
