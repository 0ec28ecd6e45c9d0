package io.jnet.buffer;

import java.nio.charset.StandardCharsets;

/**
 * Every encoding's three operations, as Node performs them: decode bytes to a string, encode a
 * string to bytes (whole, or bounded as {@code buf.write} does), and estimate the byte length.
 *
 * <p>latin1 and ascii encode keep the low byte of each UTF-16 unit; ascii decode masks the high
 * bit; utf16le decode drops an odd final byte, and a bounded utf16le write never splits a unit.
 */
final class Codecs {
  private Codecs() {}

  /** Decodes {@code len} bytes at {@code off} of {@code a}. */
  static String decode(byte[] a, int off, int len, Encoding e) {
    switch (e) {
      case UTF8:
        return Utf8.decode(a, off, len);
      case LATIN1:
        return new String(a, off, len, StandardCharsets.ISO_8859_1);
      case ASCII:
        return ascii(a, off, len);
      case UTF16LE:
        return utf16le(a, off, len);
      case HEX:
        return Hex.encode(a, off, len);
      case BASE64:
        return Base64.encode(a, off, len, false);
      case BASE64URL:
        return Base64.encode(a, off, len, true);
      default:
        throw new AssertionError(e);
    }
  }

  private static String ascii(byte[] a, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (a[i] < 0) {
        byte[] masked = new byte[len];
        for (int k = 0; k < len; k++) masked[k] = (byte) (a[off + k] & 0x7F);
        return new String(masked, StandardCharsets.ISO_8859_1);
      }
    }
    return new String(a, off, len, StandardCharsets.ISO_8859_1);
  }

  private static String utf16le(byte[] a, int off, int len) {
    char[] out = new char[len / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) ((a[off + 2 * i] & 0xFF) | ((a[off + 2 * i + 1] & 0xFF) << 8));
    }
    return new String(out);
  }

  /** The bytes {@code s} encodes to: exactly what {@code Buffer.from(s, e)} holds. */
  static byte[] encode(String s, Encoding e) {
    switch (e) {
      case UTF8:
        return Utf8.encode(s);
      case LATIN1:
      case ASCII:
        {
          byte[] out = new byte[s.length()];
          lowBytes(s, out, 0, out.length);
          return out;
        }
      case UTF16LE:
        {
          byte[] out = new byte[s.length() * 2];
          units(s, out, 0, out.length);
          return out;
        }
      case HEX:
        return Hex.decode(s);
      case BASE64:
      case BASE64URL:
        return Base64.decode(s);
      default:
        throw new AssertionError(e);
    }
  }

  /**
   * Writes {@code s} into {@code dst[off, off + cap)} as {@code buf.write(s, off, cap, e)} does and
   * returns the bytes written; a multi-byte utf8 character or utf16le unit is never split.
   */
  static int write(String s, Encoding e, byte[] dst, int off, int cap) {
    switch (e) {
      case UTF8:
        return Utf8.write(s, dst, off, cap, false);
      case LATIN1:
      case ASCII:
        return lowBytes(s, dst, off, cap);
      case UTF16LE:
        return units(s, dst, off, cap);
      case HEX:
        return Hex.decode(s, dst, off, cap);
      case BASE64:
      case BASE64URL:
        return Base64.decode(s, dst, off, cap);
      default:
        throw new AssertionError(e);
    }
  }

  private static int lowBytes(String s, byte[] dst, int off, int cap) {
    int n = Math.min(s.length(), cap);
    for (int i = 0; i < n; i++) dst[off + i] = (byte) s.charAt(i);
    return n;
  }

  private static int units(String s, byte[] dst, int off, int cap) {
    int n = Math.min(s.length(), cap / 2);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      dst[off + 2 * i] = (byte) c;
      dst[off + 2 * i + 1] = (byte) (c >> 8);
    }
    return n * 2;
  }

  /** Node's {@code Buffer.byteLength(s, e)}: exact for utf8, an estimate for hex and base64. */
  static int byteLength(String s, Encoding e) {
    switch (e) {
      case UTF8:
        return Utf8.length(s);
      case LATIN1:
      case ASCII:
        return s.length();
      case UTF16LE:
        return s.length() * 2;
      case HEX:
        return s.length() >>> 1;
      case BASE64:
      case BASE64URL:
        return Base64.estimate(s);
      default:
        throw new AssertionError(e);
    }
  }
}
