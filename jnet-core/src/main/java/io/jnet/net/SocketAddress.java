package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.IpAddresses;
import java.util.Arrays;
import java.util.Locale;

/**
 * An IP address with a port (and, for IPv6, a flow label): Node's {@code net.SocketAddress}.
 * Immutable, and safe to share between threads.
 *
 * <p>The constructors take Node's options in order ({@code address}, {@code port}, {@code family},
 * {@code flowlabel}); an omitted or null one takes Node's default: family {@code "ipv4"} (case does
 * not matter), address {@code 127.0.0.1} for IPv4 and {@code ::} for IPv6 (Node's quirk kept: a
 * family spelled other than {@code "ipv4"} defaults to {@code ::}, so {@code family "IPv4"} without
 * an address fails), port 0, flow label 0. The address must be of the family given ({@code new
 * SocketAddress("::1")} is an IPv4 address, so it fails), as in Node. {@link #address()} is the
 * address as Node prints it: {@code 0:0:0:0:0:0:0:1} becomes {@code ::1}, a zone after {@code %} is
 * dropped.
 *
 * <h2>Errors</h2>
 *
 * <p>As Node's: a bad family throws {@code ERR_INVALID_ARG_VALUE}, a port outside 0 to 65535 {@code
 * ERR_SOCKET_BAD_PORT}, a flow label outside 0 to 2^32 - 1 {@code ERR_OUT_OF_RANGE}, an address
 * that is not one of the family {@code ERR_INVALID_ADDRESS}. An IPv6 flow label above {@code
 * 0xfffff} (20 bits) throws {@code ERR_OUT_OF_RANGE} in jnet, where Node 24 aborts the process; an
 * IPv4 address has no flow label, so one given is ignored (Node 24 aborts on one above 2^31 - 1).
 */
public final class SocketAddress {
  /** The largest IPv6 flow label: 20 bits. */
  private static final long MAX_FLOW_LABEL = 0xfffffL;

  private final byte[] bytes;
  private final int port;
  private final long flowlabel;
  private final String address;

  /** Node's {@code new SocketAddress()}: {@code 127.0.0.1}, port 0, IPv4. */
  public SocketAddress() {
    this(null, 0, null, 0);
  }

  /**
   * Node's {@code new SocketAddress({address})}: an IPv4 address, port 0.
   *
   * @param address the IP address
   */
  public SocketAddress(String address) {
    this(address, 0, null, 0);
  }

  /**
   * Node's {@code new SocketAddress({address, port})}: an IPv4 address.
   *
   * @param address the IP address
   * @param port the port, 0 to 65535
   */
  public SocketAddress(String address, int port) {
    this(address, port, null, 0);
  }

  /**
   * Node's {@code new SocketAddress({address, port, family})}.
   *
   * @param address the IP address
   * @param port the port, 0 to 65535
   * @param family {@code "ipv4"} or {@code "ipv6"}
   */
  public SocketAddress(String address, int port, String family) {
    this(address, port, family, 0);
  }

  /**
   * Node's {@code new SocketAddress({address, port, family, flowlabel})}.
   *
   * @param address the IP address
   * @param port the port, 0 to 65535
   * @param family {@code "ipv4"} or {@code "ipv6"}
   * @param flowlabel the IPv6 flow label
   */
  public SocketAddress(String address, int port, String family, long flowlabel) {
    boolean v6 = isIPv6Family(family, "options.family");
    checkPort(port);
    if (flowlabel < 0 || flowlabel > 0xffffffffL) {
      throw outOfRange("options.flowlabel", ">= 0 && <= 4294967295", flowlabel);
    }
    if (v6 && flowlabel > MAX_FLOW_LABEL) {
      throw outOfRange("options.flowlabel", ">= 0 && <= " + MAX_FLOW_LABEL, flowlabel);
    }
    // Node picks the default address before it lower-cases the family: only a null (omitted) or
    // exactly "ipv4" family defaults to 127.0.0.1, so "IPv4" alone fails, as in Node.
    String text =
        address != null ? address : family == null || family.equals("ipv4") ? "127.0.0.1" : "::";
    byte[] b = v6 ? IpAddresses.pton6(text) : IpAddresses.pton4(text);
    if (b == null) throw invalidAddress();
    this.bytes = b;
    this.port = port;
    this.flowlabel = v6 ? flowlabel : 0;
    this.address = IpAddresses.ntop(b);
  }

