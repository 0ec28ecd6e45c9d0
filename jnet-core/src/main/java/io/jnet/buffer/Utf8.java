package io.jnet.buffer;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Node (V8) encodes and decodes it.
 *
 * <p>Decoding follows WHATWG's decoder: each maximal subpart of a malformed sequence becomes one
 * U+FFFD, so {@code ED A0 80} (an encoded surrogate) gives three and {@code F0 9F 98} gives one.
 * Encoding writes a lone surrogate as {@code EF BF BD}, and a bounded write never cuts a character.
 * Java's charsets differ on malformed input, hence this class.
 */
final class Utf8 {
  private static final char REPLACEMENT = '\uFFFD';

  private Utf8() {}

  /**
   * Decodes {@code len} bytes at {@code off}; ASCII-only input is copied without a loop per char.
   */
  static String decode(byte[] a, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end && a[i] >= 0) i++;
    if (i == end) return new String(a, off, len, StandardCharsets.ISO_8859_1);
    // Well-formed UTF-8 has one decoding, so the JDK's (faster) decoder gives Node's answer.
    if (wellFormed(a, i, end)) return new String(a, off, len, StandardCharsets.UTF_8);
    char[] out = new char[len];
    int n = i - off;
    for (int k = off; k < i; k++) out[k - off] = (char) a[k];
    n = decodeTail(a, i, end, out, n);
    return new String(out, 0, n);
  }

  /** Whether {@code a[i, end)} is well-formed UTF-8 (Unicode's table 3-7). */
  static boolean wellFormed(byte[] a, int i, int end) {
    while (i < end) {
      int b = a[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int need;
      int lower = 0x80;
      int upper = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
      } else {
        return false;
      }
      if (end - i <= need) return false; // cut short
      int c = a[i + 1] & 0xFF;
      if (c < lower || c > upper) return false;
      for (int k = 2; k <= need; k++) {
        if ((a[i + k] & 0xC0) != 0x80) return false;
      }
      i += need + 1;
    }
    return true;
  }

  private static int decodeTail(byte[] a, int i, int end, char[] out, int n) {
    while (i < end) {
      int b = a[i] & 0xFF;
      if (b < 0x80) {
        out[n++] = (char) b;
        i++;
        continue;
      }
      int need;
      int cp;
      int lower = 0x80;
      int upper = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        need = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        need = 3;
        cp = b & 0x07;
      } else {
        out[n++] = REPLACEMENT;
        i++;
        continue;
      }
      i++;
      int seen = 0;
      while (seen < need) {
        if (i == end) break;
        int c = a[i] & 0xFF;
        if (c < lower || c > upper) break;
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (c & 0x3F);
        seen++;
        i++;
      }
      if (seen < need) {
        out[n++] = REPLACEMENT; // the byte that broke the sequence is decoded afresh
      } else if (cp >= 0x10000) {
        out[n++] = Character.highSurrogate(cp);
        out[n++] = Character.lowSurrogate(cp);
      } else {
        out[n++] = (char) cp;
      }
    }
    return n;
  }

  /** Node's {@code Buffer.byteLength(s, 'utf8')}: a lone surrogate counts 3, a pair 4. */
  static int length(String s) {
    return (int) scan(s);
  }

  /** The UTF-8 length of {@code s} in the low 32 bits, bit 32 set if it has a lone surrogate. */
  private static long scan(String s) {
    int len = s.length();
    int n = len;
    long lone = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) {
        n += 1;
      } else if (!Character.isSurrogate(c)) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 2; // four bytes for two chars
        i++;
      } else {
        n += 2;
        lone = 1L << 32;
      }
    }
    return lone | n;
  }

  /** The UTF-8 bytes of {@code s}, lone surrogates as {@code EF BF BD}. */
  static byte[] encode(String s) {
    long scanned = scan(s);
    int n = (int) scanned;
    // ASCII: the JDK copies the string's bytes. Well-formed UTF-16: its encoder agrees with V8's;
    // only lone surrogates (which the JDK writes as '?') need ours.
    if (n == s.length()) return s.getBytes(StandardCharsets.ISO_8859_1);
    if (scanned >>> 32 == 0) return s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[n];
    write(s, out, 0, out.length, false);
    return out;
  }

  /**
   * Writes whole characters of {@code s} into {@code dst[off, off + cap)} and returns the bytes
   * written; with {@code wtf8} a lone surrogate is written as its own three bytes ({@code ED A0
   * 80}), as V8 does for the needle of {@code indexOf}.
   */
  static int write(String s, byte[] dst, int off, int cap, boolean wtf8) {
    int len = s.length();
    int p = off;
    int limit = off + cap;
    int i = 0;
    while (i < len && p < limit) {
      char c = s.charAt(i);
      if (c >= 0x80) break;
      dst[p++] = (byte) c;
      i++;
    }
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (p >= limit) break;
        dst[p++] = (byte) c;
      } else if (c < 0x800) {
        if (p + 2 > limit) break;
        dst[p++] = (byte) (0xC0 | (c >> 6));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < len
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          if (p + 4 > limit) break;
          int cp = Character.toCodePoint(c, s.charAt(++i));
          dst[p++] = (byte) (0xF0 | (cp >> 18));
          dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          dst[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          if (p + 3 > limit) break;
          char u = wtf8 ? c : REPLACEMENT;
          p = three(u, dst, p);
        }
      } else {
        if (p + 3 > limit) break;
        p = three(c, dst, p);
      }
    }
    return p - off;
  }

  private static int three(char c, byte[] dst, int p) {
    dst[p] = (byte) (0xE0 | (c >> 12));
    dst[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
    dst[p + 2] = (byte) (0x80 | (c & 0x3F));
    return p + 3;
  }
}
