package io.jnet.buffer;

/**
 * Node's {@code indexOf} and {@code lastIndexOf} over a buffer's bytes: offset rules, empty needles
 * and the utf16le search that matches only at even byte positions.
 */
final class Search {
  private Search() {}

  /**
   * Node's {@code IndexOfOffset}: where a search starts, in {@code [0, length - 1]}, or {@code
   * length} for an empty needle past the end, or -1 when no match is possible.
   */
  static long startOffset(long length, long offset, long needleLength, boolean forward) {
    if (offset < 0) {
      if (offset + length >= 0) return length + offset;
      if (forward || needleLength == 0) return 0;
      return -1;
    }
    if (offset + needleLength <= length) return offset;
    if (needleLength == 0) return length;
    return forward ? -1 : length - 1;
  }

  /**
   * Searches for one byte value (its low 8 bits), as {@code buf.indexOf(number)} does, in the bytes
   * before {@code end} (Node 24's {@code end} argument, clamped to {@code [0, length]}).
   */
  static int indexOfByte(
      byte[] a, int base, int length, int value, long byteOffset, long end, boolean forward) {
    long start = startOffset(length, byteOffset, 1, forward);
    if (start <= -1 || length == 0) return -1;
    int stop = (int) Math.min(Math.max(end, 0), length);
    byte needle = (byte) value;
    if (forward) {
      for (int i = (int) start; i < stop; i++) if (a[base + i] == needle) return i;
    } else {
      for (int i = (int) Math.min(start, stop - 1); i >= 0; i--)
        if (a[base + i] == needle) return i;
    }
    return -1;
  }

  /**
   * Searches for the bytes {@code needle[noff, noff + nlen)} before {@code end} (Node 24's {@code
   * end} argument, clamped to {@code [0, length]}); {@code units} searches 16-bit units at even
   * byte positions only, as Node's utf16le search does.
   *
   * <p>A utf16le search looks at whole units only: an odd last byte is outside the search, though
   * the offset is still taken against the whole length (Node 24's {@code IndexOfBuffer}; a string
   * needle's caller passes an even {@code length}, as Node's {@code IndexOfString} does).
   */
  static int indexOf(
      byte[] a,
      int base,
      int length,
      byte[] needle,
      int noff,
      int nlen,
      long byteOffset,
      long end,
      boolean units,
      boolean forward) {
    long start = startOffset(length, byteOffset, nlen, forward);
    int stop = (int) Math.min(Math.max(end, 0), length);
    if (units) stop &= ~1;
    if (nlen == 0) return (int) Math.min(start, stop);
    if (stop == 0 || start <= -1) return -1;
    if ((forward && nlen + start > stop) || nlen > stop) return -1;
    if (units) {
      if (nlen < 2) return -1;
      int r = search(a, base, stop / 2, needle, noff, nlen / 2, start / 2, forward, 2);
      return r < 0 ? -1 : r * 2;
    }
    return search(a, base, stop, needle, noff, nlen, start, forward, 1);
  }

  /** Searches in elements of {@code width} bytes; returns the element index or -1. */
  private static int search(
      byte[] a,
      int base,
      int hayLen,
      byte[] needle,
      int noff,
      int needleLen,
      long start,
      boolean forward,
      int width) {
    if (hayLen < needleLen) return -1;
    int last = hayLen - needleLen;
    int bytes = needleLen * width;
    if (forward) {
      for (long i = start; i <= last; i++) {
        if (matches(a, base + (int) i * width, needle, noff, bytes)) return (int) i;
      }
    } else {
      for (long i = Math.min(start, last); i >= 0; i--) {
        if (matches(a, base + (int) i * width, needle, noff, bytes)) return (int) i;
      }
    }
    return -1;
  }

  private static boolean matches(byte[] a, int at, byte[] needle, int noff, int n) {
    if (a[at] != needle[noff]) return false; // most positions fail here, without a call
    return java.util.Arrays.equals(a, at, at + n, needle, noff, noff + n);
  }
}
