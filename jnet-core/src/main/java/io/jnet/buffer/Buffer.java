package io.jnet.buffer;

import io.jnet.error.JnetException;
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
 * <p>Bad offsets and values throw {@link io.jnet.error.JnetException} with Node 24's codes and
 * messages: {@code ERR_OUT_OF_RANGE}, {@code ERR_BUFFER_OUT_OF_BOUNDS}, {@code
 * ERR_INVALID_ARG_VALUE}. Where Node accepts any JavaScript number, jnet takes an {@code int} or a
 * {@code long}, so Node's "must be an integer" errors cannot arise. A range message names Node's
 * limit ({@code <= 9007199254740991}), but a buffer is a Java array: a size the JVM cannot allocate
 * (above {@code Integer.MAX_VALUE - 8}) throws {@code ERR_BUFFER_TOO_LARGE} naming that limit,
 * where Node would try the allocation.
 *
 * <h2>Parts</h2>
 *
 * <p>Three package-private superclasses, one file each, hold the rest of Buffer's methods: the
 * number readers and writers ({@code readUInt8} to {@code writeDoubleBE}), the search methods
 * ({@code indexOf}, {@code lastIndexOf}, {@code includes}) and the writing ones ({@code copy},
 * {@code fill}, {@code write}, {@code swap16}). To callers they are Buffer's own methods.
 *
 * <p>A buffer is not thread-safe, like the array it views: whoever holds it may read and write its
 * bytes; share it across threads only with a happens-before edge (as the event loop provides).
 */
public final class Buffer extends WriteAccess implements Comparable<Buffer> {
  /** Node's {@code buffer.INSPECT_MAX_BYTES}: how many bytes {@link #inspect()} shows. */
  public static final int INSPECT_MAX_BYTES = 50;

  private static final byte[] EMPTY = new byte[0];
  private static final String FROM_NULL =
      "The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array"
          + " or an Array-like Object. Received null";

  Buffer(byte[] array, int offset, int length) {
    super(array, offset, length);
  }

  // ---------------------------------------------------------------- factories

  /**
   * Node's {@code Buffer.alloc(size)}: {@code size} zero bytes.
   *
   * @param size the length in bytes
   * @return a new buffer
   */
  public static Buffer alloc(int size) {
    checkSize(size);
    return new Buffer(size == 0 ? EMPTY : new byte[size], 0, size);
  }

  /**
   * Node's {@code Buffer.alloc(size, fill)}: every byte is {@code fill & 255}.
   *
   * @param size the length in bytes
   * @param fill what the bytes are filled with, repeated
   * @return a new buffer
   */
  public static Buffer alloc(int size, int fill) {
    return alloc(size).fill(fill);
  }

  /**
   * Node's {@code Buffer.alloc(size, fill)} with a string fill, encoded as UTF-8.
   *
   * @param size the length in bytes
   * @param fill what the bytes are filled with, repeated
   * @return a new buffer
   */
  public static Buffer alloc(int size, String fill) {
    return alloc(size, fill, (String) null);
  }

