package io.jnet.net;

import java.util.Arrays;

/**
 * How {@link BlockList}'s rules compare addresses, as Node's {@code node_sockaddr.cc} does: an IPv4
 * address equals its IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}), and compares with no other
 * IPv6 address.
 */
final class Addresses {
  static final int NOT_COMPARABLE = -2;
  static final int LESS = -1;
  static final int SAME = 0;
  static final int GREATER = 1;

  /** The first 12 bytes of an IPv4-mapped IPv6 address. */
  private static final byte[] MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private Addresses() {}

  /** {@code "IPv4"} or {@code "IPv6"}, as a rule's text names its family. */
  static String familyName(SocketAddress a) {
    return a.rawBytes().length == 4 ? "IPv4" : "IPv6";
  }

  /** Whether two addresses are the same one, an IPv4 address and its mapped form included. */
  static boolean same(SocketAddress a, SocketAddress b) {
    return compare(a, b) == SAME;
  }

  /** {@link #LESS}, {@link #SAME}, {@link #GREATER} or {@link #NOT_COMPARABLE}. */
  static int compare(SocketAddress a, SocketAddress b) {
    byte[] x = a.rawBytes();
    byte[] y = b.rawBytes();
    if (x.length == y.length) return Integer.signum(Arrays.compareUnsigned(x, y));
    if (x.length == 4) return compareV4(x, y);
    int c = compareV4(y, x);
    return c == NOT_COMPARABLE ? c : -c;
  }

  private static int compareV4(byte[] v4, byte[] v6) {
    if (!isMapped(v6)) return NOT_COMPARABLE;
    return Integer.signum(Arrays.compareUnsigned(v4, 0, 4, v6, 12, 16));
  }

  private static boolean isMapped(byte[] v6) {
    return Arrays.equals(v6, 0, 12, MAPPED, 0, 12);
  }

  /** Whether {@code a} is in the subnet {@code network/prefix}. */
  static boolean inNetwork(SocketAddress a, SocketAddress network, int prefix) {
    byte[] ip = a.rawBytes();
    byte[] net = network.rawBytes();
    if (ip.length == net.length) return prefixEquals(ip, 0, net, 0, prefix);
    if (ip.length == 4) {
      // An IPv4 address against an IPv6 network: as its mapped form.
      byte[] mapped = Arrays.copyOf(MAPPED, 16);
      System.arraycopy(ip, 0, mapped, 12, 4);
      return prefixEquals(mapped, 0, net, 0, prefix);
    }
    // An IPv6 address against an IPv4 network: only a mapped one, by its last four bytes.
    return isMapped(ip) && prefixEquals(ip, 12, net, 0, prefix);
  }

  /** Whether the first {@code bits} bits of {@code x[xo..]} and {@code y[yo..]} are equal. */
  private static boolean prefixEquals(byte[] x, int xo, byte[] y, int yo, int bits) {
    int whole = bits / 8;
    if (!Arrays.equals(x, xo, xo + whole, y, yo, yo + whole)) return false;
    int rest = bits % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (x[xo + whole] & mask) == (y[yo + whole] & mask);
  }
}
