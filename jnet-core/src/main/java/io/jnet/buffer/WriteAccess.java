package io.jnet.buffer;

import java.util.Arrays;

/**
 * Buffer's methods that write bytes, Node's {@code copy}, {@code fill}, {@code write} and {@code
 * swap16/32/64}: the part of {@link Buffer} that changes its contents, kept in its own file.
 *
 * <p>They check their offsets first, with Node's errors; a string is encoded as {@link Buffer}'s
 * class documentation says, and a bounded write never writes part of a character.
 */
abstract class WriteAccess extends SearchAccess {
  WriteAccess(byte[] array, int offset, int length) {
    super(array, offset, length);
  }

  private Buffer self() {
    return (Buffer) this;
  }

  /**
   * Node's {@code buf.copy(target)}: copies as many bytes as fit; returns how many.
   *
   * @param target the buffer to copy into
   * @return the number of bytes copied
   */
  public int copy(Buffer target) {
    return copy(target, 0, 0, length);
  }

  /**
   * Node's {@code buf.copy(target, targetStart)}.
   *
   * @param target the buffer to copy into
   * @param targetStart the first index of {@code target} to use
   * @return the number of bytes copied
   */
  public int copy(Buffer target, int targetStart) {
    return copy(target, targetStart, 0, length);
  }

  /**
   * Node's {@code buf.copy(target, targetStart, sourceStart)}.
   *
   * @param target the buffer to copy into
   * @param targetStart the first index of {@code target} to use
   * @param sourceStart the first index of this buffer to use
   * @return the number of bytes copied
   */
  public int copy(Buffer target, int targetStart, int sourceStart) {
    return copy(target, targetStart, sourceStart, length);
  }

  /**
   * Node's {@code buf.copy(target, targetStart, sourceStart, sourceEnd)}: copies {@code
   * this[sourceStart, sourceEnd)} to {@code target} at {@code targetStart}, as much as fits, and
   * returns the bytes copied. Overlapping views of one array copy correctly.
   *
   * @param target the buffer to copy into
   * @param targetStart the first index of {@code target} to use
   * @param sourceStart the first index of this buffer to use
   * @param sourceEnd the end index of this buffer, exclusive
   * @return the number of bytes copied
   */
  public int copy(Buffer target, int targetStart, int sourceStart, int sourceEnd) {
    if (target == null) throw Errors.invalidArgTypeNull("target", "Buffer or Uint8Array");
    if (targetStart < 0) throw Errors.outOfRange("targetStart", ">= 0", targetStart);
    if (sourceStart < 0 || sourceStart > length) {
      throw Errors.outOfRange("sourceStart", ">= 0 && <= " + length, sourceStart);
    }
    if (sourceEnd < 0) throw Errors.outOfRange("sourceEnd", ">= 0", sourceEnd);
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    int n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    n = Math.min(n, length - sourceStart);
    System.arraycopy(array, offset + sourceStart, target.array, target.offset + targetStart, n);
    return n;
  }

  /**
   * Node's {@code buf.fill(value)}: every byte becomes {@code value & 255}; returns this.
   *
   * @param value the byte to fill with (its low 8 bits)
   * @return this buffer
   */
  public Buffer fill(int value) {
    Arrays.fill(array, offset, end(), (byte) value);
    return self();
  }

  /**
   * Node's {@code buf.fill(value, offset)}.
   *
   * @param value the byte to fill with (its low 8 bits)
   * @param offset the first index to fill or write
   * @return this buffer
   */
  public Buffer fill(int value, int offset) {
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    if (offset < length) Arrays.fill(array, this.offset + offset, end(), (byte) value);
    return self();
  }

  /**
   * Node's {@code buf.fill(value, offset, end)}.
   *
   * @param value the byte to fill with (its low 8 bits)
   * @param offset the first index to fill or write
   * @param end the end index, exclusive
   * @return this buffer
   */
  public Buffer fill(int value, int offset, int end) {
    if (!fillRange(offset, end)) return self();
    Arrays.fill(array, this.offset + offset, this.offset + end, (byte) value);
    return self();
  }

  /**
   * Node's {@code buf.fill(string)}: the UTF-8 bytes of {@code value}, repeated.
   *
   * @param value the string whose encoded bytes are repeated
   * @return this buffer
   */
  public Buffer fill(String value) {
    return fill(value, 0, length, Encoding.UTF8);
  }