  /**
   * Node's {@code Buffer.alloc(size, fill, encoding)}: {@code fill} repeated to fill the buffer.
   *
   * @param size the length in bytes
   * @param fill what the bytes are filled with, repeated
   * @param encoding the encoding of {@code fill}
   * @return a new buffer
   */
  public static Buffer alloc(int size, String fill, String encoding) {
    Buffer b = alloc(size);
    return size == 0 ? b : b.fill(fill, 0, size, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code Buffer.alloc(size, fill)} with a buffer fill, repeated.
   *
   * @param size the length in bytes
   * @param fill what the bytes are filled with, repeated
   * @return a new buffer
   */
  public static Buffer alloc(int size, Buffer fill) {
    Buffer b = alloc(size);
    return size == 0 ? b : b.fill(fill);
  }

  /**
   * Node's {@code Buffer.allocUnsafe(size)}. jnet zero-fills it anyway: the JVM gives no
   * uninitialised memory, so the only difference from {@link #alloc(int)} is the name.
   *
   * @param size the length in bytes
   * @return a new buffer
   */
  public static Buffer allocUnsafe(int size) {
    return alloc(size);
  }

  /**
   * Node's {@code Buffer.from(string)}: the UTF-8 bytes of {@code s}.
   *
   * @param s the string
   * @return a new buffer
   */
  public static Buffer from(String s) {
    return from(s, Encoding.UTF8);
  }

  /**
   * Node's {@code Buffer.from(string, encoding)}; an empty or null name means UTF-8.
   *
   * @param s the string
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   * @return a new buffer
   */
  public static Buffer from(String s, String encoding) {
    return from(s, Encodings.orUtf8(encoding));
  }

  /**
   * Node's {@code Buffer.from(string, encoding)}.
   *
   * @param s the string
   * @param encoding the encoding
   * @return a new buffer
   */
  public static Buffer from(String s, Encoding encoding) {
    if (s == null) throw Errors.invalidArgType(FROM_NULL);
    byte[] bytes = Codecs.encode(s, encoding == null ? Encoding.UTF8 : encoding);
    return new Buffer(bytes, 0, bytes.length);
  }

  /**
   * Node's {@code Buffer.from(array)}: a copy of {@code bytes}.
   *
   * @param bytes the bytes
   * @return a new buffer holding a copy of the bytes
   */
  public static Buffer from(byte[] bytes) {
    if (bytes == null) throw Errors.invalidArgType(FROM_NULL);
    return from(bytes, 0, bytes.length);
  }

  /**
   * A copy of {@code bytes[offset, offset + length)}, with the range rules and errors of Node's
   * {@code Buffer.from(arrayBuffer, byteOffset, length)} (a negative length means 0).
   *
   * @param bytes the bytes
   * @param offset where the bytes start in {@code bytes}
   * @param length how many bytes to take from {@code bytes}
   * @return a new buffer holding a copy of the bytes
   */
  public static Buffer from(byte[] bytes, int offset, int length) {
    int n = viewLength(bytes, offset, length);
    return new Buffer(Arrays.copyOfRange(bytes, offset, offset + n), 0, n);
  }

  /**
   * Node's {@code Buffer.from(buffer)}: a copy of {@code other}'s bytes.
   *
   * @param other the buffer to copy
   * @return a new buffer
   */
  public static Buffer from(Buffer other) {
    if (other == null) throw Errors.invalidArgType(FROM_NULL);
    return new Buffer(other.toByteArray(), 0, other.length);
  }

  /**
   * A copy of {@code src}'s remaining bytes; {@code src}'s position is unchanged.
   *
   * @param src the bytes to copy
   * @return a new buffer
   */
  public static Buffer from(ByteBuffer src) {
    if (src == null) throw Errors.invalidArgType(FROM_NULL);
    byte[] bytes = new byte[src.remaining()];
    src.duplicate().get(bytes);
    return new Buffer(bytes, 0, bytes.length);
  }

  /**
   * A buffer over {@code bytes} itself, without a copy (a jnet extra).
   *
   * @param bytes the bytes
   * @return a buffer over {@code bytes}
   */
  public static Buffer wrap(byte[] bytes) {
    if (bytes == null) throw Errors.invalidArgType(FROM_NULL);
    return new Buffer(bytes, 0, bytes.length);
  }

  /**
   * A buffer over {@code bytes[offset, offset + length)} itself, without a copy: Node's {@code
   * Buffer.from(arrayBuffer, byteOffset, length)}, its range rules and errors included.
   *
   * @param bytes the bytes
   * @param offset where the bytes start in {@code bytes}
   * @param length how many bytes to take from {@code bytes}
   * @return a buffer over {@code bytes}
   */
  public static Buffer wrap(byte[] bytes, int offset, int length) {
    return new Buffer(bytes, offset, viewLength(bytes, offset, length));
  }

  private static int viewLength(byte[] bytes, int offset, int length) {
    if (bytes == null) throw Errors.invalidArgType(FROM_NULL);
    if (offset < 0) {
      throw new JnetException(
          "RangeError",
          null,
          "Start offset " + offset + " is outside the bounds of the buffer",
          null,
          null,
          null,
          null,
          null);
    }
    int max = bytes.length - offset;
    if (max < 0) throw Errors.bufferOutOfBounds("offset");
    if (length <= 0) return 0;
    if (length > max) throw Errors.bufferOutOfBounds("length");
    return length;
  }

  /**
   * Node's {@code Buffer.concat(list)}: the buffers' bytes one after another, in a new buffer.
   *
   * @param list the buffers
   * @return a new buffer
   */
  public static Buffer concat(List<Buffer> list) {
    if (list == null) throw Errors.invalidArgTypeNull("list", "Array");
    long total = 0;
    for (int i = 0; i < list.size(); i++) total += element(list, i).length;
    if (total > MAX_ARRAY_LENGTH) throw Errors.bufferTooLarge(MAX_ARRAY_LENGTH);
    return concat(list, (int) total);
  }

  /**
   * Node's {@code Buffer.concat(list, totalLength)}: the first {@code totalLength} bytes of the
   * buffers, zero-padded when they hold fewer; an empty list gives an empty buffer.
   *
   * @param list the buffers
   * @param totalLength the length of the result
   * @return a new buffer
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

  /**
   * Node's {@code Buffer.byteLength(string)}: the length of {@code s} in UTF-8.
   *
   * @param s the string
   * @return the number of bytes
   */
  public static int byteLength(String s) {
    return byteLength(s, Encoding.UTF8);
  }

  /**
   * Node's {@code Buffer.byteLength(string, encoding)}: exact for utf8, utf16le, latin1 and ascii,
   * Node's upper estimate for hex and base64. An unknown name counts UTF-8, as Node does.
   *
   * @param s the string
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   * @return the number of bytes
   */
  public static int byteLength(String s, String encoding) {
    Encoding e = Encoding.isEncoding(encoding) ? Encoding.of(encoding) : Encoding.UTF8;
    return byteLength(s, e);
  }

  /**
   * Node's {@code Buffer.byteLength(string, encoding)}.
   *
   * @param s the string
   * @param encoding the encoding
   * @return the number of bytes
   */
  public static int byteLength(String s, Encoding encoding) {
    if (s == null) {
      throw Errors.invalidArgType(
          "The \"string\" argument must be of type string or an instance of Buffer or ArrayBuffer."
              + " Received null");
    }
    return Codecs.byteLength(s, encoding == null ? Encoding.UTF8 : encoding);
  }

  /**
   * Node's {@code Buffer.compare(a, b)}: -1, 0 or 1, comparing bytes as unsigned.
   *
   * @param a the first buffer
   * @param b the second buffer
   * @return -1, 0 or 1
   */
  public static int compare(Buffer a, Buffer b) {
    if (a == null) throw Errors.invalidArgTypeNull("buf1", "Buffer or Uint8Array");
    if (b == null) throw Errors.invalidArgTypeNull("buf2", "Buffer or Uint8Array");
    int c = Arrays.compareUnsigned(a.array, a.offset, a.end(), b.array, b.offset, b.end());
    return Integer.signum(c);
  }

  /**
   * Node's {@code Buffer.isEncoding(name)}.
   *
   * @param name the name
   * @return whether Node knows the encoding name
   */
  public static boolean isEncoding(String name) {
    return Encoding.isEncoding(name);
  }

  /**
   * Node's {@code buffer.isUtf8(input)}: whether {@code input} is well-formed UTF-8.
   *
   * @param input the bytes to check
   * @return whether the bytes are well-formed UTF-8
   */
  public static boolean isUtf8(Buffer input) {
    checkInput(input);
    return Utf8.wellFormed(input.array, input.offset, input.end());
  }

  /**
   * Node's {@code buffer.isAscii(input)}: whether every byte of {@code input} is below 0x80.
   *
   * @param input the bytes to check
   * @return whether every byte is below 0x80
   */
  public static boolean isAscii(Buffer input) {
    checkInput(input);
    for (int i = input.offset; i < input.end(); i++) if (input.array[i] < 0) return false;
    return true;
  }

  private static void checkInput(Buffer input) {
    if (input == null) {
      throw Errors.invalidArgTypeNull("input", "ArrayBuffer, Buffer, or TypedArray");
    }
  }

  private static void checkSize(int size) {
    if (size < 0) throw Errors.outOfRange("size", ">= 0 && <= " + K_MAX_LENGTH, size);
    if (size > MAX_ARRAY_LENGTH) throw Errors.bufferTooLarge(MAX_ARRAY_LENGTH);
  }

  // ---------------------------------------------------------------- the view

  /**
   * Node's {@code buf.length}: how many bytes this view holds.
   *
   * @return the number of bytes
   */
  public int length() {
    return length;
  }

  /**
   * Node's {@code buf.subarray(start)}: the bytes from {@code start}, sharing memory.
   *
   * @param start the first index, inclusive
   * @return a view sharing this buffer's memory
   */
  public Buffer subarray(int start) {
    return subarray(start, length);
  }

  /**
   * Node's {@code buf.subarray(start, end)}: a view sharing memory. A negative index counts from
   * the end; indexes are clamped to {@code [0, length]}, and {@code end < start} gives an empty
   * view.
   *
   * @param start the first index, inclusive
   * @param end the end index, exclusive
   * @return a view sharing this buffer's memory
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

  /**
   * Node's {@code buf.slice(start)}: the same as {@link #subarray(int)}, sharing memory.
   *
   * @param start the first index, inclusive
   * @return a view sharing this buffer's memory
   */
  public Buffer slice(int start) {
    return subarray(start);
  }

  /**
   * Node's {@code buf.slice(start, end)}: the same as {@link #subarray(int, int)}.
   *
   * @param start the first index, inclusive
   * @param end the end index, exclusive
   * @return a view sharing this buffer's memory
   */
  public Buffer slice(int start, int end) {
    return subarray(start, end);
  }

  /**
   * Node's {@code buf.slice()}: a view of all the bytes, sharing memory.
   *
   * @return a view sharing this buffer's memory
   */
  public Buffer slice() {
    return subarray(0, length);
  }

  /**
   * Node's {@code buf[index]}: the byte at {@code index} as 0..255. Unlike Node, which reads {@code
   * undefined} there, an index outside {@code [0, length)} throws {@code
   * IndexOutOfBoundsException}.
   *
   * @param index the index, from 0 to {@code length() - 1}
   * @return the byte, from 0 to 255
   */
  public int get(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index] & 0xFF;
  }

