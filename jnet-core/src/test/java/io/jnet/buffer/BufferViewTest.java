package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views, copies and content semantics, each checked against what Node prints for the same. */
class BufferViewTest {
  @Test
  void inspectShowsFiftyBytesThenCountsTheRest() {
    String shown = Buffer.alloc(60).inspect();
    assertTrue(shown.startsWith("<Buffer 00 00 "));
    assertTrue(shown.endsWith(" 00 ... 10 more bytes>"));
    assertEquals(50, shown.split("00", -1).length - 1);
    assertTrue(Buffer.alloc(51).inspect().endsWith(" ... 1 more byte>"));
  }

  @Test
  void toJsonListsTheBytes() {
    assertEquals(
        "{\"type\":\"Buffer\",\"data\":[1,2,3]}", Buffer.from(new byte[] {1, 2, 3}).toJSON());
  }

  @Test
  void equalsAndHashCodeFollowContentNotArrays() {
    Buffer a = Buffer.from("xabcx").subarray(1, 4);
    Buffer b = Buffer.from("abc");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Buffer.from("abd"));
    assertFalse(a.equals(null));
  }

  @Test
  void compareOrdersBytesAsUnsigned() {
    List<Buffer> list = new ArrayList<>();
    list.add(Buffer.from(new byte[] {(byte) 0x80}));
    list.add(Buffer.from(new byte[] {0x7f}));
    list.add(Buffer.from(new byte[] {0x7f, 0}));
    Collections.sort(list);
    assertEquals("<Buffer 7f>", list.get(0).inspect());
    assertEquals("<Buffer 7f 00>", list.get(1).inspect());
    assertEquals("<Buffer 80>", list.get(2).inspect());
  }

  @Test
  void copyForwardWithinOneBufferActsAsMemmove() {
    Buffer a = Buffer.from("abcdef");
    assertEquals(4, a.copy(a, 2, 0, 4));
    assertEquals("ababcd", a.toString());
  }

  @Test
  void copyBackwardWithinOneBufferActsAsMemmove() {
    Buffer b = Buffer.from("abcdef");
    assertEquals(4, b.copy(b, 0, 2));
    assertEquals("cdefef", b.toString());
  }

  @Test
  void fillWithAnOverlappingViewRepeatsItsOriginalBytes() {
    Buffer c = Buffer.from("abcdef");
    c.fill(c.subarray(1, 3));
    assertEquals("bcbcbc", c.toString());
  }

  @Test
  void swapReversesEachGroupInPlace() {
    assertEquals("<Buffer 02 01 04 03>", Buffer.from(new byte[] {1, 2, 3, 4}).swap16().inspect());
    assertEquals("<Buffer 04 03 02 01>", Buffer.from(new byte[] {1, 2, 3, 4}).swap32().inspect());
    Buffer eight = Buffer.from(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertEquals("<Buffer 08 07 06 05 04 03 02 01>", eight.swap64().inspect());
  }

  @Test
  void readBigUInt64IsUnsignedAndReadBigInt64IsItsBits() {
    Buffer ones = Buffer.alloc(8, 0xff);
    assertEquals(new BigInteger("18446744073709551615"), ones.readBigUInt64LE(0));
    assertEquals(-1L, ones.readBigInt64LE(0));
  }

  @Test
  void sliceAndSubarrayShareOneArray() {
    Buffer b = Buffer.from("hello");
    b.slice(1).fill('a');
    b.subarray(3).fill('z');
    assertEquals("haazz", b.toString());
  }

  @Test
  void asByteBufferOfAnEmptyViewIsEmpty() {
    assertEquals(0, Buffer.from("abc").subarray(3).asByteBuffer().remaining());
  }

  @Test
  void allocUnsafeIsZeroFilledAndSized() {
    Buffer b = Buffer.allocUnsafe(16);
    assertEquals(16, b.length());
    assertEquals(Buffer.alloc(16), b);
  }

  @Test
  void writeReturnsOffsetPlusBytes() {
    Buffer b = Buffer.alloc(8);
    assertEquals(4, b.writeUInt32BE(0xdeadbeefL, 0));
    assertEquals(6, b.writeUInt16LE(0xbeef, 4));
    assertEquals("deadbeefefbe0000", b.toString("hex"));
  }

  @Test
  void isUtf8RejectsEncodedSurrogatesAndAcceptsTheBom() {
    assertFalse(Buffer.isUtf8(Buffer.from(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})));
    assertTrue(Buffer.isUtf8(Buffer.from(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})));
    assertTrue(Buffer.isUtf8(Buffer.from("h\u00e9")));
    assertTrue(Buffer.isUtf8(Buffer.alloc(0)));
  }

  @Test
  void isAsciiLooksOnlyAtTheView() {
    Buffer b = Buffer.from(new byte[] {(byte) 0x80, 'a', 'b'});
    assertFalse(Buffer.isAscii(b));
    assertTrue(Buffer.isAscii(b.subarray(1)));
  }

  @Test
  void shortOverloadsDefaultTheRestAsNodeDoes() {
    Buffer abc = Buffer.from("abc");
    assertEquals(-1, abc.compare(Buffer.from("xbc"), 1));
    assertEquals(-1, abc.compare(Buffer.from("xbc"), 0, 3, 1));
    assertEquals(0, Buffer.from("bc").compare(Buffer.from("xbc"), 1));
    assertEquals("6263", abc.toString("hex", 1));
    assertEquals(
        "<Buffer 00 01 02 01>", Buffer.alloc(4).fill(Buffer.from(new byte[] {1, 2}), 1).inspect());
  }

  @Test
  void bufferNeedleWithUtf16leMatchesEvenOffsetsOnly() {
    Buffer u = Buffer.from("abab", "ucs2");
    assertEquals(2, u.indexOf(Buffer.from(new byte[] {0x62, 0}), "ucs2"));
    assertEquals(6, u.lastIndexOf(Buffer.from(new byte[] {0x62, 0}), "ucs2"));
    assertFalse(u.includes(Buffer.from(new byte[] {0, 0x62}), "ucs2"));
    assertTrue(u.includes(Buffer.from(new byte[] {0, 0x62})));
  }

  @Test
  void utf8NeedleKeepsALoneSurrogateAsItsOwnThreeBytes() {
    Buffer wtf8 = Buffer.from(new byte[] {0x61, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
    assertEquals(1, wtf8.indexOf("\ud800"));
    assertEquals(-1, Buffer.from("a\ud800").indexOf("\ud800"));
    Buffer halves = Buffer.from(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xed});
    assertEquals(-1, halves.indexOf("\ud800\udc00"));
  }
}