  /**
   * Node's {@code buf.fill(string, encoding)}.
   *
   * @param value the string whose encoded bytes are repeated
   * @param encoding the encoding of {@code value}; {@code null} or empty means UTF-8
   * @return this buffer
   */
  public Buffer fill(String value, String encoding) {
    return fill(value, 0, length, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.fill(string, offset)}.
   *
   * @param value the string whose encoded bytes are repeated
   * @param offset the first index to fill or write
   * @return this buffer
   */
  public Buffer fill(String value, int offset) {
    return fill(value, offset, (String) null);
  }

  /**
   * Node's {@code buf.fill(string, offset, encoding)}.
   *
   * @param value the string whose encoded bytes are repeated
   * @param offset the first index to fill or write
   * @param encoding the encoding of {@code value}; {@code null} or empty means UTF-8
   * @return this buffer
   */
  public Buffer fill(String value, int offset, String encoding) {
    Encoding e = Encodings.orUtf8(encoding);
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    if (offset >= length) return self();
    return fill(value, offset, length, e);
  }

  /**
   * Node's {@code buf.fill(string, offset, end)}.
   *
   * @param value the string whose encoded bytes are repeated
   * @param offset the first index to fill or write
   * @param end the end index, exclusive
   * @return this buffer
   */
  public Buffer fill(String value, int offset, int end) {
    return fill(value, offset, end, Encoding.UTF8);
  }

  /**
   * Node's {@code buf.fill(string, offset, end, encoding)}.
   *
   * @param value the string whose encoded bytes are repeated
   * @param offset the first index to fill or write
   * @param end the end index, exclusive
   * @param encoding the encoding of {@code value}; {@code null} or empty means UTF-8
   * @return this buffer
   */
  public Buffer fill(String value, int offset, int end, String encoding) {
    return fill(value, offset, end, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.fill(string, offset, end, encoding)}: the encoded bytes of {@code value}
   * repeated over {@code [offset, end)}, the last copy cut short; "" (or null, which Node reads as
   * 0) fills with zeros. Throws {@code ERR_INVALID_ARG_VALUE} when {@code value} encodes to no
   * bytes (as {@code 'zz'} in hex).
   *
   * @param value the string whose encoded bytes are repeated
   * @param offset the first index to fill or write
   * @param end the end index, exclusive
   * @param encoding the encoding
   * @return this buffer
   */
  public Buffer fill(String value, int offset, int end, Encoding encoding) {
    Encoding e = encoding == null ? Encoding.UTF8 : encoding;
    if (!fillRange(offset, end)) return self();
    if (value == null || value.isEmpty()) return fill(0, offset, end);
    if (value.length() == 1) {
      char c = value.charAt(0);
      if ((e == Encoding.UTF8 && c < 0x80) || e == Encoding.LATIN1) return fill(c, offset, end);
    }
    int span = end - offset;
    byte[] pattern;
    if (e == Encoding.UTF8 || e == Encoding.UTF16LE) {
      pattern = Codecs.encode(value, e);
    } else {
      pattern = new byte[Math.min(span, Codecs.byteLength(value, e))];
      pattern = Arrays.copyOf(pattern, Codecs.write(value, e, pattern, 0, pattern.length));
    }
    if (pattern.length == 0) throw Errors.invalidArgValue("value", Encodings.inspect(value));
    repeat(pattern, 0, pattern.length, offset, end);
    return self();
  }

  /**
   * Node's {@code buf.fill(buffer)}: {@code value}'s bytes repeated.
   *
   * @param value the bytes to repeat
   * @return this buffer
   */
  public Buffer fill(Buffer value) {
    return fill(value, 0, length);
  }

  /**
   * Node's {@code buf.fill(buffer, offset)}.
   *
   * @param value the bytes to repeat
   * @param offset the first index to fill or write
   * @return this buffer
   */
  public Buffer fill(Buffer value, int offset) {
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    return offset >= length ? self() : fill(value, offset, length);
  }

  /**
   * Node's {@code buf.fill(buffer, offset, end)}.
   *
   * @param value the bytes to repeat
   * @param offset the first index to fill or write
   * @param end the end index, exclusive
   * @return this buffer
   */
  public Buffer fill(Buffer value, int offset, int end) {
    if (!fillRange(offset, end)) return self();
    if (value == null) return fill(0, offset, end);
    if (value.length == 0) throw Errors.invalidArgValue("value", value.inspect());
    byte[] copy = value.toByteArray(); // value may overlap this
    repeat(copy, 0, copy.length, offset, end);
    return self();
  }

  private boolean fillRange(int offset, int end) {
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    Errors.checkOffset(end, "end", 0, length);
    return offset < end;
  }

  private void repeat(byte[] pattern, int poff, int plen, int from, int to) {
    int first = Math.min(plen, to - from);
    System.arraycopy(pattern, poff, array, offset + from, first);
    for (int done = first; done < to - from; ) {
      int n = Math.min(done, to - from - done);
      System.arraycopy(array, offset + from, array, offset + from + done, n);
      done += n;
    }
  }

  /**
   * Node's {@code buf.write(string)}: UTF-8 from offset 0; returns the bytes written.
   *
   * @param s the string to write
   * @return the number of bytes written
   */
  public int write(String s) {
    return write(s, 0, length, Encoding.UTF8);
  }

  /**
   * Node's {@code buf.write(string, encoding)}; a null or empty name means UTF-8.
   *
   * @param s the string to write
   * @param encoding the encoding of {@code s}; {@code null} or empty means UTF-8
   * @return the number of bytes written
   */
  public int write(String s, String encoding) {
    return write(s, 0, length, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.write(string, offset)}.
   *
   * @param s the string to write
   * @param offset the first index to fill or write
   * @return the number of bytes written
   */
  public int write(String s, int offset) {
    return write(s, offset, (String) null);
  }

  /**
   * Node's {@code buf.write(string, offset, encoding)}.
   *
   * @param s the string to write
   * @param offset the first index to fill or write
   * @param encoding the encoding of {@code s}; {@code null} or empty means UTF-8
   * @return the number of bytes written
   */
  public int write(String s, int offset, String encoding) {
    Errors.checkOffset(offset, "offset", 0, length);
    return write(s, offset, length - offset, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.write(string, offset, length)}.
   *
   * @param s the string to write
   * @param offset the first index to fill or write
   * @param length the most bytes to write
   * @return the number of bytes written
   */
  public int write(String s, int offset, int length) {
    return write(s, offset, length, (String) null);
  }

  /**
   * Node's {@code buf.write(string, offset, length, encoding)}.
   *
   * @param s the string to write
   * @param offset the first index to fill or write
   * @param length the most bytes to write
   * @param encoding the encoding of {@code s}; {@code null} or empty means UTF-8
   * @return the number of bytes written
   */
  public int write(String s, int offset, int length, String encoding) {
    Errors.checkOffset(offset, "offset", 0, this.length);
    Errors.checkOffset(length, "length", 0, this.length);
    return write(s, offset, length, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.write(string, offset, length, encoding)}: writes at most {@code length} bytes
   * at {@code offset}, never part of a character (a utf8 sequence, a utf16le unit, a hex pair), and
   * returns the bytes written.
   *
   * @param s the string to write
   * @param offset the first index to fill or write
   * @param length the most bytes to write
   * @param encoding the encoding
   * @return the number of bytes written
   */
  public int write(String s, int offset, int length, Encoding encoding) {
    if (s == null) throw Errors.invalidArgType("argument must be a string");
    Errors.checkOffset(offset, "offset", 0, this.length);
    Errors.checkOffset(length, "length", 0, this.length);
    int cap = Math.min(length, this.length - offset);
    Encoding e = encoding == null ? Encoding.UTF8 : encoding;
    return Codecs.write(s, e, array, this.offset + offset, cap);
  }

  /**
   * Node's {@code buf.swap16()}: swaps the bytes of each 16-bit unit in place; returns this.
   *
   * @return this buffer
   * @throws io.jnet.error.JnetException {@code ERR_INVALID_BUFFER_SIZE} unless the length is even
   */
  public Buffer swap16() {
    return swap(2);
  }

  /**
   * Node's {@code buf.swap32()}: reverses each 4-byte group in place; returns this.
   *
   * @return this buffer
   */
  public Buffer swap32() {
    return swap(4);
  }

  /**
   * Node's {@code buf.swap64()}: reverses each 8-byte group in place; returns this.
   *
   * @return this buffer
   */
  public Buffer swap64() {
    return swap(8);
  }

  private Buffer swap(int n) {
    if (length % n != 0) {
      throw io.jnet.error.JnetException.rangeError(
          "ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of " + (8 * n) + "-bits");
    }
    for (int g = offset; g < offset + length; g += n) {
      for (int i = 0, j = n - 1; i < j; i++, j--) {
        byte t = array[g + i];
        array[g + i] = array[g + j];
        array[g + j] = t;
      }
    }
    return self();
  }
}
