package io.jnet.buffer;

/**
 * Buffer's search methods, Node's {@code indexOf}, {@code lastIndexOf} and {@code includes}: the
 * part of {@link Buffer} that finds bytes, kept in its own file.
 *
 * <p>A needle is a byte value (its low 8 bits, so {@code 300} finds {@code 44}), a string in an
 * encoding (UTF-8 by default) or a buffer. {@code byteOffset} counts from the end when negative;
 * past either end it follows Node's rules exactly (an empty needle reports the clamped offset). A
 * utf16le search matches at even byte offsets only, as Node's does.
 *
 * <p>Node 24's {@code end} argument ({@code buf.indexOf(value, byteOffset, end, encoding)}) limits
 * the search to the bytes before {@code end}, clamped to {@code [0, length]}; a match must end by
 * then. The forms without it search to the end of the buffer.
 */
abstract class SearchAccess extends NumberAccess {
  SearchAccess(byte[] array, int offset, int length) {
    super(array, offset, length);
  }

  /**
   * Node's {@code buf.indexOf(value)} for a byte value (its low 8 bits).
   *
   * @param value the byte to find (its low 8 bits)
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(int value) {
    return indexOf(value, 0);
  }

  /**
   * Node's {@code buf.indexOf(value, byteOffset)}; a negative offset counts from the end.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(int value, int byteOffset) {
    return indexOf(value, byteOffset, length);
  }

  /**
   * Node 24's {@code buf.indexOf(value, byteOffset, end)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(int value, int byteOffset, int end) {
    return Search.indexOfByte(array, offset, length, value, byteOffset, end, true);
  }

  /**
   * Node's {@code buf.indexOf(string)}, searching for its UTF-8 bytes.
   *
   * @param value the string to find
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value) {
    return indexOf(value, 0, (String) null);
  }

  /**
   * Node's {@code buf.indexOf(string, encoding)}.
   *
   * @param value the string to find
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value, String encoding) {
    return indexOf(value, 0, encoding);
  }

  /**
   * Node's {@code buf.indexOf(string, byteOffset)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value, int byteOffset) {
    return indexOf(value, byteOffset, (String) null);
  }

  /**
   * Node's {@code buf.indexOf(string, byteOffset, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value, int byteOffset, String encoding) {
    return searchString(value, byteOffset, length, encoding, true);
  }

  /**
   * Node 24's {@code buf.indexOf(string, byteOffset, end)}, searching for its UTF-8 bytes.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value, int byteOffset, int end) {
    return searchString(value, byteOffset, end, null, true);
  }

  /**
   * Node 24's {@code buf.indexOf(string, byteOffset, end, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(String value, int byteOffset, int end, String encoding) {
    return searchString(value, byteOffset, end, encoding, true);
  }

  /**
   * Node's {@code buf.indexOf(buffer)}.
   *
   * @param value the bytes to find
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value) {
    return indexOf(value, 0, null);
  }

  /**
   * Node's {@code buf.indexOf(buffer, encoding)}: the encoding matters only for utf16le.
   *
   * @param value the bytes to find
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value, String encoding) {
    return indexOf(value, 0, encoding);
  }

  /**
   * Node's {@code buf.indexOf(buffer, byteOffset)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value, int byteOffset) {
    return indexOf(value, byteOffset, null);
  }

  /**
   * Node's {@code buf.indexOf(buffer, byteOffset, encoding)}: the encoding matters only for
   * utf16le, which matches at even offsets only; an unknown name is ignored, as in Node.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value, int byteOffset, String encoding) {
    return searchBuffer(value, byteOffset, length, encoding, true);
  }

  /**
   * Node 24's {@code buf.indexOf(buffer, byteOffset, end)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value, int byteOffset, int end) {
    return searchBuffer(value, byteOffset, end, null, true);
  }

  /**
   * Node 24's {@code buf.indexOf(buffer, byteOffset, end, encoding)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the first occurrence, or -1 if there is none
   */
  public int indexOf(Buffer value, int byteOffset, int end, String encoding) {
    return searchBuffer(value, byteOffset, end, encoding, true);
  }

  /**
   * Node's {@code buf.lastIndexOf(value)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(int value) {
    return lastIndexOf(value, length);
  }

  /**
   * Node's {@code buf.lastIndexOf(value, byteOffset)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(int value, int byteOffset) {
    return lastIndexOf(value, byteOffset, length);
  }

  /**
   * Node 24's {@code buf.lastIndexOf(value, byteOffset, end)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(int value, int byteOffset, int end) {
    return Search.indexOfByte(array, offset, length, value, byteOffset, end, false);
  }

  /**
   * Node's {@code buf.lastIndexOf(string)}.
   *
   * @param value the string to find
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value) {
    return lastIndexOf(value, length, (String) null);
  }

  /**
   * Node's {@code buf.lastIndexOf(string, encoding)}.
   *
   * @param value the string to find
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value, String encoding) {
    return lastIndexOf(value, length, encoding);
  }

  /**
   * Node's {@code buf.lastIndexOf(string, byteOffset)}.
   *
   * @param value the string to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value, int byteOffset) {
    return lastIndexOf(value, byteOffset, (String) null);
  }

  /**
   * Node's {@code buf.lastIndexOf(string, byteOffset, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value, int byteOffset, String encoding) {
    return searchString(value, byteOffset, length, encoding, false);
  }

  /**
   * Node 24's {@code buf.lastIndexOf(string, byteOffset, end)}.
   *
   * @param value the string to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value, int byteOffset, int end) {
    return searchString(value, byteOffset, end, null, false);
  }

  /**
   * Node 24's {@code buf.lastIndexOf(string, byteOffset, end, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(String value, int byteOffset, int end, String encoding) {
    return searchString(value, byteOffset, end, encoding, false);
  }

  /**
   * Node's {@code buf.lastIndexOf(buffer)}.
   *
   * @param value the bytes to find
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value) {
    return lastIndexOf(value, length, null);
  }

  /**
   * Node's {@code buf.lastIndexOf(buffer, encoding)}.
   *
   * @param value the bytes to find
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value, String encoding) {
    return lastIndexOf(value, length, encoding);
  }

  /**
   * Node's {@code buf.lastIndexOf(buffer, byteOffset)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value, int byteOffset) {
    return lastIndexOf(value, byteOffset, null);
  }

  /**
   * Node's {@code buf.lastIndexOf(buffer, byteOffset, encoding)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value, int byteOffset, String encoding) {
    return searchBuffer(value, byteOffset, length, encoding, false);
  }

  /**
   * Node 24's {@code buf.lastIndexOf(buffer, byteOffset, end)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value, int byteOffset, int end) {
    return searchBuffer(value, byteOffset, end, null, false);
  }

  /**
   * Node 24's {@code buf.lastIndexOf(buffer, byteOffset, end, encoding)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the backward search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return the index of the last occurrence, or -1 if there is none
   */
  public int lastIndexOf(Buffer value, int byteOffset, int end, String encoding) {
    return searchBuffer(value, byteOffset, end, encoding, false);
  }

