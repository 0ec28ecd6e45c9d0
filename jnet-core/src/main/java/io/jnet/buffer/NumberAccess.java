package io.jnet.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Buffer's integer and float readers and writers, Node's {@code readUInt8} to {@code
 * writeDoubleBE}: the part of {@link Buffer} that reads and writes numbers, kept in its own file.
 *
 * <p>Every reader and writer checks first the value (writers), then that {@code offset} leaves room
 * for the number, with Node's errors: {@code ERR_OUT_OF_RANGE} naming the valid range of {@code
 * offset} or {@code value}, or {@code ERR_BUFFER_OUT_OF_BOUNDS} when the buffer is too short for
 * the number at all. Writers return {@code offset} plus the bytes written.
 *
 * <p>Java types: 8- and 16-bit values are {@code int}, 32-bit unsigned values and Node's 48-bit
 * {@code readUIntLE} family are {@code long}. {@code readBigUInt64LE} returns a {@code BigInteger},
 * as Node returns a BigInt, because an unsigned 64-bit value does not fit a {@code long}; {@code
 * readBigInt64LE} returns a {@code long}, which holds every signed 64-bit value (and is the raw
 * bits of the unsigned one, for callers who want speed).
 *
 * <p>Unlike Node, {@code offset} is never optional: there are no overloads defaulting it to 0, so
 * every call shows where it reads or writes.
 */
abstract class NumberAccess {
  private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger MIN_64 = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_64 = BigInteger.valueOf(Long.MAX_VALUE);

  /** The backing array; shared by every view of it. */
  final byte[] array;

  /** Where this view starts in {@link #array}. */
  final int offset;

  /** How many bytes this view holds. */
  final int length;

  /**
   * Node 24's {@code buffer.constants.MAX_LENGTH} (2^53 - 1), shown in its range errors. jnet's
   * real limit is a Java array's, {@link #MAX_ARRAY_LENGTH}.
   */
  static final long K_MAX_LENGTH = (1L << 53) - 1;

