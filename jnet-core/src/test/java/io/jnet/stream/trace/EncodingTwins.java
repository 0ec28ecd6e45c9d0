package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.bytes;
import static io.jnet.stream.trace.Twins.chunked;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;

import io.jnet.buffer.Buffer;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/** Twins of stream.js's setEncoding scenarios: characters split across chunks. */
final class EncodingTwins {
  private EncodingTwins() {}

  static void register(Scenarios s) {
    s.add(
        "utf8SplitCharacters",
        t ->
            decodeEach(
                t,
                "utf8",
                bytes(0x61, 0xe2),
                bytes(0x82, 0xac, 0xf0),
                bytes(0x9f, 0x98),
                bytes(0x80, 0x62)));
    s.add("utf8IncompleteAtEnd", t -> decodeEach(t, "utf8", bytes(0x41, 0xe2, 0x82)));
    s.add("hexEncoding", t -> decodeEach(t, "hex", bytes(0x00, 0xff), bytes(0x10)));
    s.add("base64SplitGroups", t -> decodeEach(t, "base64", b("a"), b("b"), b("cdef"), b("gh")));
    s.add(
        "utf16leSplitUnitsAndSurrogates",
        t ->
            decodeEach(
                t,
                "utf16le",
                bytes(0x68),
                bytes(0x00, 0x3d),
                bytes(0xd8, 0x00),
                bytes(0xde, 0x69, 0x00)));
    s.add(
        "utf16leLoneSurrogateAtEnd", t -> decodeEach(t, "utf16le", bytes(0x41, 0x00, 0x3d, 0xd8)));
    s.add(
        "setEncodingReadLoopCountsCharacters",
        t -> {
          Readable r = manual();
          r.setEncoding("utf8");
          r.push(bytes(0xc3));
          r.push(bytes(0xa9, 0x78, 0x79));
          t.log("length", r.readableLength());
          t.log("read(1)", r.readText(1));
          t.log("read()", r.readText());
          r.pushEnd();
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.resume();
        });
    s.addByteAtATime(
        "decodeWholeTextUtf8", t -> decodeWholeText(t, "utf8", Buffer.from("aé€😀z", "utf8")));
    s.addByteAtATime(
        "decodeWholeTextUtf16le",
        t -> decodeWholeText(t, "utf16le", Buffer.from("aé€😀z", "utf16le")));
    s.addByteAtATime(
        "decodeWholeTextBase64", t -> decodeWholeText(t, "base64", b("any carnal pleasure.")));
    s.addByteAtATime(
        "decodeWholeTextHex", t -> decodeWholeText(t, "hex", bytes(0, 1, 0xab, 0xff, 0x10)));
  }

  /** {@code fromChunks(chunks)}, setEncoding(enc), then data/end/close logged. */
  private static void decodeEach(Trace t, String encoding, Buffer... chunks) {
    Readable r = fromChunks(chunks);
    r.setEncoding(encoding);
    on(t, r, "r", Readable.TEXT, Readable.END, Stream.CLOSE);
  }

  /** stream.js's decodeWholeText: 2-byte chunks (1-byte ones in the bytewise run). */
  private static void decodeWholeText(Trace t, String encoding, Buffer bytes) {
    Readable r = fromChunks(chunked(bytes, t.byteAtATime() ? 1 : 2).toArray(new Buffer[0]));
    r.setEncoding(encoding);
    StringBuilder text = new StringBuilder();
    r.on(Readable.TEXT, text::append);
    r.on(Readable.END, () -> t.log("r.end", text.toString()));
    r.on(Stream.CLOSE, () -> t.log("r.close"));
  }
}
