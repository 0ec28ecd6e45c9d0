package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.error.JnetException;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments throw Node's codes, classes and messages (each message checked in Node 24). */
class BufferErrorsTest {
  private static JnetException thrown(Executable call) {
    return assertThrows(JnetException.class, call);
  }

  private static void assertError(String name, String code, String message, Executable call) {
    JnetException e = thrown(call);
    assertEquals(name, e.name(), e.toString());
    assertEquals(code, e.code(), e.toString());
    assertEquals(message, e.getMessage());
  }

  @Test
  void negativeAllocSizeIsOutOfRange() {
    assertError(
        "RangeError",
        "ERR_OUT_OF_RANGE",
        "The value of \"size\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1",
        () -> Buffer.alloc(-1));
  }

  @Test
  void sizeNodeAcceptsButAJavaArrayCannotHoldIsTooLarge() {
    assertError(
        "RangeError",
        "ERR_BUFFER_TOO_LARGE",
        "Cannot create a Buffer larger than 2147483639 bytes",
        () -> Buffer.alloc(Integer.MAX_VALUE));
  }

  @Test
  void readOfMoreBytesThanTheBufferHoldsIsOutOfBounds() {
    assertError(
        "RangeError",
        "ERR_BUFFER_OUT_OF_BOUNDS",
        "Attempt to access memory outside buffer bounds",
        () -> Buffer.alloc(1).readUInt16LE(0));
  }

  @Test
  void bigValueOutOfRangeIsShownWithSeparatorsAndSuffix() {
    assertError(
        "RangeError",
        "ERR_OUT_OF_RANGE",
        "The value of \"value\" is out of range. It must be >= -(2n ** 63n) and < 2n ** 63n."
            + " Received -9_223_372_036_854_775_809n",
        () ->
            Buffer.alloc(8)
                .writeBigInt64LE(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE), 0));
  }

  @Test
  void unencodableHexFillIsAnInvalidValue() {
    assertError(
        "TypeError",
        "ERR_INVALID_ARG_VALUE",
        "The argument 'value' is invalid. Received 'zz'",
        () -> Buffer.alloc(5).fill("zz", "hex"));
  }

  @Test
  void invalidFillValueIsShownAsNodeInspectsIt() {
    JnetException e = thrown(() -> Buffer.alloc(3).fill("\n\t\u0001'x", "hex"));
    assertEquals("The argument 'value' is invalid. Received \"\\n\\t\\x01'x\"", e.getMessage());
  }

  @Test
  void emptyBufferFillIsAnInvalidValue() {
    assertError(
        "TypeError",
        "ERR_INVALID_ARG_VALUE",
        "The argument 'value' is invalid. Received <Buffer >",
        () -> Buffer.alloc(3).fill(Buffer.alloc(0)));
  }

  @Test
  void oddLengthSwap16IsAnInvalidSize() {
    assertError(
        "RangeError",
        "ERR_INVALID_BUFFER_SIZE",
        "Buffer size must be a multiple of 16-bits",
        () -> Buffer.alloc(3).swap16());
  }

  @Test
  void unknownEncodingInToStringIsATypeError() {
    assertError(
        "TypeError",
        "ERR_UNKNOWN_ENCODING",
        "Unknown encoding: foo",
        () -> Buffer.from("ab").toString("foo"));
  }

  @Test
  void emptyRangeToStringIgnoresTheEncodingName() {
    assertEquals("", Buffer.alloc(0).toString("foo"));
    assertEquals("", Buffer.from("abc").toString("foo", 2, 1));
  }

  @Test
  void emptyEncodingNameMeansUtf8WhereNodeSaysSo() {
    assertEquals("ab", Buffer.from("ab", "").toString());
    assertEquals(2, Buffer.alloc(2).write("ab", ""));
    assertEquals(2, Buffer.byteLength("ab", ""));
    assertError(
        "TypeError",
        "ERR_UNKNOWN_ENCODING",
        "Unknown encoding: ",
        () -> Buffer.from("ab").toString(""));
  }

  @Test
  void unknownEncodingInByteLengthCountsUtf8() {
    assertEquals(2, Buffer.byteLength("\u00e9", "foo"));
  }

  @Test
  void nullArgumentsAreNodesInvalidArgType() {
    Buffer b = Buffer.alloc(3);
    String types = " argument must be an instance of Buffer or Uint8Array. Received null";
    for (Object[] c :
        new Object[][] {
          {"The \"buf1\"" + types, (Executable) () -> Buffer.compare(null, b)},
          {"The \"buf2\"" + types, (Executable) () -> Buffer.compare(b, null)},
          {"The \"target\"" + types, (Executable) () -> b.compare(null)},
          {"The \"target\"" + types, (Executable) () -> b.copy(null)},
          {
            "The \"value\" argument must be one of type number or string or an instance of Buffer"
                + " or Uint8Array. Received null",
            (Executable) () -> b.indexOf((String) null)
          },
          {
            "The first argument must be of type string or an instance of Buffer, ArrayBuffer, or"
                + " Array or an Array-like Object. Received null",
            (Executable) () -> Buffer.from((String) null)
          },
          {
            "The \"string\" argument must be of type string or an instance of Buffer or"
                + " ArrayBuffer. Received null",
            (Executable) () -> Buffer.byteLength(null)
          },
          {"argument must be a string", (Executable) () -> b.write(null)},
          {
            "The \"buf\" argument must be an instance of Buffer, TypedArray, or DataView. Received"
                + " null",
            (Executable) () -> new StringDecoder().write(null)
          },
        }) {
      JnetException e = thrown((Executable) c[1]);
      assertEquals("ERR_INVALID_ARG_TYPE", e.code(), Arrays.toString(c));
      assertEquals("TypeError", e.name());
      assertEquals(c[0], e.getMessage());
    }
  }

  @Test
  void nullFillValueFillsZerosAsNodeDoes() {
    assertEquals(Buffer.alloc(3), Buffer.alloc(3, 7).fill((String) null));
  }

  @Test
  void wrapRangeFollowsNodesArrayBufferRules() {
    byte[] four = new byte[4];
    assertError(
        "RangeError",
        "ERR_BUFFER_OUT_OF_BOUNDS",
        "\"offset\" is outside of buffer bounds",
        () -> Buffer.wrap(four, 5, 0));
    assertError(
        "RangeError",
        "ERR_BUFFER_OUT_OF_BOUNDS",
        "\"length\" is outside of buffer bounds",
        () -> Buffer.wrap(four, 1, 4));
    assertError(
        "RangeError",
        null,
        "Start offset -1 is outside the bounds of the buffer",
        () -> Buffer.from(four, -1, 1));
    assertEquals(0, Buffer.wrap(four, 1, -1).length());
    assertEquals(0, Buffer.wrap(four, 4, 0).length());
  }
}
