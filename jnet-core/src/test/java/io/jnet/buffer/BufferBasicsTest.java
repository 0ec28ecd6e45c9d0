package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.error.JnetException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferBasicsTest {
  @Test
  void fromStringEncodesUtf8AndToStringDecodesIt() {
    Buffer b = Buffer.from("h\u00e9\u20ac\ud83d\ude00");
    assertEquals("68c3a9e282acf09f9880", b.toString("hex"));
    assertEquals("h\u00e9\u20ac\ud83d\ude00", b.toString());
  }

  @Test
  void subarraySharesMemoryWithItsParent() {
    Buffer b = Buffer.from("abcdef");
    Buffer sub = b.subarray(-3, -1);
    assertEquals("de", sub.toString());
    sub.set(0, 'X');
    assertEquals("abcXef", b.toString());
    assertSame(b.array(), sub.array());
    assertEquals(3, sub.arrayOffset());
  }

  @Test
  void fromByteArrayCopiesAndWrapDoesNot() {
    byte[] bytes = {1, 2, 3};
    Buffer copy = Buffer.from(bytes);
    Buffer wrapped = Buffer.wrap(bytes);
    bytes[0] = 9;
    assertEquals(1, copy.get(0));
    assertEquals(9, wrapped.get(0));
    assertNotSame(bytes, copy.array());
  }

  @Test
  void asByteBufferViewsExactlyTheseBytes() {
    Buffer b = Buffer.from("abcdef").subarray(2, 4);
    ByteBuffer bb = b.asByteBuffer();
    assertEquals(0, bb.position());
    assertEquals(2, bb.remaining());
    assertEquals('c', bb.get(0));
    bb.put(1, (byte) 'Z');
    assertEquals("cZ", b.toString());
  }

  @Test
  void fromByteBufferCopiesRemainingAndKeepsPosition() {
    ByteBuffer src = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    src.position(1);
    Buffer b = Buffer.from(src);
    assertEquals(1, src.position());
    assertArrayEquals(new byte[] {2, 3, 4}, b.toByteArray());
  }

  @Test
  void concatJoinsAndPadsToTotalLength() {
    Buffer a = Buffer.from("ab");
    Buffer c = Buffer.from("cd");
    assertEquals("abcd", Buffer.concat(List.of(a, c)).toString());
    assertEquals("abc", Buffer.concat(List.of(a, c), 3).toString());
    assertEquals("61626364000000", Buffer.concat(List.of(a, c), 7).toString("hex"));
  }

  @Test
  void readPastTheEndThrowsNodesOutOfRange() {
    JnetException e =
        assertThrows(JnetException.class, () -> Buffer.from(new byte[3]).readUInt8(3));
    assertEquals("ERR_OUT_OF_RANGE", e.code());
    assertEquals("RangeError", e.name());
    assertEquals(
        "The value of \"offset\" is out of range. It must be >= 0 and <= 2. Received 3",
        e.getMessage());
  }

  @Test
  void unknownEncodingThrowsNodesError() {
    JnetException e = assertThrows(JnetException.class, () -> Buffer.from("x", "foo"));
    assertEquals("ERR_UNKNOWN_ENCODING", e.code());
    assertEquals("Unknown encoding: foo", e.getMessage());
  }

  @Test
  void stringDecoderKeepsACharacterCutAcrossChunks() {
    StringDecoder d = new StringDecoder("utf8");
    Buffer euro = Buffer.from("\u20ac");
    assertEquals("", d.write(euro.subarray(0, 1)));
    assertEquals("", d.write(euro.subarray(1, 2)));
    assertEquals("\u20ac", d.write(euro.subarray(2)));
    assertEquals("", d.write(euro.subarray(0, 2)));
    assertEquals("\ufffd", d.end());
  }

  @Test
  void inspectShowsNodesForm() {
    assertEquals("<Buffer 68 69>", Buffer.from("hi").inspect());
    assertEquals("<Buffer >", Buffer.alloc(0).inspect());
  }
}
