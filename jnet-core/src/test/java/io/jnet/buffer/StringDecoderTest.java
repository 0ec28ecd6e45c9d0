package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.error.JnetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StringDecoder behaviours named in its javadoc, each output checked in Node 24 first. */
class StringDecoderTest {
  private static List<String> feed(StringDecoder d, int[]... chunks) {
    String[] out = new String[chunks.length + 1];
    for (int i = 0; i < chunks.length; i++) {
      byte[] b = new byte[chunks[i].length];
      for (int k = 0; k < b.length; k++) b[k] = (byte) chunks[i][k];
      out[i] = d.write(Buffer.wrap(b));
    }
    out[chunks.length] = d.end();
    return List.of(out);
  }

  @Test
  void surrogatePairCutAfterItsFirstByteComesBackAsTwoHalves() {
    StringDecoder d = new StringDecoder("utf16le");
    assertEquals(
        List.of("", "\ud83d", "\ude00", ""),
        feed(d, new int[] {0x3d}, new int[] {0xd8, 0x00}, new int[] {0xde}));
  }

  @Test
  void highSurrogateLeftAtEndIsFlushedAlone() {
    assertEquals(List.of("", "\ud83d"), feed(new StringDecoder("utf16le"), new int[] {0x3d, 0xd8}));
  }

  @Test
  void base64KeepsPartialGroupsAndPadsAtEnd() {
    StringDecoder d = new StringDecoder("base64");
    assertEquals(
        List.of("", "YWJj", "", "ZA=="),
        feed(d, new int[] {'a', 'b'}, new int[] {'c'}, new int[] {'d'}));
  }

  @Test
  void base64urlFlushesUnpadded() {
    assertEquals(
        List.of("YWJj", "ZA"),
        feed(new StringDecoder("base64url"), new int[] {'a', 'b', 'c', 'd'}));
  }

  @Test
  void cutSequenceBrokenByAnAsciiByteIsReplacedThenTheByteKept() {
    assertEquals(
        List.of("", "\ufffdA", ""),
        feed(new StringDecoder(), new int[] {0xf0, 0x9f}, new int[] {0x41}));
  }

  @Test
  void hexKeepsNothing() {
    assertEquals(List.of("ab", ""), feed(new StringDecoder("hex"), new int[] {0xab}));
  }

  @Test
  void endEmptiesTheDecoderForANewStream() {
    StringDecoder d = new StringDecoder();
    assertEquals(List.of("", "\ufffd"), feed(d, new int[] {0xe2}));
    assertEquals(List.of("\ufffd\ufffd", ""), feed(d, new int[] {0x82, 0xac}));
  }

  @Test
  void endWithAChunkWritesItFirst() {
    StringDecoder d = new StringDecoder();
    d.write(Buffer.from(new byte[] {(byte) 0xe2, (byte) 0x82}));
    assertEquals("\u20ac", d.end(Buffer.from(new byte[] {(byte) 0xac})));
  }

  @Test
  void encodingIsNodesCanonicalName() {
    assertEquals(Encoding.LATIN1, new StringDecoder("binary").encoding());
    assertEquals(Encoding.UTF16LE, new StringDecoder("UCS-2").encoding());
    assertEquals(Encoding.UTF8, new StringDecoder("").encoding());
    assertEquals(Encoding.UTF8, new StringDecoder().encoding());
  }

  @Test
  void unknownEncodingIsRejected() {
    JnetException e = assertThrows(JnetException.class, () -> new StringDecoder("foo"));
    assertEquals("ERR_UNKNOWN_ENCODING", e.code());
    assertEquals("Unknown encoding: foo", e.getMessage());
  }
}