  /** An address from its 4 or 16 bytes, already checked. */
  SocketAddress(byte[] bytes, int port) {
    this.bytes = bytes.clone();
    this.port = port;
    this.flowlabel = 0;
    this.address = IpAddresses.ntop(bytes);
  }

  /**
   * Node's {@code SocketAddress.parse(input)}: {@code "ip:port"} or {@code "[ipv6]:port"} read as
   * the host and port of an {@code http://} URL, or null when {@code input} is not one. As in Node,
   * the URL rules apply: {@code 0x7f.1} is {@code 127.0.0.1}, a user before {@code @} and a path
   * after {@code /} are ignored, and port 80 (http's default) reads as 0.
   *
   * @param input the text to parse
   * @return the address, or null
   */
  public static SocketAddress parse(String input) {
    if (input == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE", "The \"input\" argument must be of type string. Received null");
    }
    return SocketAddressParser.parse(input);
  }

  /**
   * The address as Node prints it ({@code ::1}, {@code ::ffff:1.2.3.4}, {@code 10.0.0.1}).
   *
   * @return the address
   */
  public String address() {
    return address;
  }

  /**
   * The port, 0 to 65535.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * {@code "ipv4"} or {@code "ipv6"}, in Node's lower case.
   *
   * @return the family
   */
  public String family() {
    return bytes.length == 4 ? "ipv4" : "ipv6";
  }

  /**
   * The IPv6 flow label; 0 for an IPv4 address.
   *
   * @return the flow label
   */
  public long flowlabel() {
    return flowlabel;
  }

  /** The address's 4 or 16 bytes, a copy. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The address's bytes without a copy, for BlockList's comparisons. */
  byte[] rawBytes() {
    return bytes;
  }

  /**
   * Node's {@code util.inspect} of the address: {@code SocketAddress { address: '1.2.3.4', port: 0,
   * family: 'ipv4', flowlabel: 0 }}, on several lines when it is longer than Node's 80 columns.
   */
  @Override
  public String toString() {
    String[] entries = {
      "address: " + quoted(address),
      "port: " + port,
      "family: " + quoted(family()),
      "flowlabel: " + flowlabel
    };
    // Node's util.inspect keeps an object on one line when its entries plus 19 (Node's start for
    // four entries in braces) fit in 80 columns.
    int total = 19;
    for (String e : entries) total += e.length();
    if (total <= 80) return "SocketAddress { " + String.join(", ", entries) + " }";
    return "SocketAddress {\n  " + String.join(",\n  ", entries) + "\n}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SocketAddress s
        && Arrays.equals(bytes, s.bytes)
        && port == s.port
        && flowlabel == s.flowlabel;
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(bytes) * 31 + port) * 31 + Long.hashCode(flowlabel);
  }

  /** Node's string quoting in {@code util.inspect}: single quotes unless the text holds one. */
  static String quoted(String s) {
    if (s.indexOf('\'') < 0) return "'" + s + "'";
    if (s.indexOf('"') < 0) return "\"" + s + "\"";
    if (s.indexOf('`') < 0) return "`" + s + "`";
    return "'" + s.replace("'", "\\'") + "'";
  }

  /** Node's family option: null is {@code ipv4}; case is ignored; anything else throws. */
  static boolean isIPv6Family(String family, String name) {
    if (family == null) return false;
    switch (family.toLowerCase(Locale.ROOT)) {
      case "ipv4":
        return false;
      case "ipv6":
        return true;
      default:
        throw JnetException.typeError(
            "ERR_INVALID_ARG_VALUE",
            "The property '" + name + "' is invalid. Received " + quoted(family));
    }
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw JnetException.rangeError(
          "ERR_SOCKET_BAD_PORT",
          "options.port should be >= 0 and < 65536. Received type number (" + port + ").");
    }
  }

  static JnetException outOfRange(String name, String range, long received) {
    return JnetException.rangeError(
        "ERR_OUT_OF_RANGE",
        "The value of \""
            + name
            + "\" is out of range. It must be "
            + range
            + ". Received "
            + separated(received));
  }

  /** Node's {@code addNumericalSeparator} for a number beyond 2^32: {@code 1_099_511_627_776}. */
  private static String separated(long n) {
    String digits = Long.toString(Math.abs(n));
    if (Math.abs(n) <= 1L << 32) return Long.toString(n);
    StringBuilder out = new StringBuilder();
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) out.append('_').append(digits, i, i + 3);
    return (n < 0 ? "-" : "") + out;
  }

  static JnetException invalidAddress() {
    return new JnetException("ERR_INVALID_ADDRESS", "Invalid socket address");
  }
}