  /** The longest byte array the JVM allocates (HotSpot refuses the last few int values). */
  static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  NumberAccess(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /** Where this view ends in {@link #array}. */
  final int end() {
    return offset + length;
  }

  private static VarHandle view(Class<?> type, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(type, order);
  }

  /** Node's {@code checkBounds}: room for {@code n} bytes at {@code at}; the absolute index. */
  private int at(int at, int n) {
    if (at < 0 || at > length - n) throw Errors.boundsError(at, length - n);
    return offset + at;
  }

  private static void checkByteLength(int byteLength) {
    if (byteLength < 1 || byteLength > 6) {
      throw Errors.outOfRange("byteLength", ">= 1 and <= 6", byteLength);
    }
  }

  /** Node's {@code checkInt} range check for an {@code n}-byte value. */
  private static void checkValue(long value, long min, long max, int n) {
    if (value >= min && value <= max) return;
    String range;
    if (n > 4) {
      int bits = n * 8;
      range =
          min == 0
              ? ">= 0 and < 2 ** " + bits
              : ">= -(2 ** " + (bits - 1) + ") and < 2 ** " + (bits - 1);
    } else {
      range = ">= " + min + " and <= " + max;
    }
    throw Errors.outOfRange("value", range, value);
  }

  // ---------------------------------------------------------------- readers

  /**
   * Node's {@code buf.readUInt8(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readUInt8(int offset) {
    return array[at(offset, 1)] & 0xFF;
  }

  /**
   * Node's {@code buf.readInt8(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readInt8(int offset) {
    return array[at(offset, 1)];
  }

  /**
   * Node's {@code buf.readUInt16LE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readUInt16LE(int offset) {
    return (short) SHORT_LE.get(array, at(offset, 2)) & 0xFFFF;
  }

  /**
   * Node's {@code buf.readUInt16BE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readUInt16BE(int offset) {
    return (short) SHORT_BE.get(array, at(offset, 2)) & 0xFFFF;
  }

  /**
   * Node's {@code buf.readInt16LE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readInt16LE(int offset) {
    return (short) SHORT_LE.get(array, at(offset, 2));
  }

  /**
   * Node's {@code buf.readInt16BE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readInt16BE(int offset) {
    return (short) SHORT_BE.get(array, at(offset, 2));
  }

  /**
   * Node's {@code buf.readUInt32LE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public long readUInt32LE(int offset) {
    return (int) INT_LE.get(array, at(offset, 4)) & 0xFFFFFFFFL;
  }

  /**
   * Node's {@code buf.readUInt32BE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public long readUInt32BE(int offset) {
    return (int) INT_BE.get(array, at(offset, 4)) & 0xFFFFFFFFL;
  }

  /**
   * Node's {@code buf.readInt32LE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readInt32LE(int offset) {
    return (int) INT_LE.get(array, at(offset, 4));
  }

  /**
   * Node's {@code buf.readInt32BE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public int readInt32BE(int offset) {
    return (int) INT_BE.get(array, at(offset, 4));
  }

  /**
   * Node's {@code buf.readUIntLE(offset, byteLength)}: 1 to 6 bytes, unsigned.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return the number read
   */
  public long readUIntLE(int offset, int byteLength) {
    checkByteLength(byteLength);
    int p = at(offset, byteLength);
    long v = 0;
    for (int i = byteLength - 1; i >= 0; i--) v = (v << 8) | (array[p + i] & 0xFF);
    return v;
  }

  /**
   * Node's {@code buf.readUIntBE(offset, byteLength)}: 1 to 6 bytes, unsigned.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return the number read
   */
  public long readUIntBE(int offset, int byteLength) {
    checkByteLength(byteLength);
    int p = at(offset, byteLength);
    long v = 0;
    for (int i = 0; i < byteLength; i++) v = (v << 8) | (array[p + i] & 0xFF);
    return v;
  }

  /**
   * Node's {@code buf.readIntLE(offset, byteLength)}: 1 to 6 bytes, two's complement.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return the number read
   */
  public long readIntLE(int offset, int byteLength) {
    long v = readUIntLE(offset, byteLength);
    int shift = 64 - 8 * byteLength;
    return (v << shift) >> shift;
  }

  /**
   * Node's {@code buf.readIntBE(offset, byteLength)}: 1 to 6 bytes, two's complement.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return the number read
   */
  public long readIntBE(int offset, int byteLength) {
    long v = readUIntBE(offset, byteLength);
    int shift = 64 - 8 * byteLength;
    return (v << shift) >> shift;
  }

  /**
   * Node's {@code buf.readBigUInt64LE(offset)}: an unsigned 64-bit value, as Node's BigInt. A
   * {@code BigInteger}, because values from 2^63 up do not fit a {@code long}; {@link
   * #readBigInt64LE(int)} reads the same bits as a {@code long} without allocating.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public BigInteger readBigUInt64LE(int offset) {
    return unsigned(readBigInt64LE(offset));
  }

  /**
   * Node's {@code buf.readBigUInt64BE(offset)}: an unsigned 64-bit value, as Node's BigInt. A
   * {@code BigInteger}, because values from 2^63 up do not fit a {@code long}; {@link
   * #readBigInt64BE(int)} reads the same bits as a {@code long} without allocating.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public BigInteger readBigUInt64BE(int offset) {
    return unsigned(readBigInt64BE(offset));
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v >= 0 ? b : b.add(TWO_64);
  }

  /**
   * Node's {@code buf.readBigInt64LE(offset)}, as a {@code long}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public long readBigInt64LE(int offset) {
    return (long) LONG_LE.get(array, at(offset, 8));
  }

  /**
   * Node's {@code buf.readBigInt64BE(offset)}, as a {@code long}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public long readBigInt64BE(int offset) {
    return (long) LONG_BE.get(array, at(offset, 8));
  }

  /**
   * Node's {@code buf.readFloatLE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public float readFloatLE(int offset) {
    return Float.intBitsToFloat(readInt32LE(offset));
  }

  /**
   * Node's {@code buf.readFloatBE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public float readFloatBE(int offset) {
    return Float.intBitsToFloat(readInt32BE(offset));
  }

  /**
   * Node's {@code buf.readDoubleLE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public double readDoubleLE(int offset) {
    return Double.longBitsToDouble(readBigInt64LE(offset));
  }

  /**
   * Node's {@code buf.readDoubleBE(offset)}.
   *
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return the number read
   */
  public double readDoubleBE(int offset) {
    return Double.longBitsToDouble(readBigInt64BE(offset));
  }

  // ---------------------------------------------------------------- writers

  /**
   * Node's {@code buf.writeUInt8(value, offset)}: 0 to 255.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUInt8(int value, int offset) {
    checkValue(value, 0, 0xFF, 1);
    array[at(offset, 1)] = (byte) value;
    return offset + 1;
  }

  /**
   * Node's {@code buf.writeInt8(value, offset)}: -128 to 127.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeInt8(int value, int offset) {
    checkValue(value, -0x80, 0x7F, 1);
    array[at(offset, 1)] = (byte) value;
    return offset + 1;
  }

  /**
   * Node's {@code buf.writeUInt16LE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUInt16LE(int value, int offset) {
    checkValue(value, 0, 0xFFFF, 2);
    SHORT_LE.set(array, at(offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Node's {@code buf.writeUInt16BE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUInt16BE(int value, int offset) {
    checkValue(value, 0, 0xFFFF, 2);
    SHORT_BE.set(array, at(offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Node's {@code buf.writeInt16LE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeInt16LE(int value, int offset) {
    checkValue(value, -0x8000, 0x7FFF, 2);
    SHORT_LE.set(array, at(offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Node's {@code buf.writeInt16BE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeInt16BE(int value, int offset) {
    checkValue(value, -0x8000, 0x7FFF, 2);
    SHORT_BE.set(array, at(offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Node's {@code buf.writeUInt32LE(value, offset)}: 0 to 4294967295.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUInt32LE(long value, int offset) {
    checkValue(value, 0, 0xFFFFFFFFL, 4);
    INT_LE.set(array, at(offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeUInt32BE(value, offset)}: 0 to 4294967295.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUInt32BE(long value, int offset) {
    checkValue(value, 0, 0xFFFFFFFFL, 4);
    INT_BE.set(array, at(offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeInt32LE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeInt32LE(long value, int offset) {
    checkValue(value, Integer.MIN_VALUE, Integer.MAX_VALUE, 4);
    INT_LE.set(array, at(offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeInt32BE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeInt32BE(long value, int offset) {
    checkValue(value, Integer.MIN_VALUE, Integer.MAX_VALUE, 4);
    INT_BE.set(array, at(offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeUIntLE(value, offset, byteLength)}: 1 to 6 bytes, unsigned.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUIntLE(long value, int offset, int byteLength) {
    checkByteLength(byteLength);
    checkValue(value, 0, (1L << (8 * byteLength)) - 1, byteLength);
    int p = at(offset, byteLength);
    for (int i = 0; i < byteLength; i++) array[p + i] = (byte) (value >>> (8 * i));
    return offset + byteLength;
  }

  /**
   * Node's {@code buf.writeUIntBE(value, offset, byteLength)}: 1 to 6 bytes, unsigned.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return {@code offset} plus the number of bytes written
   */
  public int writeUIntBE(long value, int offset, int byteLength) {
    checkByteLength(byteLength);
    checkValue(value, 0, (1L << (8 * byteLength)) - 1, byteLength);
    int p = at(offset, byteLength);
    for (int i = 0; i < byteLength; i++) {
      array[p + i] = (byte) (value >>> (8 * (byteLength - 1 - i)));
    }
    return offset + byteLength;
  }

  /**
   * Node's {@code buf.writeIntLE(value, offset, byteLength)}: 1 to 6 bytes, signed.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return {@code offset} plus the number of bytes written
   */
  public int writeIntLE(long value, int offset, int byteLength) {
    checkByteLength(byteLength);
    long max = (1L << (8 * byteLength - 1)) - 1;
    checkValue(value, -max - 1, max, byteLength);
    int p = at(offset, byteLength);
    for (int i = 0; i < byteLength; i++) array[p + i] = (byte) (value >>> (8 * i));
    return offset + byteLength;
  }

  /**
   * Node's {@code buf.writeIntBE(value, offset, byteLength)}: 1 to 6 bytes, signed.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @param byteLength how many bytes, 1 to 6
   * @return {@code offset} plus the number of bytes written
   */
  public int writeIntBE(long value, int offset, int byteLength) {
    checkByteLength(byteLength);
    long max = (1L << (8 * byteLength - 1)) - 1;
    checkValue(value, -max - 1, max, byteLength);
    int p = at(offset, byteLength);
    for (int i = 0; i < byteLength; i++) {
      array[p + i] = (byte) (value >>> (8 * (byteLength - 1 - i)));
    }
    return offset + byteLength;
  }

  /**
   * Node's {@code buf.writeBigUInt64LE(value, offset)}: 0 to 2^64 - 1.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigUInt64LE(BigInteger value, int offset) {
    checkUnsigned64(value);
    LONG_LE.set(array, at(offset, 8), value.longValue());
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeBigUInt64BE(value, offset)}: 0 to 2^64 - 1.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigUInt64BE(BigInteger value, int offset) {
    checkUnsigned64(value);
    LONG_BE.set(array, at(offset, 8), value.longValue());
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeBigInt64LE(value, offset)}: -2^63 to 2^63 - 1.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigInt64LE(BigInteger value, int offset) {
    checkSigned64(value);
    LONG_LE.set(array, at(offset, 8), value.longValue());
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeBigInt64BE(value, offset)}: -2^63 to 2^63 - 1.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigInt64BE(BigInteger value, int offset) {
    checkSigned64(value);
    LONG_BE.set(array, at(offset, 8), value.longValue());
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeBigInt64LE(value, offset)} for a {@code long}, always in range.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigInt64LE(long value, int offset) {
    LONG_LE.set(array, at(offset, 8), value);
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeBigInt64BE(value, offset)} for a {@code long}, always in range.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeBigInt64BE(long value, int offset) {
    LONG_BE.set(array, at(offset, 8), value);
    return offset + 8;
  }

  private static void checkUnsigned64(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(TWO_64) >= 0) {
      throw Errors.outOfRange("value", ">= 0n and < 2n ** 64n", value);
    }
  }

  private static void checkSigned64(BigInteger value) {
    if (value.compareTo(MIN_64) < 0 || value.compareTo(MAX_64) > 0) {
      throw Errors.outOfRange("value", ">= -(2n ** 63n) and < 2n ** 63n", value);
    }
  }

  /**
   * Node's {@code buf.writeFloatLE(value, offset)}: rounded to the nearest float.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeFloatLE(double value, int offset) {
    INT_LE.set(array, at(offset, 4), Float.floatToRawIntBits((float) value));
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeFloatBE(value, offset)}: rounded to the nearest float.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeFloatBE(double value, int offset) {
    INT_BE.set(array, at(offset, 4), Float.floatToRawIntBits((float) value));
    return offset + 4;
  }

  /**
   * Node's {@code buf.writeDoubleLE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeDoubleLE(double value, int offset) {
    LONG_LE.set(array, at(offset, 8), Double.doubleToRawLongBits(value));
    return offset + 8;
  }

  /**
   * Node's {@code buf.writeDoubleBE(value, offset)}.
   *
   * @param value the number to write
   * @param offset where the number starts, in bytes from the start of this buffer
   * @return {@code offset} plus the number of bytes written
   */
  public int writeDoubleBE(double value, int offset) {
    LONG_BE.set(array, at(offset, 8), Double.doubleToRawLongBits(value));
    return offset + 8;
  }
}