  /**
   * Node's {@code buf.includes(value)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(int value) {
    return indexOf(value) != -1;
  }

  /**
   * Node's {@code buf.includes(value, byteOffset)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(int value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /**
   * Node's {@code buf.includes(string)}.
   *
   * @param value the string to find
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value) {
    return indexOf(value) != -1;
  }

  /**
   * Node's {@code buf.includes(string, encoding)}.
   *
   * @param value the string to find
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value, String encoding) {
    return indexOf(value, encoding) != -1;
  }

  /**
   * Node's {@code buf.includes(string, byteOffset)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /**
   * Node's {@code buf.includes(string, byteOffset, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value, int byteOffset, String encoding) {
    return indexOf(value, byteOffset, encoding) != -1;
  }

  /**
   * Node's {@code buf.includes(buffer)}.
   *
   * @param value the bytes to find
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value) {
    return indexOf(value) != -1;
  }

  /**
   * Node's {@code buf.includes(buffer, encoding)}.
   *
   * @param value the bytes to find
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value, String encoding) {
    return indexOf(value, 0, encoding) != -1;
  }

  /**
   * Node's {@code buf.includes(buffer, byteOffset)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /**
   * Node's {@code buf.includes(buffer, byteOffset, encoding)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value, int byteOffset, String encoding) {
    return indexOf(value, byteOffset, encoding) != -1;
  }

  /**
   * Node 24's {@code buf.includes(value, byteOffset, end)} for a byte value.
   *
   * @param value the byte to find (its low 8 bits)
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(int value, int byteOffset, int end) {
    return indexOf(value, byteOffset, end) != -1;
  }

  /**
   * Node 24's {@code buf.includes(string, byteOffset, end)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value, int byteOffset, int end) {
    return indexOf(value, byteOffset, end) != -1;
  }

  /**
   * Node 24's {@code buf.includes(string, byteOffset, end, encoding)}.
   *
   * @param value the string to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding of {@code value}'s text; {@code null} or empty means UTF-8
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(String value, int byteOffset, int end, String encoding) {
    return indexOf(value, byteOffset, end, encoding) != -1;
  }

  /**
   * Node 24's {@code buf.includes(buffer, byteOffset, end)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value, int byteOffset, int end) {
    return indexOf(value, byteOffset, end) != -1;
  }

  /**
   * Node 24's {@code buf.includes(buffer, byteOffset, end, encoding)}.
   *
   * @param value the bytes to find
   * @param byteOffset where the search starts; a negative value counts from the end
   * @param end the index before which a match must end
   * @param encoding the encoding's Node name; only utf16le changes the search (even offsets only)
   * @return whether {@code value} occurs in the searched range
   */
  public boolean includes(Buffer value, int byteOffset, int end, String encoding) {
    return indexOf(value, byteOffset, end, encoding) != -1;
  }

  private int searchString(
      String value, int byteOffset, int end, String encoding, boolean forward) {
    if (value == null) throw nullNeedle();
    Encoding e = encoding == null ? Encoding.UTF8 : Encoding.of(encoding);
    byte[] needle;
    if (e == Encoding.UTF8) {
      // V8 writes the needle's lone surrogates as themselves (ED A0 80), not as U+FFFD.
      needle = new byte[Utf8.length(value)];
      Utf8.write(value, needle, 0, needle.length, true);
    } else {
      needle = Codecs.encode(value, e);
    }
    boolean units = e == Encoding.UTF16LE;
    int hayLength = units ? length & ~1 : length;
    return Search.indexOf(
        array, offset, hayLength, needle, 0, needle.length, byteOffset, end, units, forward);
  }

  private int searchBuffer(
      Buffer value, int byteOffset, int end, String encoding, boolean forward) {
    if (value == null) throw nullNeedle();
    boolean units = Encoding.isEncoding(encoding) && Encoding.of(encoding) == Encoding.UTF16LE;
    return Search.indexOf(
        array,
        offset,
        length,
        value.array,
        value.offset,
        value.length,
        byteOffset,
        end,
        units,
        forward);
  }

  private static io.jnet.error.JnetException nullNeedle() {
    return Errors.invalidArgType(
        "The \"value\" argument must be one of type number or string or an instance of Buffer or"
            + " Uint8Array. Received null");
  }
}
