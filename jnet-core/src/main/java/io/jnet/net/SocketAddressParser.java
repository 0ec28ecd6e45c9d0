package io.jnet.net;

import io.jnet.internal.net.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@link SocketAddress#parse}: Node reads {@code input} as the host and port of the URL {@code
 * http://input} (WHATWG URL rules) and builds an IPv4 address from a host that is not bracketed.
 * Only what can end as an IP address is kept here: a host name always fails, so its rules (beyond
 * the characters it may not hold) do not matter.
 */
final class SocketAddressParser {
  private SocketAddressParser() {}

  /** The parsed address, or null as Node's {@code parse} returns undefined. */
  static SocketAddress parse(String input) {
    String s = clean(input);
    int end = 0;
    while (end < s.length() && "/?#\\".indexOf(s.charAt(end)) < 0) end++;
    String authority = s.substring(0, end);
    int at = authority.lastIndexOf('@');
    String hostPort = at < 0 ? authority : authority.substring(at + 1);
    int colon = portColon(hostPort);
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    int port = colon < 0 ? 0 : port(hostPort.substring(colon + 1));
    if (port < 0 || host.isEmpty()) return null;
    if (host.startsWith("[")) {
      if (!host.endsWith("]") || host.indexOf('%') >= 0) return null;
      byte[] b = IpAddresses.pton6(host.substring(1, host.length() - 1));
      return b == null ? null : new SocketAddress(b, port);
    }
    byte[] b = ipv4(host);
    return b == null ? null : new SocketAddress(b, port);
  }

  /** The URL parser's first steps: trailing C0 controls and spaces go, tabs and newlines too. */
  private static String clean(String input) {
    int end = input.length();
    while (end > 0 && input.charAt(end - 1) <= ' ') end--;
    StringBuilder out = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      char c = input.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') out.append(c);
    }
    return out.toString();
  }

  /** Where the port starts: the first colon outside brackets, or -1. */
  private static int portColon(String hostPort) {
    boolean inBrackets = false;
    for (int i = 0; i < hostPort.length(); i++) {
      char c = hostPort.charAt(i);
      if (c == '[') inBrackets = true;
      if (c == ']') inBrackets = false;
      if (c == ':' && !inBrackets) return i;
    }
    return -1;
  }

  /** A URL port: digits only, at most 65535; empty and http's 80 read as 0. -1 when invalid. */
  private static int port(String text) {
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
      if (value > 65535) return -1;
    }
    return value == 80 ? 0 : (int) value;
  }

  /** A URL host that ends in a number, read as the WHATWG IPv4 parser does, or null. */
  private static byte[] ipv4(String rawHost) {
    String host = domain(rawHost);
    if (host == null || !endsInNumber(host)) return null;
    String[] parts = host.split("\\.", -1);
    int n = parts.length;
    if (parts[n - 1].isEmpty() && n > 1) n--;
    if (n > 4) return null;
    long[] numbers = new long[n];
    for (int i = 0; i < n; i++) {
      numbers[i] = number(parts[i]);
      if (numbers[i] < 0) return null;
    }
    for (int i = 0; i < n - 1; i++) if (numbers[i] > 255) return null;
    if (numbers[n - 1] >= 1L << (8 * (5 - n))) return null;
    long value = numbers[n - 1];
    for (int i = 0; i < n - 1; i++) value += numbers[i] << (8 * (3 - i));
    return new byte[] {
      (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value
    };
  }

  /** Percent-decoding, IDNA's mapping and the forbidden characters; null when not a host. */
  private static String domain(String host) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = host.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    String decoded = bytes.toString(StandardCharsets.UTF_8);
    String ascii;
    try {
      ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c <= ' ' || c >= 0x7f || "#%/:<>?@[\\]^|".indexOf(c) >= 0) return null;
    }
    return ascii.isEmpty() ? null : ascii;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') return b - '0';
    if (b >= 'a' && b <= 'f') return b - 'a' + 10;
    if (b >= 'A' && b <= 'F') return b - 'A' + 10;
    return -1;
  }

  /** WHATWG "ends in a number": the last label (a final empty one aside) is a number. */
  private static boolean endsInNumber(String host) {
    String[] parts = host.split("\\.", -1);
    int last = parts.length - 1;
    if (parts[last].isEmpty()) {
      if (parts.length == 1) return false;
      last--;
    }
    String p = parts[last];
    if (!p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
    return number(p) >= 0 && (p.startsWith("0x") || p.startsWith("0X"));
  }

  /** A WHATWG IPv4 number part: decimal, {@code 0x} hex or leading-zero octal; -1 when not one. */
  private static long number(String p) {
    if (p.isEmpty()) return -1;
    int radix = 10;
    String digits = p;
    if (p.length() >= 2 && (p.startsWith("0x") || p.startsWith("0X"))) {
      radix = 16;
      digits = p.substring(2);
    } else if (p.length() >= 2 && p.charAt(0) == '0') {
      radix = 8;
      digits = p.substring(1);
    }
    if (digits.isEmpty()) return 0;
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0) return -1;
      value = value * radix + d;
      if (value > 0xffffffffL) value = 0x100000000L; // too large either way; keep it bounded
    }
    return value;
  }
}
