package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.IpAddresses;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;

/**
 * A list of rules that block IP addresses: single addresses, ranges and subnets, IPv4 and IPv6.
 * Node's {@code net.BlockList}, for a server's or a connect's {@code blockList} option or for
 * checks of one's own.
 *
 * <h2>Rules</h2>
 *
 * <p>{@link #check} says whether any rule matches an address. An IPv4 address and its IPv4-mapped
 * IPv6 form ({@code 1.2.3.4} and {@code ::ffff:1.2.3.4}) are the same address to every rule; other
 * IPv6 addresses never match an IPv4 rule. {@link #rules()} lists the rules in Node's words ({@code
 * Address: IPv4 1.2.3.4}, {@code Range: IPv6 ::1-::f}, {@code Subnet: IPv4 10.0.0.0/8}): the
 * address rules first, then the subnets, then the ranges, each newest first, as Node 24 does. Among
 * the address rules jnet lists the newest first, where Node lists them in its hash table's order.
 * Adding an address already listed (in either form) replaces that rule in place; a range or subnet
 * may be listed twice, and a remove takes away one copy of exactly that rule.
 *
 * <h2>Arguments</h2>
 *
 * <p>Each method takes an address as text with a family ({@code "ipv4"}, the default, or {@code
 * "ipv6"}, in any case; null, as Node's omitted family, is {@code "ipv4"}), or as a {@link
 * SocketAddress}. Bad arguments throw Node's errors: {@code ERR_INVALID_ARG_TYPE} for a null,
 * {@code ERR_INVALID_ARG_VALUE} for an unknown family or a range whose start comes after its end,
 * {@code ERR_OUT_OF_RANGE} for a prefix outside 0 to 32 (IPv4) or 0 to 128 (IPv6), and {@code
 * ERR_INVALID_ADDRESS} for an address that is not one of its family. {@link #check} never throws
 * for a bad address or family: it answers false, as Node's does.
 *
 * <p>A BlockList may be used from any thread; each method is atomic.
 */
public final class BlockList {
  /** An empty list, which blocks nothing: Node's {@code new net.BlockList()}. */
  public BlockList() {}

  /** The address rules, newest first. Guarded by this. */
  private final LinkedList<AddressRule> addresses = new LinkedList<>();

  /** The subnet rules, newest first. Guarded by this. */
  private final LinkedList<Rule> subnets = new LinkedList<>();

  /** The range rules, newest first. Guarded by this. */
  private final LinkedList<Rule> ranges = new LinkedList<>();

  /**
   * Node's {@code BlockList.PRIVATE_RANGES}: the private, loopback, link-local and unique-local
   * networks, as CIDR text for {@link #addCIDRs}.
   */
  public static final List<String> PRIVATE_RANGES =
      List.of(
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "127.0.0.0/8",
          "::1/128",
          "169.254.0.0/16",
          "fe80::/10",
          "fc00::/7");

  /**
   * Whether {@code value} is a BlockList: Node's {@code BlockList.isBlockList}.
   *
   * @param value any value, or null
   * @return whether {@code value} is a BlockList
   */
  public static boolean isBlockList(Object value) {
    return value instanceof BlockList;
  }

  /**
   * Node's {@code blockList.addAddress(address)}: blocks one IPv4 address.
   *
   * @param address the IP address
   */
  public void addAddress(String address) {
    addAddress(address, "ipv4");
  }

  /**
   * Node's {@code blockList.addAddress(address, family)}.
   *
   * @param address the IP address
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void addAddress(String address, String family) {
    addAddress(of(address, "address", family));
  }

  /**
   * Node's {@code blockList.addAddress(socketAddress)}; its port does not matter.
   *
   * @param address the IP address
   */
  public void addAddress(SocketAddress address) {
    notNull(address, "address");
    synchronized (this) {
      for (int i = 0; i < addresses.size(); i++) {
        if (Addresses.same(addresses.get(i).address, address)) {
          addresses.set(i, new AddressRule(address));
          return;
        }
      }
      addresses.addFirst(new AddressRule(address));
    }
  }

  /**
   * Node's {@code blockList.removeAddress(address)}.
   *
   * @param address the IP address
   */
  public void removeAddress(String address) {
    removeAddress(address, "ipv4");
  }

