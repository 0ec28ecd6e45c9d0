package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Java extras beside Node's encoding names: {@link Encoding} constants and charsets. */
class CharsetOverloadsTest {
  private static Writable recorder(EventLog log) {
    return new Writable(
        StreamOptions.defaults()
            .write(
                (chunk, cb) -> {
                  log.add(chunk.toString("hex"));
                  cb.done();
                }));
  }

  @Test
  void writeAndEndTakeAnEncodingConstantOrAnyCharset() {
    EventLog log = new EventLog();
    Loops.run(
        () -> {
          Writable w = recorder(log);
          w.write("\u00e9", Encoding.LATIN1);
          w.write("\u00e9", StandardCharsets.UTF_8);
          w.write("\u20ac", Charset.forName("windows-1252"));
          w.write("ab", Encoding.BASE64);
          w.end("\u00e9", StandardCharsets.UTF_16BE);
        });
    log.assertEntries("e9", "c3a9", "80", "69", "00e9");
  }

  @Test
  void endTakesAnEncodingConstant() {
    EventLog log = new EventLog();
    Loops.run(() -> recorder(log).end("6869", Encoding.HEX));
    log.assertEntries("6869");
  }

  @Test
  void setEncodingTakesAConstantOrOneOfNodesCharsets() {
    EventLog log = new EventLog();
    Loops.run(
        () -> {
          PassThrough utf16 = new PassThrough();
          utf16.setEncoding(StandardCharsets.UTF_16LE);
          utf16.on(Readable.TEXT, s -> log.add("utf16le " + s));
          utf16.write(Buffer.from(new byte[] {0x68, 0x00, 0x69}));
          utf16.end(Buffer.from(new byte[] {0x00}));
          PassThrough hex = new PassThrough();
          hex.setEncoding(Encoding.HEX);
          hex.on(Readable.TEXT, s -> log.add("hex " + s));
          hex.end(Buffer.from(new byte[] {1, 2}));
        });
    log.assertEntries("utf16le h", "utf16le i", "hex 0102");
  }

  @Test
  void aCharsetThatIsNoNodeEncodingIsRefusedAtTheCall() {
    PassThrough p = new PassThrough(StreamOptions.defaults().loop(Loops.loop()));
    JnetException e =
        assertThrows(JnetException.class, () -> p.setEncoding(StandardCharsets.US_ASCII));
    assertEquals("ERR_UNKNOWN_ENCODING", e.code());
    assertEquals("TypeError", e.name());
    assertEquals(
        "Unknown encoding: US-ASCII (Node's encodings take UTF-8, UTF-16LE and ISO-8859-1 as"
            + " charsets)",
        e.getMessage());
  }
}