  /**
   * Node's {@code buf[index] = value}: stores {@code value & 255}. Unlike Node, which ignores such
   * a write, an index outside {@code [0, length)} throws {@code IndexOutOfBoundsException}.
   *
   * @param index the index, from 0 to {@code length() - 1}
   * @param value the byte to store; only its low 8 bits are kept
   */
  public void set(int index, int value) {
    Objects.checkIndex(index, length);
    array[offset + index] = (byte) value;
  }

  /**
   * A {@code ByteBuffer} over exactly these bytes, without a copy; position 0, big-endian.
   *
   * @return a byte buffer over these bytes
   */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice();
  }

  /**
   * The backing array, shared (a jnet extra for zero-copy hand-off); see {@link #arrayOffset()}.
   *
   * @return the backing array
   */
  public byte[] array() {
    return array;
  }

  /**
   * Where this view starts in {@link #array()}.
   *
   * @return the index in {@link #array()} of this buffer's first byte
   */
  public int arrayOffset() {
    return offset;
  }

  /**
   * A copy of these bytes.
   *
   * @return a new array holding these bytes
   */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  // ---------------------------------------------------------------- strings

  /** Node's {@code buf.toString()}: the bytes decoded as UTF-8. */
  @Override
  public String toString() {
    return Utf8.decode(array, offset, length);
  }

  /**
   * Node's {@code buf.toString(encoding)}; a null name means UTF-8.
   *
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   * @return the decoded text
   */
  public String toString(String encoding) {
    return toString(encoding, 0, length);
  }

  /**
   * Node's {@code buf.toString(encoding, start)}: from {@code start} to the end.
   *
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   * @param start the first index, inclusive
   * @return the decoded text
   */
  public String toString(String encoding, int start) {
    return toString(encoding, start, length);
  }

  /**
   * Node's {@code buf.toString(encoding)}.
   *
   * @param encoding the encoding
   * @return the decoded text
   */
  public String toString(Encoding encoding) {
    return toString(encoding, 0, length);
  }

  /**
   * Node's {@code buf.toString(encoding, start, end)}: {@code start} below 0 counts as 0, {@code
   * end} past the length as the length, and an empty range gives "" without looking at the name.
   *
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   * @param start the first index, inclusive
   * @param end the end index, exclusive
   * @return the decoded text
   */
  public String toString(String encoding, int start, int end) {
    if (Math.max(start, 0) >= Math.min(end, length)) return "";
    return toString(Encoding.of(encoding), start, end);
  }

  /**
   * Node's {@code buf.toString(encoding, start, end)}.
   *
   * @param encoding the encoding
   * @param start the first index, inclusive
   * @param end the end index, exclusive
   * @return the decoded text
   */
  public String toString(Encoding encoding, int start, int end) {
    int s = Math.max(start, 0);
    int e = Math.min(end, length);
    if (s >= length || e <= s) return "";
    return Codecs.decode(array, offset + s, e - s, encoding == null ? Encoding.UTF8 : encoding);
  }

  /**
   * Node's {@code util.inspect(buf)}: {@code <Buffer 68 69>}, the first 50 bytes at most.
   *
   * @return the text Node's {@code util.inspect} prints
   */
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

  /**
   * Node's {@code buf.toJSON()}: {@code {"type":"Buffer","data":[1,2,3]}}.
   *
   * @return the JSON text
   */
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
    return compare(target);
  }

  /**
   * Node's {@code buf.compare(target)}: -1, 0 or 1.
   *
   * @param target the buffer to compare with
   * @return -1, 0 or 1
   */
  public int compare(Buffer target) {
    if (target == null) throw Errors.invalidArgTypeNull("target", "Buffer or Uint8Array");
    return compare(this, target);
  }

  /**
   * Node's {@code buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)}: compares
   * {@code this[sourceStart, sourceEnd)} with {@code target[targetStart, targetEnd)}.
   *
   * @param target the buffer to compare with
   * @param targetStart the first index of {@code target} to use
   * @param targetEnd the end index of {@code target}, exclusive
   * @param sourceStart the first index of this buffer to use
   * @param sourceEnd the end index of this buffer, exclusive
   * @return -1, 0 or 1
   */
  public int compare(
      Buffer target, int targetStart, int targetEnd, int sourceStart, int sourceEnd) {
    if (target == null) throw Errors.invalidArgTypeNull("target", "Buffer or Uint8Array");
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

  /**
   * Node's {@code buf.compare(target, targetStart)}: up to the target's end, all of this.
   *
   * @param target the buffer to compare with
   * @param targetStart the first index of {@code target} to use
   * @return -1, 0 or 1
   */
  public int compare(Buffer target, int targetStart) {
    if (target == null) throw Errors.invalidArgTypeNull("target", "Buffer or Uint8Array");
    return compare(target, targetStart, target.length, 0, length);
  }

  /**
   * Node's {@code buf.compare(target, targetStart, targetEnd, sourceStart)}.
   *
   * @param target the buffer to compare with
   * @param targetStart the first index of {@code target} to use
   * @param targetEnd the end index of {@code target}, exclusive
   * @param sourceStart the first index of this buffer to use
   * @return -1, 0 or 1
   */
  public int compare(Buffer target, int targetStart, int targetEnd, int sourceStart) {
    return compare(target, targetStart, targetEnd, sourceStart, length);
  }

  /**
   * {@link #compare(Buffer, int, int, int, int)} with the source's whole range.
   *
   * @param target the buffer to compare with
   * @param targetStart the first index of {@code target} to use
   * @param targetEnd the end index of {@code target}, exclusive
   * @return -1, 0 or 1
   */
  public int compare(Buffer target, int targetStart, int targetEnd) {
    return compare(target, targetStart, targetEnd, 0, length);
  }
}
