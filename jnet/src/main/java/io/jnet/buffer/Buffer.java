package io.jnet.buffer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fixed-length view over bytes: Node's {@code Buffer}, with its factories, encodings, search,
 * copy, fill and the integer and float readers and writers.
 *
 * <h2>Views share memory</h2>
 *
 * <p>A buffer is a window {@code [arrayOffset(), arrayOffset() + length())} onto a heap {@code
 * byte[]}. {@link #subarray} and {@link #slice} make new windows onto the same bytes, as in Node;
 * {@link #from(byte[])} and {@link #from(Buffer)} copy, as in Node; {@link #wrap(byte[])} (a jnet
 * extra) adopts an array without copying. {@link #asByteBuffer()}, {@link #array()} and {@link
 * #arrayOffset()} hand the same bytes to {@code java.nio} and to the transport without a copy.
 *
 * <h2>Encodings</h2>
 *
 * <p>Strings go in and out through {@link Encoding}, decoded and encoded exactly as Node does,
 * invalid input included (replacement characters for malformed UTF-8, lenient base64, hex that
 * stops at the first bad pair). A method taking an encoding name accepts Node's spellings and
 * throws {@code ERR_UNKNOWN_ENCODING} for others; a null name means UTF-8, as an omitted one does.
 *
 * <h2>Errors</h2>
 *
 * <p>Bad offsets and values throw {@link io.jnet.error.JnetException} with Node 20's codes and
 * messages: {@code ERR_OUT_OF_RANGE}, {@code ERR_BUFFER_OUT_OF_BOUNDS}, {@code
 * ERR_INVALID_ARG_VALUE}. Where Node accepts any JavaScript number, jnet takes an {@code int} or a
 * {@code long}, so Node's "must be an integer" errors cannot arise.
 *
 * <p>A buffer is not thread-safe, like the array it views: whoever holds it may read and write its
 * bytes; share it across threads only with a happens-before edge (as the event loop provides).
 */
public final class Buffer extends NumberAccess implements Comparable<Buffer> {
  /** Node 20's {@code buffer.constants.MAX_LENGTH}, shown in its size errors. */
  static final long K_MAX_LENGTH = 1L << 32;

  /** Node's {@code buffer.INSPECT_MAX_BYTES}: how many bytes {@link #inspect()} shows. */
  public static final int INSPECT_MAX_BYTES = 50;

  private static final byte[] EMPTY = new byte[0];

  Buffer(byte[] array, int offset, int length) {
    super(array, offset, length);
  }

  // ---------------------------------------------------------------- factories

  /** Node's {@code Buffer.alloc(size)}: {@code size} zero bytes. */
  public static Buffer alloc(int size) {
    checkSize(size);
    return new Buffer(size == 0 ? EMPTY : new byte[size], 0, size);
  }

  /** Node's {@code Buffer.alloc(size, fill)}: every byte is {@code fill & 255}. */
  public static Buffer alloc(int size, int fill) {
    return alloc(size).fill(fill);
  }

  /** Node's {@code Buffer.alloc(size, fill)} with a string fill, encoded as UTF-8. */
  public static Buffer alloc(int size, String fill) {
    return alloc(size, fill, (String) null);
  }

  /**
   * Node's {@code Buffer.alloc(size, fill, encoding)}: {@code fill} repeated to fill the buffer.
   */
  public static Buffer alloc(int size, String fill, String encoding) {
    Encoding e = Encodings.orUtf8(encoding);
    Buffer b = alloc(size);
    return size == 0 ? b : b.fill(fill, 0, size, e);
  }

  /** Node's {@code Buffer.alloc(size, fill)} with a buffer fill, repeated. */
  public static Buffer alloc(int size, Buffer fill) {
    Buffer b = alloc(size);
    return size == 0 ? b : b.fill(fill);
  }

  /**
   * Node's {@code Buffer.allocUnsafe(size)}. jnet zero-fills it anyway: the JVM gives no
   * uninitialised memory, so the only difference from {@link #alloc(int)} is the name.
   */
  public static Buffer allocUnsafe(int size) {
    return alloc(size);
  }

  /** Node's {@code Buffer.from(string)}: the UTF-8 bytes of {@code s}. */
  public static Buffer from(String s) {
    return from(s, Encoding.UTF8);
  }

  /** Node's {@code Buffer.from(string, encoding)}; an empty or null name means UTF-8. */
  public static Buffer from(String s, String encoding) {
    return from(s, Encodings.orUtf8(encoding));
  }

  /** Node's {@code Buffer.from(string, encoding)}. */
  public static Buffer from(String s, Encoding encoding) {
    if (s == null) throw Errors.invalidArgTypeNull("string", "string");
    byte[] bytes = Codecs.encode(s, encoding == null ? Encoding.UTF8 : encoding);
    return new Buffer(bytes, 0, bytes.length);
  }

  /** Node's {@code Buffer.from(array)}: a copy of {@code bytes}. */
  public static Buffer from(byte[] bytes) {
    return from(bytes, 0, bytes.length);
  }

  /** A copy of {@code bytes[offset, offset + length)}. */
  public static Buffer from(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Buffer(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
  }

  /** Node's {@code Buffer.from(buffer)}: a copy of {@code other}'s bytes. */
  public static Buffer from(Buffer other) {
    return new Buffer(other.toByteArray(), 0, other.length);
  }

  /** A copy of {@code src}'s remaining bytes; {@code src}'s position is unchanged. */
  public static Buffer from(ByteBuffer src) {
    byte[] bytes = new byte[src.remaining()];
    src.duplicate().get(bytes);
    return new Buffer(bytes, 0, bytes.length);
  }

  /** A buffer over {@code bytes} itself, without a copy (a jnet extra). */
  public static Buffer wrap(byte[] bytes) {
    return new Buffer(bytes, 0, bytes.length);
  }

  /** A buffer over {@code bytes[offset, offset + length)} itself, without a copy (a jnet extra). */
  public static Buffer wrap(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Buffer(bytes, offset, length);
  }

  /** Node's {@code Buffer.concat(list)}: the buffers' bytes one after another, in a new buffer. */
  public static Buffer concat(List<Buffer> list) {
    if (list == null) throw Errors.invalidArgTypeNull("list", "Array");
    long total = 0;
    for (int i = 0; i < list.size(); i++) total += element(list, i).length;
    return concat(list, (int) Math.min(total, Integer.MAX_VALUE));
  }

  /**
   * Node's {@code Buffer.concat(list, totalLength)}: the first {@code totalLength} bytes of the
   * buffers, zero-padded when they hold fewer; an empty list gives an empty buffer.
   */
  public static Buffer concat(List<Buffer> list, int totalLength) {
    if (list == null) throw Errors.invalidArgTypeNull("list", "Array");
    if (list.isEmpty()) return alloc(0); // before the length check, as in Node
    Errors.checkOffset(totalLength, "length", 0, K_MAX_LENGTH);
    Buffer out = alloc(totalLength);
    int pos = 0;
    for (int i = 0; i < list.size(); i++) {
      Buffer b = element(list, i);
      int n = Math.min(b.length, totalLength - pos);
      System.arraycopy(b.array, b.offset, out.array, pos, n);
      pos += n;
    }
    return out;
  }

  private static Buffer element(List<Buffer> list, int i) {
    Buffer b = list.get(i);
    if (b == null) throw Errors.invalidArgTypeNull("list[" + i + "]", "Buffer or Uint8Array");
    return b;
  }

  /** Node's {@code Buffer.byteLength(string)}: the length of {@code s} in UTF-8. */
  public static int byteLength(String s) {
    return Utf8.length(s);
  }

  /**
   * Node's {@code Buffer.byteLength(string, encoding)}: exact for utf8, utf16le, latin1 and ascii,
   * Node's upper estimate for hex and base64. An unknown name counts UTF-8, as Node does.
   */
  public static int byteLength(String s, String encoding) {
    Encoding e = Encoding.isEncoding(encoding) ? Encoding.of(encoding) : Encoding.UTF8;
    return Codecs.byteLength(s, e);
  }

  /** Node's {@code Buffer.byteLength(string, encoding)}. */
  public static int byteLength(String s, Encoding encoding) {
    return Codecs.byteLength(s, encoding == null ? Encoding.UTF8 : encoding);
  }

  /** Node's {@code Buffer.compare(a, b)}: -1, 0 or 1, comparing bytes as unsigned. */
  public static int compare(Buffer a, Buffer b) {
    int c = Arrays.compareUnsigned(a.array, a.offset, a.end(), b.array, b.offset, b.end());
    return Integer.signum(c);
  }

  /** Node's {@code Buffer.isEncoding(name)}. */
  public static boolean isEncoding(String name) {
    return Encoding.isEncoding(name);
  }

  private static void checkSize(int size) {
    if (size < 0) throw Errors.outOfRange("size", ">= 0 && <= " + K_MAX_LENGTH, size);
  }

  // ---------------------------------------------------------------- the view

  /** Node's {@code buf.length}: how many bytes this view holds. */
  public int length() {
    return length;
  }

  int end() {
    return offset + length;
  }

  /** Node's {@code buf.subarray(start)}: the bytes from {@code start}, sharing memory. */
  public Buffer subarray(int start) {
    return subarray(start, length);
  }

  /**
   * Node's {@code buf.subarray(start, end)}: a view sharing memory. A negative index counts from
   * the end; indexes are clamped to {@code [0, length]}, and {@code end < start} gives an empty
   * view.
   */
  public Buffer subarray(int start, int end) {
    int s = relative(start);
    int e = relative(end);
    return new Buffer(array, offset + s, Math.max(e - s, 0));
  }

  private int relative(int index) {
    if (index < 0) return Math.max(length + index, 0);
    return Math.min(index, length);
  }

  /** Node's {@code buf.slice(start)}: the same as {@link #subarray(int)}, sharing memory. */
  public Buffer slice(int start) {
    return subarray(start);
  }

  /** Node's {@code buf.slice(start, end)}: the same as {@link #subarray(int, int)}. */
  public Buffer slice(int start, int end) {
    return subarray(start, end);
  }

  /** Node's {@code buf.slice()}: a view of all the bytes, sharing memory. */
  public Buffer slice() {
    return subarray(0, length);
  }

  /** Node's {@code buf[index]}: the byte at {@code index} as 0..255 (a jnet extra). */
  public int get(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index] & 0xFF;
  }

  /** Node's {@code buf[index] = value}: stores {@code value & 255} (a jnet extra). */
  public void set(int index, int value) {
    Objects.checkIndex(index, length);
    array[offset + index] = (byte) value;
  }

  /** A {@code ByteBuffer} over exactly these bytes, without a copy; position 0, big-endian. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice();
  }

  /**
   * The backing array, shared (a jnet extra for zero-copy hand-off); see {@link #arrayOffset()}.
   */
  public byte[] array() {
    return array;
  }

  /** Where this view starts in {@link #array()}. */
  public int arrayOffset() {
    return offset;
  }

  /** A copy of these bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  // ---------------------------------------------------------------- strings

  /** Node's {@code buf.toString()}: the bytes decoded as UTF-8. */
  @Override
  public String toString() {
    return Utf8.decode(array, offset, length);
  }

  /** Node's {@code buf.toString(encoding)}; a null name means UTF-8. */
  public String toString(String encoding) {
    return toString(encoding, 0, length);
  }

  /** Node's {@code buf.toString(encoding)}. */
  public String toString(Encoding encoding) {
    return toString(encoding, 0, length);
  }

  /**
   * Node's {@code buf.toString(encoding, start, end)}: {@code start} below 0 counts as 0, {@code
   * end} past the length as the length, and an empty range gives "" without looking at the name.
   */
  public String toString(String encoding, int start, int end) {
    int s = Math.max(start, 0);
    int e = Math.min(end, length);
    if (s >= length || e <= s) return "";
    Encoding enc = encoding == null ? Encoding.UTF8 : Encoding.of(encoding);
    return Codecs.decode(array, offset + s, e - s, enc);
  }

  /** Node's {@code buf.toString(encoding, start, end)}. */
  public String toString(Encoding encoding, int start, int end) {
    int s = Math.max(start, 0);
    int e = Math.min(end, length);
    if (s >= length || e <= s) return "";
    return Codecs.decode(array, offset + s, e - s, encoding == null ? Encoding.UTF8 : encoding);
  }

  /** Node's {@code util.inspect(buf)}: {@code <Buffer 68 69>}, the first 50 bytes at most. */
  public String inspect() {
    StringBuilder sb = new StringBuilder("<Buffer");
    int shown = Math.min(length, INSPECT_MAX_BYTES);
    String hex = Hex.encode(array, offset, shown);
    for (int i = 0; i < shown; i++) sb.append(' ').append(hex, 2 * i, 2 * i + 2);
    if (length == 0) sb.append(' ');
    int more = length - shown;
    if (more > 0) sb.append(" ... ").append(more).append(more == 1 ? " more byte" : " more bytes");
    return sb.append('>').toString();
  }

  /** Node's {@code buf.toJSON()}: {@code {"type":"Buffer","data":[1,2,3]}}. */
  public String toJSON() {
    StringBuilder sb = new StringBuilder("{\"type\":\"Buffer\",\"data\":[");
    for (int i = 0; i < length; i++) {
      if (i > 0) sb.append(',');
      sb.append(array[offset + i] & 0xFF);
    }
    return sb.append("]}").toString();
  }

  // ---------------------------------------------------------------- comparison

  /** Content equality, as Node's {@code buf.equals(other)}. */
  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Buffer)) return false;
    Buffer b = (Buffer) o;
    return Arrays.equals(array, offset, end(), b.array, b.offset, b.end());
  }

  /** A hash of the content, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) h = 31 * h + array[i];
    return h;
  }

  /** Node's {@code buf.compare(target)}: -1, 0 or 1. */
  @Override
  public int compareTo(Buffer target) {
    return compare(this, target);
  }

  /** Node's {@code buf.compare(target)}: -1, 0 or 1. */
  public int compare(Buffer target) {
    return compare(this, target);
  }

  /**
   * Node's {@code buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)}: compares
   * {@code this[sourceStart, sourceEnd)} with {@code target[targetStart, targetEnd)}.
   */
  public int compare(
      Buffer target, int targetStart, int targetEnd, int sourceStart, int sourceEnd) {
    Errors.checkOffset(targetStart, "targetStart", 0, K_MAX_LENGTH);
    Errors.checkOffset(targetEnd, "targetEnd", 0, target.length);
    Errors.checkOffset(sourceStart, "sourceStart", 0, K_MAX_LENGTH);
    Errors.checkOffset(sourceEnd, "sourceEnd", 0, length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    int c =
        Arrays.compareUnsigned(
            array,
            offset + sourceStart,
            offset + sourceEnd,
            target.array,
            target.offset + targetStart,
            target.offset + targetEnd);
    return Integer.signum(c);
  }

  /** {@link #compare(Buffer, int, int, int, int)} with the source's whole range. */
  public int compare(Buffer target, int targetStart, int targetEnd) {
    return compare(target, targetStart, targetEnd, 0, length);
  }

  // ---------------------------------------------------------------- search

  /** Node's {@code buf.indexOf(value)} for a byte value (its low 8 bits). */
  public int indexOf(int value) {
    return indexOf(value, 0);
  }

  /** Node's {@code buf.indexOf(value, byteOffset)}; a negative offset counts from the end. */
  public int indexOf(int value, int byteOffset) {
    return Search.indexOfByte(array, offset, length, value, byteOffset, true);
  }

  /** Node's {@code buf.indexOf(string)}, searching for its UTF-8 bytes. */
  public int indexOf(String value) {
    return indexOf(value, 0, (String) null);
  }

  /** Node's {@code buf.indexOf(string, encoding)}. */
  public int indexOf(String value, String encoding) {
    return indexOf(value, 0, encoding);
  }

  /** Node's {@code buf.indexOf(string, byteOffset)}. */
  public int indexOf(String value, int byteOffset) {
    return indexOf(value, byteOffset, (String) null);
  }

  /** Node's {@code buf.indexOf(string, byteOffset, encoding)}. */
  public int indexOf(String value, int byteOffset, String encoding) {
    return searchString(value, byteOffset, encoding, true);
  }

  /** Node's {@code buf.indexOf(buffer)}. */
  public int indexOf(Buffer value) {
    return indexOf(value, 0, null);
  }

  /** Node's {@code buf.indexOf(buffer, byteOffset)}. */
  public int indexOf(Buffer value, int byteOffset) {
    return indexOf(value, byteOffset, null);
  }

  /**
   * Node's {@code buf.indexOf(buffer, byteOffset, encoding)}: the encoding matters only for
   * utf16le, which matches at even offsets only; an unknown name is ignored, as in Node.
   */
  public int indexOf(Buffer value, int byteOffset, String encoding) {
    return searchBuffer(value, byteOffset, encoding, true);
  }

  /** Node's {@code buf.lastIndexOf(value)} for a byte value. */
  public int lastIndexOf(int value) {
    return lastIndexOf(value, length);
  }

  /** Node's {@code buf.lastIndexOf(value, byteOffset)} for a byte value. */
  public int lastIndexOf(int value, int byteOffset) {
    return Search.indexOfByte(array, offset, length, value, byteOffset, false);
  }

  /** Node's {@code buf.lastIndexOf(string)}. */
  public int lastIndexOf(String value) {
    return lastIndexOf(value, length, (String) null);
  }

  /** Node's {@code buf.lastIndexOf(string, encoding)}. */
  public int lastIndexOf(String value, String encoding) {
    return lastIndexOf(value, length, encoding);
  }

  /** Node's {@code buf.lastIndexOf(string, byteOffset)}. */
  public int lastIndexOf(String value, int byteOffset) {
    return lastIndexOf(value, byteOffset, (String) null);
  }

  /** Node's {@code buf.lastIndexOf(string, byteOffset, encoding)}. */
  public int lastIndexOf(String value, int byteOffset, String encoding) {
    return searchString(value, byteOffset, encoding, false);
  }

  /** Node's {@code buf.lastIndexOf(buffer)}. */
  public int lastIndexOf(Buffer value) {
    return lastIndexOf(value, length, null);
  }

  /** Node's {@code buf.lastIndexOf(buffer, byteOffset)}. */
  public int lastIndexOf(Buffer value, int byteOffset) {
    return lastIndexOf(value, byteOffset, null);
  }

  /** Node's {@code buf.lastIndexOf(buffer, byteOffset, encoding)}. */
  public int lastIndexOf(Buffer value, int byteOffset, String encoding) {
    return searchBuffer(value, byteOffset, encoding, false);
  }

  /** Node's {@code buf.includes(value)} for a byte value. */
  public boolean includes(int value) {
    return indexOf(value) != -1;
  }

  /** Node's {@code buf.includes(value, byteOffset)} for a byte value. */
  public boolean includes(int value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /** Node's {@code buf.includes(string)}. */
  public boolean includes(String value) {
    return indexOf(value) != -1;
  }

  /** Node's {@code buf.includes(string, encoding)}. */
  public boolean includes(String value, String encoding) {
    return indexOf(value, encoding) != -1;
  }

  /** Node's {@code buf.includes(string, byteOffset)}. */
  public boolean includes(String value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /** Node's {@code buf.includes(string, byteOffset, encoding)}. */
  public boolean includes(String value, int byteOffset, String encoding) {
    return indexOf(value, byteOffset, encoding) != -1;
  }

  /** Node's {@code buf.includes(buffer)}. */
  public boolean includes(Buffer value) {
    return indexOf(value) != -1;
  }

  /** Node's {@code buf.includes(buffer, byteOffset)}. */
  public boolean includes(Buffer value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  private int searchString(String value, int byteOffset, String encoding, boolean forward) {
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
        array, offset, hayLength, needle, 0, needle.length, byteOffset, units, forward);
  }

  private int searchBuffer(Buffer value, int byteOffset, String encoding, boolean forward) {
    boolean units = Encoding.isEncoding(encoding) && Encoding.of(encoding) == Encoding.UTF16LE;
    return Search.indexOf(
        array, offset, length, value.array, value.offset, value.length, byteOffset, units, forward);
  }

  // ---------------------------------------------------------------- copy, fill, write

  /** Node's {@code buf.copy(target)}: copies as many bytes as fit; returns how many. */
  public int copy(Buffer target) {
    return copy(target, 0, 0, length);
  }

  /** Node's {@code buf.copy(target, targetStart)}. */
  public int copy(Buffer target, int targetStart) {
    return copy(target, targetStart, 0, length);
  }

  /** Node's {@code buf.copy(target, targetStart, sourceStart)}. */
  public int copy(Buffer target, int targetStart, int sourceStart) {
    return copy(target, targetStart, sourceStart, length);
  }

  /**
   * Node's {@code buf.copy(target, targetStart, sourceStart, sourceEnd)}: copies {@code
   * this[sourceStart, sourceEnd)} to {@code target} at {@code targetStart}, as much as fits, and
   * returns the bytes copied. Overlapping views of one array copy correctly.
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

  /** Node's {@code buf.fill(value)}: every byte becomes {@code value & 255}; returns this. */
  public Buffer fill(int value) {
    Arrays.fill(array, offset, end(), (byte) value);
    return this;
  }

  /** Node's {@code buf.fill(value, offset)}. */
  public Buffer fill(int value, int offset) {
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    if (offset < length) Arrays.fill(array, this.offset + offset, end(), (byte) value);
    return this;
  }

  /** Node's {@code buf.fill(value, offset, end)}. */
  public Buffer fill(int value, int offset, int end) {
    if (!fillRange(offset, end)) return this;
    Arrays.fill(array, this.offset + offset, this.offset + end, (byte) value);
    return this;
  }

  /** Node's {@code buf.fill(string)}: the UTF-8 bytes of {@code value}, repeated. */
  public Buffer fill(String value) {
    return fill(value, 0, length, Encoding.UTF8);
  }

  /** Node's {@code buf.fill(string, encoding)}. */
  public Buffer fill(String value, String encoding) {
    return fill(value, 0, length, Encodings.orUtf8(encoding));
  }

  /** Node's {@code buf.fill(string, offset)}. */
  public Buffer fill(String value, int offset) {
    return fill(value, offset, (String) null);
  }

  /** Node's {@code buf.fill(string, offset, encoding)}. */
  public Buffer fill(String value, int offset, String encoding) {
    Encoding e = Encodings.orUtf8(encoding);
    Errors.checkOffset(offset, "offset", 0, K_MAX_LENGTH);
    if (offset >= length) return this;
    return fill(value, offset, length, e);
  }

  /** Node's {@code buf.fill(string, offset, end)}. */
  public Buffer fill(String value, int offset, int end) {
    return fill(value, offset, end, Encoding.UTF8);
  }

  /** Node's {@code buf.fill(string, offset, end, encoding)}. */
  public Buffer fill(String value, int offset, int end, String encoding) {
    return fill(value, offset, end, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code buf.fill(string, offset, end, encoding)}: the encoded bytes of {@code value}
   * repeated over {@code [offset, end)}, the last copy cut short; "" fills with zeros. Throws
   * {@code ERR_INVALID_ARG_VALUE} when {@code value} encodes to no bytes (as {@code 'zz'} in hex).
   */
  public Buffer fill(String value, int offset, int end, Encoding encoding) {
    Encoding e = encoding == null ? Encoding.UTF8 : encoding;
    if (!fillRange(offset, end)) return this;
    if (value.isEmpty()) return fill(0, offset, end);
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
    return this;
  }

  /** Node's {@code buf.fill(buffer)}: {@code value}'s bytes repeated. */
  public Buffer fill(Buffer value) {
    return fill(value, 0, length);
  }

  /** Node's {@code buf.fill(buffer, offset, end)}. */
  public Buffer fill(Buffer value, int offset, int end) {
    if (!fillRange(offset, end)) return this;
    if (value.length == 0) throw Errors.invalidArgValue("value", value.inspect());
    byte[] copy = value.toByteArray(); // value may overlap this
    repeat(copy, 0, copy.length, offset, end);
    return this;
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

  /** Node's {@code buf.write(string)}: UTF-8 from offset 0; returns the bytes written. */
  public int write(String s) {
    return Codecs.write(s, Encoding.UTF8, array, offset, length);
  }

  /** Node's {@code buf.write(string, encoding)}. */
  public int write(String s, String encoding) {
    return Codecs.write(s, Encodings.orUtf8(encoding), array, offset, length);
  }

  /** Node's {@code buf.write(string, offset)}. */
  public int write(String s, int offset) {
    return write(s, offset, (String) null);
  }

  /** Node's {@code buf.write(string, offset, encoding)}. */
  public int write(String s, int offset, String encoding) {
    Errors.checkOffset(offset, "offset", 0, length);
    return Codecs.write(
        s, Encodings.orUtf8(encoding), array, this.offset + offset, length - offset);
  }

  /** Node's {@code buf.write(string, offset, length)}. */
  public int write(String s, int offset, int length) {
    return write(s, offset, length, (String) null);
  }

  /** Node's {@code buf.write(string, offset, length, encoding)}. */
  public int write(String s, int offset, int length, String encoding) {
    Errors.checkOffset(offset, "offset", 0, this.length);
    Errors.checkOffset(length, "length", 0, this.length);
    int cap = Math.min(length, this.length - offset);
    return Codecs.write(s, Encodings.orUtf8(encoding), array, this.offset + offset, cap);
  }

  /**
   * Node's {@code buf.write(string, offset, length, encoding)}: writes at most {@code length} bytes
   * at {@code offset}, never part of a character, and returns the bytes written.
   */
  public int write(String s, int offset, int length, Encoding encoding) {
    Errors.checkOffset(offset, "offset", 0, this.length);
    Errors.checkOffset(length, "length", 0, this.length);
    int cap = Math.min(length, this.length - offset);
    Encoding e = encoding == null ? Encoding.UTF8 : encoding;
    return Codecs.write(s, e, array, this.offset + offset, cap);
  }
}
