package io.jnet.buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hex as Node encodes (lower case) and decodes it: whole pairs, stopping at the first bad pair,
 * reading the low byte of each UTF-16 unit as Node does.
 */
final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private Hex() {}

  /** Decodes whole pairs of {@code s} into {@code dst[off, off + cap)}; returns bytes written. */
  static int decode(String s, byte[] dst, int off, int cap) {
    int pairs = Math.min(s.length() / 2, cap);
    for (int k = 0; k < pairs; k++) {
      int hi = value(s.charAt(2 * k));
      int lo = value(s.charAt(2 * k + 1));
      if (hi < 0 || lo < 0) return k;
      dst[off + k] = (byte) ((hi << 4) | lo);
    }
    return pairs;
  }

  private static int value(char unit) {
    int c = unit & 0xFF; // Node reads each UTF-16 unit's low byte
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /** The bytes {@code s} decodes to. */
  static byte[] decode(String s) {
    byte[] out = new byte[s.length() / 2];
    int n = decode(s, out, 0, out.length);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Lower-case hex of {@code len} bytes at {@code off}. */
  static String encode(byte[] a, int off, int len) {
    byte[] out = new byte[len * 2];
    for (int i = 0; i < len; i++) {
      int b = a[off + i] & 0xFF;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0xF];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
