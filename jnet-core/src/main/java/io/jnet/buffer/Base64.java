package io.jnet.buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base64 and base64url as Node encodes and decodes them.
 *
 * <p>Node's decoder reads the low byte of each UTF-16 unit ({@code '\u0141'} counts as {@code 'A'})
 * and is lenient and the same for both alphabets: it accepts {@code +/} and {@code -_} alike, skips
 * every other character that is not in the alphabet (whitespace, garbage), stops at the first
 * {@code =}, and decodes a final group of two or three characters into one or two bytes (a lone
 * final character gives nothing). The encoder pads base64 with {@code =} and leaves base64url
 * unpadded.
 */
final class Base64 {
  private static final byte[] STD =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] DECODE = new byte[256];

  static {
    Arrays.fill(DECODE, (byte) -1);
    for (int i = 0; i < 64; i++) {
      DECODE[STD[i]] = (byte) i;
      DECODE[URL[i]] = (byte) i;
    }
  }

  private Base64() {}

  /** Node's {@code Buffer.byteLength(s, 'base64')}: an estimate, never below the decoded size. */
  static int estimate(String s) {
    int bytes = s.length();
    if (bytes > 0 && s.charAt(bytes - 1) == '=') bytes--;
    if (bytes > 1 && s.charAt(bytes - 1) == '=') bytes--;
    return (int) (((long) bytes * 3) >>> 2);
  }

  /**
   * Decodes {@code s} into {@code dst[off, off + cap)} and returns the bytes written; decoding
   * stops at the first {@code '='}, at the end of input, or when {@code cap} bytes are written.
   */
  static int decode(String s, byte[] dst, int off, int cap) {
    int len = s.length();
    int k = 0;
    int acc = 0;
    int have = 0;
    for (int i = 0; i < len && k < cap; i++) {
      int c = s.charAt(i) & 0xFF; // Node reads each UTF-16 unit's low byte
      int v = DECODE[c];
      if (v < 0) {
        if (c == '=') break;
        continue;
      }
      acc = (acc << 6) | v;
      have++;
      if (have == 2) {
        dst[off + k++] = (byte) (acc >> 4);
        acc &= 0xF;
      } else if (have == 3) {
        dst[off + k++] = (byte) (acc >> 2);
        acc &= 0x3;
      } else if (have == 4) {
        dst[off + k++] = (byte) acc;
        acc = 0;
        have = 0;
      }
    }
    return k;
  }

  /** The bytes {@code s} decodes to. */
  static byte[] decode(String s) {
    byte[] out = new byte[estimate(s)];
    int n = decode(s, out, 0, out.length);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Encodes {@code len} bytes at {@code off}: padded for base64, unpadded for base64url. */
  static String encode(byte[] a, int off, int len, boolean url) {
    byte[] alphabet = url ? URL : STD;
    int full = len / 3;
    int rest = len - full * 3;
    int outLen = full * 4 + (rest == 0 ? 0 : url ? rest + 1 : 4);
    byte[] out = new byte[outLen];
    int p = 0;
    int i = off;
    for (int g = 0; g < full; g++, i += 3) {
      int v = ((a[i] & 0xFF) << 16) | ((a[i + 1] & 0xFF) << 8) | (a[i + 2] & 0xFF);
      out[p++] = alphabet[v >>> 18];
      out[p++] = alphabet[(v >>> 12) & 0x3F];
      out[p++] = alphabet[(v >>> 6) & 0x3F];
      out[p++] = alphabet[v & 0x3F];
    }
    if (rest > 0) {
      int v = (a[i] & 0xFF) << 16;
      if (rest == 2) v |= (a[i + 1] & 0xFF) << 8;
      out[p++] = alphabet[v >>> 18];
      out[p++] = alphabet[(v >>> 12) & 0x3F];
      if (rest == 2) out[p++] = alphabet[(v >>> 6) & 0x3F];
      while (p < outLen) out[p++] = '=';
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
