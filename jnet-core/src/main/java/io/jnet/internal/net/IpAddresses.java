package io.jnet.internal.net;

import io.jnet.net.AddressInfo;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * IP address text as Node reads and writes it: {@code net.isIP} and the strings of {@code
 * address()}, {@code remoteAddress} and friends.
 *
 * <p>Why not the JDK's: {@code InetAddress.getHostAddress()} prints {@code 0:0:0:0:0:0:0:1} where
 * Node prints {@code ::1}, turns an IPv4-mapped address into plain IPv4 (Node, on an IPv6 socket,
 * prints {@code ::ffff:127.0.0.1}), and {@code InetAddress.getByName} accepts forms Node rejects
 * ({@code 127.1}). Parsing here is by hand rather than by regular expression, because Java's {@code
 * $} also matches before a final line break.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** Node's {@code net.isIP}: 4 for an IPv4 address, 6 for IPv6 (with optional zone), else 0. */
  public static int isIP(String s) {
    if (isIPv4(s)) return 4;
    if (isIPv6(s)) return 6;
    return 0;
  }

  /** Node's {@code net.isIPv4}: four decimal parts 0 to 255 without leading zeros. */
  public static boolean isIPv4(String s) {
    return s != null && ipv4End(s, 0) == s.length();
  }

  /**
   * Node's {@code net.isIPv6}: eight groups of one to four hex digits, at most one {@code ::}, an
   * optional trailing dotted IPv4 address standing for two groups, and an optional zone {@code %id}
   * of letters, digits, {@code -}, {@code .} and {@code :}.
   */
  public static boolean isIPv6(String s) {
    if (s == null) return false;
    int percent = s.indexOf('%');
    String addr = percent < 0 ? s : s.substring(0, percent);
    if (percent >= 0 && !isZone(s.substring(percent + 1))) return false;
    return isIPv6Address(addr);
  }

  private static boolean isZone(String zone) {
    if (zone.isEmpty()) return false;
    for (int i = 0; i < zone.length(); i++) {
      char c = zone.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '-'
              || c == '.'
              || c == ':';
      if (!ok) return false;
    }
    return true;
  }

  private static boolean isIPv6Address(String s) {
    int n = s.length();
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    if (s.startsWith("::")) {
      compressed = true;
      i = 2;
      if (i == n) return true;
    } else if (s.startsWith(":")) {
      return false;
    }
    while (true) {
      int v4 = ipv4End(s, i);
      if (v4 == n) {
        groups += 2;
        break;
      }
      int j = i;
      while (j < n && j - i < 5 && isHex(s.charAt(j))) j++;
      int digits = j - i;
      if (digits == 0 || digits > 4) return false;
      groups++;
      if (j == n) break;
      if (s.charAt(j) != ':') return false;
      if (j + 1 < n && s.charAt(j + 1) == ':') {
        if (compressed) return false;
        compressed = true;
        i = j + 2;
        if (i == n) break;
      } else {
        i = j + 1;
        if (i == n) return false;
      }
    }
    return compressed ? groups <= 7 : groups == 8;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The end of a dotted IPv4 address starting at {@code from}, or -1 when none is there. */
  private static int ipv4End(String s, int from) {
    int i = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= s.length() || s.charAt(i) != '.') return -1;
        i++;
      }
      int start = i;
      int value = 0;
      while (i < s.length() && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255) return -1;
      if (digits > 1 && s.charAt(start) == '0') return -1;
    }
    return i;
  }

  /**
   * Parses an address Node's {@code isIP} accepts, without any name lookup. A zone is read as
   * libuv's {@code uv_ip6_addr} reads it: the index of the interface of that name, or scope 0 when
   * there is none (a number is no name), and the kernel then answers the bind or connect ({@code
   * fe80::1} with scope 0 is {@code EINVAL}).
   *
   * @throws IllegalArgumentException when {@code isIP(literal)} is 0
   */
  public static InetAddress parse(String literal) {
    if (isIP(literal) == 0) throw new IllegalArgumentException("not an IP address: " + literal);
    int percent = literal.indexOf('%');
    try {
      if (percent < 0) return InetAddress.getByName(literal);
      InetAddress unscoped = InetAddress.getByName(literal.substring(0, percent));
      if (unscoped instanceof Inet4Address) return unscoped; // IPv4-mapped: no scope to keep
      byte[] bytes = unscoped.getAddress();
      return Inet6Address.getByAddress(null, bytes, scopeId(literal.substring(percent + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  /** The index of the interface named {@code zone}, or 0 when there is none. */
  private static int scopeId(String zone) {
    try {
      NetworkInterface nif = NetworkInterface.getByName(zone);
      return nif == null ? 0 : nif.getIndex();
    } catch (SocketException e) {
      return 0;
    }
  }

  /**
   * {@code address} as Node prints it for a socket of the given family: on an IPv6 socket an IPv4
   * address (the JDK's view of an IPv4-mapped one) prints as {@code ::ffff:a.b.c.d}.
   */
  public static String format(InetAddress address, boolean ipv6Socket) {
    if (address instanceof Inet4Address) {
      return ipv6Socket ? "::ffff:" + address.getHostAddress() : address.getHostAddress();
    }
    Inet6Address a6 = (Inet6Address) address;
    String text = ntop6(a6.getAddress());
    if (a6.isLinkLocalAddress() && a6.getScopeId() > 0) text += "%" + zoneName(a6);
    return text;
  }

  /** The jnet {@link AddressInfo} of a socket address, as Node's {@code address()} has it. */
  public static AddressInfo info(InetSocketAddress address, boolean ipv6Socket) {
    boolean v6 = ipv6Socket || address.getAddress() instanceof Inet6Address;
    return new AddressInfo(
        format(address.getAddress(), ipv6Socket), v6 ? "IPv6" : "IPv4", address.getPort());
  }

  private static String zoneName(Inet6Address a6) {
    NetworkInterface nif = a6.getScopedInterface();
    if (nif == null) {
      try {
        nif = NetworkInterface.getByIndex(a6.getScopeId());
      } catch (SocketException e) {
        nif = null;
      }
    }
    return nif != null ? nif.getName() : Integer.toString(a6.getScopeId());
  }

  /**
   * The 4 bytes of an IPv4 address as libuv's {@code inet_pton} reads it (four decimal parts 0 to
   * 255, no leading zeros), or null when {@code s} is not one.
   */
  public static byte[] pton4(String s) {
    if (!isIPv4(s)) return null;
    byte[] out = new byte[4];
    int part = 0;
    int value = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        out[part++] = (byte) value;
        value = 0;
      } else {
        value = value * 10 + (s.charAt(i) - '0');
      }
    }
    return out;
  }

  /**
   * The 16 bytes of an IPv6 address as libuv's {@code uv_ip6_addr} reads it (a zone after {@code
   * %}, whatever it holds, is dropped), or null when {@code s} is not one.
   */
  public static byte[] pton6(String s) {
    if (s == null) return null;
    int percent = s.indexOf('%');
    String addr = percent < 0 ? s : s.substring(0, percent);
    if (!isIPv6Address(addr)) return null;
    int[] head = new int[8];
    int[] tail = new int[8];
    int heads = 0;
    int tails = 0;
    boolean afterGap = false;
    int i = 0;
    int n = addr.length();
    if (addr.startsWith("::")) {
      afterGap = true;
      i = 2;
    }
    while (i < n) {
      int v4 = ipv4End(addr, i);
      int[] groups = afterGap ? tail : head;
      if (v4 == n) {
        byte[] b = pton4(addr.substring(i));
        groups[afterGap ? tails++ : heads++] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        groups[afterGap ? tails++ : heads++] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        break;
      }
      int j = i;
      while (j < n && addr.charAt(j) != ':') j++;
      groups[afterGap ? tails++ : heads++] = Integer.parseInt(addr.substring(i, j), 16);
      if (j + 1 < n && addr.charAt(j + 1) == ':') {
        afterGap = true;
        i = j + 2;
      } else {
        i = j + 1;
      }
    }
    int[] w = new int[8];
    System.arraycopy(head, 0, w, 0, heads);
    System.arraycopy(tail, 0, w, 8 - tails, tails);
    byte[] out = new byte[16];
    for (int k = 0; k < 8; k++) {
      out[2 * k] = (byte) (w[k] >> 8);
      out[2 * k + 1] = (byte) w[k];
    }
    return out;
  }

  /** The text libuv's {@code inet_ntop} gives 4 (IPv4) or 16 (IPv6) address bytes. */
  public static String ntop(byte[] b) {
    if (b.length == 16) return ntop6(b);
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  /**
   * The text form libuv's {@code inet_ntop} gives 16 address bytes: lowercase hex, the first
   * longest run of two or more zero groups as {@code ::}, and an IPv4 tail for mapped ({@code
   * ::ffff:a.b.c.d}) and compatible ({@code ::a.b.c.d}) addresses.
   */
  static String ntop6(byte[] b) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    int bestBase = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (w[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && w[j] == 0) j++;
      if (j - i > bestLen) {
        bestBase = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) bestBase = -1;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) out.append(':');
        continue;
      }
      if (i != 0) out.append(':');
      // libuv's current inet_ntop6 (Node 24 prints ::2, not ::0.0.0.2).
      boolean v4Tail =
          i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff));
      if (v4Tail) {
        out.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.');
        out.append(b[14] & 0xff).append('.').append(b[15] & 0xff);
        return out.toString();
      }
      out.append(Integer.toHexString(w[i]));
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) out.append(':');
    return out.toString();
  }
}