  /**
   * Node's {@code blockList.removeAddress(address, family)}.
   *
   * @param address the IP address
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void removeAddress(String address, String family) {
    removeAddress(of(address, "address", family));
  }

  /**
   * Node's {@code blockList.removeAddress(socketAddress)}.
   *
   * @param address the IP address
   */
  public synchronized void removeAddress(SocketAddress address) {
    notNull(address, "address");
    addresses.removeIf(a -> Addresses.same(a.address, address));
  }

  /**
   * Node's {@code blockList.addRange(start, end)}: blocks IPv4 addresses start to end.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   */
  public void addRange(String start, String end) {
    addRange(start, end, "ipv4");
  }

  /**
   * Node's {@code blockList.addRange(start, end, family)}.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void addRange(String start, String end, String family) {
    SocketAddress s = of(start, "start", family);
    addRange(s, of(end, "end", family));
  }

  /**
   * Node's {@code blockList.addRange(start, end)} with SocketAddresses, which may be of different
   * families: an IPv4-mapped IPv6 address compares with IPv4 ones.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   */
  public void addRange(SocketAddress start, SocketAddress end) {
    notNull(start, "start");
    notNull(end, "end");
    if (Addresses.compare(start, end) == Addresses.GREATER) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE", "The argument 'start' must come before end. Received " + start);
    }
    synchronized (this) {
      ranges.addFirst(new RangeRule(start, end));
    }
  }

  /**
   * Node's {@code blockList.removeRange(start, end)}.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   */
  public void removeRange(String start, String end) {
    removeRange(start, end, "ipv4");
  }

  /**
   * Node's {@code blockList.removeRange(start, end, family)}.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void removeRange(String start, String end, String family) {
    SocketAddress s = of(start, "start", family);
    removeRange(s, of(end, "end", family));
  }

  /**
   * Node's {@code blockList.removeRange(start, end)} with SocketAddresses.
   *
   * @param start the first address of the range
   * @param end the last address of the range, inclusive
   */
  public synchronized void removeRange(SocketAddress start, SocketAddress end) {
    notNull(start, "start");
    notNull(end, "end");
    removeFirst(ranges, new RangeRule(start, end));
  }

  /**
   * Node's {@code blockList.addSubnet(network, prefix)}: blocks an IPv4 subnet.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   */
  public void addSubnet(String network, int prefix) {
    addSubnet(network, prefix, "ipv4");
  }

  /**
   * Node's {@code blockList.addSubnet(network, prefix, family)}.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void addSubnet(String network, int prefix, String family) {
    addSubnet(of(network, "network", family), prefix);
  }

  /**
   * Node's {@code blockList.addSubnet(socketAddress, prefix)}.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   */
  public void addSubnet(SocketAddress network, int prefix) {
    notNull(network, "network");
    checkPrefix(network, prefix);
    synchronized (this) {
      subnets.addFirst(new SubnetRule(network, prefix));
    }
  }

  /**
   * Node's {@code blockList.removeSubnet(network, prefix)}.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   */
  public void removeSubnet(String network, int prefix) {
    removeSubnet(network, prefix, "ipv4");
  }

  /**
   * Node's {@code blockList.removeSubnet(network, prefix, family)}.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   */
  public void removeSubnet(String network, int prefix, String family) {
    removeSubnet(of(network, "network", family), prefix);
  }

  /**
   * Node's {@code blockList.removeSubnet(socketAddress, prefix)}.
   *
   * @param network the network address
   * @param prefix the prefix length in bits
   */
  public void removeSubnet(SocketAddress network, int prefix) {
    notNull(network, "network");
    checkPrefix(network, prefix);
    synchronized (this) {
      removeFirst(subnets, new SubnetRule(network, prefix));
    }
  }

  /**
   * Node's {@code blockList.addCIDR(cidr)}: {@code "10.0.0.0/8"} or {@code "fe80::/10"} (IPv6 when
   * the address holds a colon) is {@link #addSubnet(String, int, String)}. A missing or malformed
   * prefix length ({@code /08}, {@code /+8}) throws {@code ERR_INVALID_ARG_VALUE}, as in Node.
   *
   * @param cidr the subnet as CIDR text, such as {@code "10.0.0.0/8"}
   */
  public void addCIDR(String cidr) {
    Cidr c = Cidr.parse(cidr, "cidr");
    addSubnet(c.address, c.prefix(), c.family);
  }

  /**
   * Node's {@code blockList.addCIDRs(cidrs)}: every entry is parsed before any is added, so a
   * malformed one leaves the list as it was (an address or prefix that fails later, in {@link
   * #addSubnet}, stops the adding where it is, as in Node).
   *
   * @param cidrs the subnets as CIDR text
   */
  public void addCIDRs(List<String> cidrs) {
    if (cidrs == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE",
          "The \"cidrs\" argument must be an instance of Array. Received null");
    }
    List<Cidr> parsed = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      String cidr = cidrs.get(i);
      if (cidr == null) notNull(null, "cidrs[" + i + "]");
      parsed.add(Cidr.parse(cidr, "cidr"));
    }
    for (Cidr c : parsed) addSubnet(c.address, c.prefix(), c.family);
  }

  /**
   * Node's {@code blockList.removeCIDR(cidr)}.
   *
   * @param cidr the subnet as CIDR text, such as {@code "10.0.0.0/8"}
   */
  public void removeCIDR(String cidr) {
    Cidr c = Cidr.parse(cidr, "cidr");
    removeSubnet(c.address, c.prefix(), c.family);
  }

  /** Node's {@code blockList.clear()}: removes every rule. */
  public synchronized void clear() {
    addresses.clear();
    subnets.clear();
    ranges.clear();
  }

  /**
   * Node's {@code blockList.size}: how many rules the list holds.
   *
   * @return the number of rules
   */
  public synchronized int size() {
    return addresses.size() + subnets.size() + ranges.size();
  }

  /**
   * Node's {@code blockList.check(address)}: whether a rule blocks this IPv4 address.
   *
   * @param address the IP address
   * @return whether a rule blocks the address
   */
  public boolean check(String address) {
    return check(address, "ipv4");
  }

  /**
   * Node's {@code blockList.check(address, family)}: {@code family} {@code "ipv4"} (in any case)
   * reads an IPv4 address, anything else an IPv6 one; an address that is not one answers false.
   *
   * @param address the IP address
   * @param family {@code "ipv4"} or {@code "ipv6"}, in any case
   * @return whether a rule blocks the address
   */
  public boolean check(String address, String family) {
    notNull(address, "address");
    boolean v4 = family == null || family.toLowerCase(Locale.ROOT).equals("ipv4");
    byte[] b = v4 ? IpAddresses.pton4(address) : IpAddresses.pton6(address);
    return b != null && check(new SocketAddress(b, 0));
  }

  /**
   * Node's {@code blockList.check(socketAddress)}.
   *
   * @param address the IP address
   * @return whether a rule blocks the address
   */
  public synchronized boolean check(SocketAddress address) {
    notNull(address, "address");
    for (Rule r : addresses) if (r.matches(address)) return true;
    for (Rule r : subnets) if (r.matches(address)) return true;
    for (Rule r : ranges) if (r.matches(address)) return true;
    return false;
  }

  /**
   * Node's {@code blockList.rules}: the rules as text, newest first. A copy.
   *
   * @return a copy of the rules
   */
  public synchronized List<String> rules() {
    List<String> out = new ArrayList<>(addresses.size() + subnets.size() + ranges.size());
    for (Rule r : addresses) out.add(r.toString());
    for (Rule r : subnets) out.add(r.toString());
    for (Rule r : ranges) out.add(r.toString());
    return out;
  }

  /**
   * Node's {@code util.inspect(blockList)}: {@code BlockList { rules: [ 'Address: IPv4 1.1.1.1' ]
   * }} on one line when it is short, else one rule a line.
   */
  @Override
  public String toString() {
    List<String> quoted = new ArrayList<>();
    for (String r : rules()) quoted.add(SocketAddress.quoted(r));
    if (quoted.isEmpty()) return "BlockList { rules: [] }";
    String line = "BlockList { rules: [ " + String.join(", ", quoted) + " ] }";
    if (line.length() <= 72 && quoted.size() <= 6) return line;
    return "BlockList {\n  rules: [\n    " + String.join(",\n    ", quoted) + "\n  ]\n}";
  }

  /**
   * Whether {@code list} blocks the peer at {@code ip}, as Node's {@code net} checks one: {@code
   * check(ip, 'ipv' + isIP(ip))}; false without a list or for a non-IP address (a Unix socket).
   */
  static boolean blocks(BlockList list, String ip) {
    if (list == null || ip == null) return false;
    int type = IpAddresses.isIP(ip);
    return type != 0 && list.check(ip, "ipv" + type);
  }

  /** Node's {@code ERR_IP_BLOCKED}: {@code IP(1.2.3.4) is blocked by net.BlockList}. */
  static JnetException blocked(String ip) {
    return new JnetException("ERR_IP_BLOCKED", "IP(" + ip + ") is blocked by net.BlockList");
  }

  /**
   * Removes the newest rule of {@code list} equal to {@code rule}: the same addresses, ports and
   * flow labels included (as Node compares them), and the same prefix.
   */
  private static void removeFirst(List<Rule> list, Rule rule) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).equals(rule)) {
        list.remove(i);
        return;
      }
    }
  }

  private static SocketAddress of(String address, String name, String family) {
    notNull(address, name);
    return new SocketAddress(address, 0, family);
  }

  private static void checkPrefix(SocketAddress network, int prefix) {
    int max = network.rawBytes().length == 4 ? 32 : 128;
    if (prefix < 0 || prefix > max) {
      throw SocketAddress.outOfRange("prefix", ">= 0 && <= " + max, prefix);
    }
  }

  private static void notNull(Object value, String name) {
    if (value == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE",
          "The \"" + name + "\" argument must be of type string. Received null");
    }
  }

  /** Node's {@code parseCIDR}: the address before the last slash, a canonical integer after it. */
  private record Cidr(String address, long prefixValue, String family) {
    static Cidr parse(String cidr, String name) {
      notNull(cidr, name);
      int slash = cidr.lastIndexOf('/');
      if (slash < 0) {
        throw invalidCidr(name, cidr, "must contain a prefix length (e.g. \"10.0.0.0/8\")");
      }
      String address = cidr.substring(0, slash);
      String digits = cidr.substring(slash + 1);
      if (!digits.matches("-?(0|[1-9][0-9]{0,17})") || digits.equals("-0")) {
        throw invalidCidr(name, cidr, "prefix length must be a valid integer");
      }
      return new Cidr(address, Long.parseLong(digits), address.contains(":") ? "ipv6" : "ipv4");
    }

    /** The prefix; one beyond an int fails as an out-of-range prefix, after the address check. */
    int prefix() {
      if (prefixValue == (int) prefixValue) return (int) prefixValue;
      SocketAddress network = new SocketAddress(address, 0, family);
      int max = network.rawBytes().length == 4 ? 32 : 128;
      throw SocketAddress.outOfRange("prefix", ">= 0 && <= " + max, prefixValue);
    }

    private static JnetException invalidCidr(String name, String cidr, String reason) {
      return JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The argument '" + name + "' " + reason + ". Received " + SocketAddress.quoted(cidr));
    }
  }

  /** One rule of the list. */
  private interface Rule {
    boolean matches(SocketAddress address);
  }

  private record AddressRule(SocketAddress address) implements Rule {
    @Override
    public boolean matches(SocketAddress other) {
      return Addresses.same(address, other);
    }

    @Override
    public String toString() {
      return "Address: " + Addresses.familyName(address) + " " + address.address();
    }
  }

  private record RangeRule(SocketAddress start, SocketAddress end) implements Rule {
    @Override
    public boolean matches(SocketAddress a) {
      int low = Addresses.compare(a, start);
      int high = Addresses.compare(a, end);
      return low >= Addresses.SAME && high != Addresses.NOT_COMPARABLE && high <= Addresses.SAME;
    }

    @Override
    public String toString() {
      return "Range: " + Addresses.familyName(start) + " " + start.address() + "-" + end.address();
    }
  }

  private record SubnetRule(SocketAddress network, int prefix) implements Rule {
    @Override
    public boolean matches(SocketAddress a) {
      return Addresses.inNetwork(a, network, prefix);
    }

    @Override
    public String toString() {
      return "Subnet: " + Addresses.familyName(network) + " " + network.address() + "/" + prefix;
    }
  }
}
