package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.BlockList;
import io.jnet.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Node's {@code test/parallel/test-blocklist.js}, assertion by assertion, on jnet's BlockList.
 *
 * <p>Node's checks of wrong argument types (numbers, arrays, objects, BigInts where a string is
 * wanted) cannot be written in Java; of those, only null is kept, and a null family is Node's
 * omitted one (the default {@code "ipv4"}), not a wrong type. Where Node 24 answers differently
 * from the test's current version (duplicate subnets are listed twice), Node 24's answer is kept,
 * as recorded in {@code blocklist/vectors.txt}. {@code test-blocklist-clone.js} sends a list
 * through a MessageChannel, which Java has no counterpart of: not ported.
 */
class BlockListNodeTest {
  private static void assertCode(String code, Executable call) {
    assertEquals(code, assertThrows(JnetException.class, call).code());
  }

  @Test
  void badArgumentsThrowNodesCodes() {
    BlockList blockList = new BlockList();
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.addAddress((String) null));
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.addAddress((SocketAddress) null));
    assertCode("ERR_INVALID_ARG_VALUE", () -> blockList.addAddress("1.1.1.1", "foo"));
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.addRange(null, "1.1.1.2"));
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.addRange("1.1.1.1", null));
    assertCode("ERR_INVALID_ARG_VALUE", () -> blockList.addRange("1.1.1.1", "1.1.1.2", "foo"));
  }

  @Test
  void addressesOfBothFamiliesAndMappedOnes() {
    BlockList blockList = new BlockList();
    blockList.addAddress("1.1.1.1");
    blockList.addAddress("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6");
    blockList.addAddress("::ffff:1.1.1.2", "ipv6");

    assertTrue(blockList.check("1.1.1.1"));
    assertFalse(blockList.check("1.1.1.1", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17"));
    assertTrue(blockList.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6"));
    assertTrue(blockList.check("::ffff:1.1.1.1", "ipv6"));
    assertTrue(blockList.check("::ffff:1.1.1.1", "IPV6"));
    assertTrue(blockList.check("1.1.1.2"));
    assertFalse(blockList.check("1.2.3.4"));
    assertFalse(blockList.check("::1", "ipv6"));
  }

  @Test
  void removedAddressesNoLongerMatch() {
    BlockList blockList = new BlockList();
    SocketAddress sa = new SocketAddress("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", 0, "ipv6");
    blockList.addAddress("1.1.1.1");
    blockList.addAddress(sa);
    blockList.removeAddress("1.1.1.1");
    blockList.removeAddress(sa);
    assertFalse(blockList.check("1.1.1.1"));
    assertFalse(blockList.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6"));
  }

  @Test
  void anAddressAddedTwiceIsOneRule() {
    BlockList blockList = new BlockList();
    blockList.addAddress("1.1.1.1");
    blockList.addAddress("1.1.1.1");
    assertEquals(List.of("Address: IPv4 1.1.1.1"), blockList.rules());
    blockList.removeAddress("1.1.1.1");
    assertFalse(blockList.check("1.1.1.1"));
  }

  @Test
  void socketAddressesAsRulesAndAsChecks() {
    BlockList blockList = new BlockList();
    SocketAddress sa1 = new SocketAddress("1.1.1.1");
    SocketAddress sa2 = new SocketAddress("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", 0, "ipv6");
    SocketAddress sa3 = new SocketAddress("1.1.1.2");
    blockList.addAddress(sa1);
    blockList.addAddress(sa2);
    blockList.addAddress("::ffff:1.1.1.2", "ipv6");

    assertTrue(blockList.check("1.1.1.1"));
    assertTrue(blockList.check(sa1));
    assertFalse(blockList.check("1.1.1.1", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17"));
    assertTrue(blockList.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6"));
    assertTrue(blockList.check(sa2));
    assertTrue(blockList.check("::ffff:1.1.1.1", "ipv6"));
    assertTrue(blockList.check("::ffff:1.1.1.1", "IPV6"));
    assertTrue(blockList.check("1.1.1.2"));
    assertTrue(blockList.check(sa3));
    assertFalse(blockList.check("1.2.3.4"));
    assertFalse(blockList.check("::1", "ipv6"));
  }

  @Test
  void rangesIncludeBothEnds() {
    BlockList blockList = new BlockList();
    blockList.addRange("1.1.1.1", "1.1.1.10");
    blockList.addRange("::1", "::f", "ipv6");
    assertRangesBlocked(blockList);
  }

  @Test
  void rangesOfSocketAddresses() {
    BlockList blockList = new BlockList();
    blockList.addRange(new SocketAddress("1.1.1.1"), new SocketAddress("1.1.1.10"));
    blockList.addRange(new SocketAddress("::1", 0, "ipv6"), new SocketAddress("::f", 0, "ipv6"));
    assertRangesBlocked(blockList);
  }

  private static void assertRangesBlocked(BlockList blockList) {
    assertFalse(blockList.check("1.1.1.0"));
    for (int n = 1; n <= 10; n++) assertTrue(blockList.check("1.1.1." + n));
    assertFalse(blockList.check("1.1.1.11"));
    assertFalse(blockList.check("::0", "ipv6"));
    for (int n = 0x1; n <= 0xf; n++) {
      String a = "::" + Integer.toHexString(n);
      assertTrue(blockList.check(a, "ipv6"), a + " check failed");
    }
    assertFalse(blockList.check("::10", "ipv6"));
  }

  @Test
  void subnetsOfBothFamilies() {
    BlockList blockList = new BlockList();
    blockList.addSubnet("1.1.1.0", 16);
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
    assertTrue(blockList.check("1.1.0.1"));
    assertTrue(blockList.check("1.1.1.1"));
    assertFalse(blockList.check("1.2.0.1"));
    assertTrue(blockList.check("::ffff:1.1.0.1", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45:f::", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45::f", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4f45::f", "ipv6"));
  }

  @Test
  void aSubnetIsRemovedOnlyWithItsOwnPrefix() {
    BlockList blockList = new BlockList();
    blockList.addSubnet("1.1.1.0", 16);
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
    blockList.removeSubnet("1.1.1.0", 16);
    blockList.removeSubnet("8592:757c:efae:4e45::", 32, "ipv6");
    assertEquals(List.of("Subnet: IPv6 8592:757c:efae:4e45::/64"), blockList.rules());
    assertFalse(blockList.check("1.1.0.1"));
    assertFalse(blockList.check("1.1.1.1"));
    assertFalse(blockList.check("1.2.0.1"));
    assertFalse(blockList.check("::ffff:1.1.0.1", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45:f::", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45::f", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4f45::f", "ipv6"));
  }

  @Test
  void aSubnetAddedTwiceIsListedTwiceInNode24() {
    BlockList blockList = new BlockList();
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
    // Node's current test expects one rule; Node 24 lists both.
    assertEquals(
        List.of("Subnet: IPv6 8592:757c:efae:4e45::/64", "Subnet: IPv6 8592:757c:efae:4e45::/64"),
        blockList.rules());
    assertTrue(blockList.check("8592:757c:efae:4e45:f::", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45::f", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4f45::f", "ipv6"));
  }

  @Test
  void subnetOfASocketAddress() {
    BlockList blockList = new BlockList();
    blockList.addSubnet(new SocketAddress("1.1.1.0"), 16);
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
    assertTrue(blockList.check("1.1.0.1"));
    assertTrue(blockList.check(new SocketAddress("1.1.1.1")));
    assertFalse(blockList.check("1.2.0.1"));
    assertTrue(blockList.check("::ffff:1.1.0.1", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45:f::", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45::f", "ipv6"));
    assertFalse(blockList.check("8592:757c:efae:4f45::f", "ipv6"));
  }

  @Test
  void rulesListEveryKindAndFamilyIsCaseInsensitive() {
    BlockList blockList = new BlockList();
    blockList.addAddress("1.1.1.1");
    blockList.addRange("10.0.0.1", "10.0.0.10");
    blockList.addSubnet("8592:757c:efae:4e45::", 64, "IpV6");
    // Node 24's order: addresses, then subnets, then ranges (Node's current test expects
    // newest first).
    assertEquals(
        List.of(
            "Address: IPv4 1.1.1.1",
            "Subnet: IPv6 8592:757c:efae:4e45::/64",
            "Range: IPv4 10.0.0.1-10.0.0.10"),
        blockList.rules());
    assertTrue(blockList.check("1.1.1.1"));
    assertTrue(blockList.check("10.0.0.5"));
    assertTrue(blockList.check("::ffff:10.0.0.5", "ipv6"));
    assertTrue(blockList.check("8592:757c:efae:4e45::f", "ipv6"));
    assertFalse(blockList.check("123.123.123.123"));
    assertFalse(blockList.check("8592:757c:efaf:4e45:fb5d:d62a:0d00:8e17", "ipv6"));
    assertFalse(blockList.check("::ffff:123.123.123.123", "ipv6"));
  }

  @Test
  void prefixesThatAreNotByteAligned() {
    BlockList blockList = new BlockList();
    blockList.addSubnet("10.0.0.0", 27);
    blockList.addSubnet("8592:757c:efaf::", 51, "ipv6");
    for (int n = 0; n <= 31; n++) assertTrue(blockList.check("10.0.0." + n));
    assertFalse(blockList.check("10.0.0.32"));
    assertTrue(blockList.check("8592:757c:efaf:0:0:0:0:0", "ipv6"));
    assertTrue(blockList.check("8592:757c:efaf:1fff:ffff:ffff:ffff:ffff", "ipv6"));
    assertFalse(blockList.check("8592:757c:efaf:2fff:ffff:ffff:ffff:ffff", "ipv6"));
  }

  @Test
  void ipv4RangeChecksMappedAddressesToo() {
    // Node's regression test for nodejs/node#39074.
    BlockList blockList = new BlockList();
    blockList.addRange("10.0.0.2", "10.0.0.10");
    assertTrue(blockList.check("10.0.0.2"));
    assertTrue(blockList.check("10.0.0.10"));
    assertFalse(blockList.check("192.168.0.3"));
    assertFalse(blockList.check("2.2.2.2"));
    assertFalse(blockList.check("255.255.255.255"));
    assertTrue(blockList.check("::ffff:0a00:0002", "ipv6"));
    assertTrue(blockList.check("::ffff:0a00:000a", "ipv6"));
    assertFalse(blockList.check("::ffff:c0a8:0003", "ipv6"));
    assertFalse(blockList.check("::ffff:0202:0202", "ipv6"));
    assertFalse(blockList.check("::ffff:ffff:ffff", "ipv6"));
  }

  @Test
  void rangeStartAfterEndIsAnInvalidValue() {
    BlockList blockList = new BlockList();
    assertCode("ERR_INVALID_ARG_VALUE", () -> blockList.addRange("1.1.1.2", "1.1.1.1"));
  }

  @Test
  void subnetArgumentsAreChecked() {
    BlockList blockList = new BlockList();
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.addSubnet((String) null, 1));
    assertCode("ERR_INVALID_ARG_VALUE", () -> blockList.addSubnet("", 1, ""));
    assertCode("ERR_OUT_OF_RANGE", () -> blockList.addSubnet("1.1.1.1", -1, "ipv4"));
    assertCode("ERR_OUT_OF_RANGE", () -> blockList.addSubnet("1.1.1.1", 33, "ipv4"));
    assertCode("ERR_OUT_OF_RANGE", () -> blockList.addSubnet("::", -1, "ipv6"));
    assertCode("ERR_OUT_OF_RANGE", () -> blockList.addSubnet("::", 129, "ipv6"));
  }

  @Test
  void checkOfNullIsATypeError() {
    BlockList blockList = new BlockList();
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.check((String) null));
    assertCode("ERR_INVALID_ARG_TYPE", () -> blockList.check((SocketAddress) null));
  }

  @Test
  void inspectShowsTheRules() {
    assertTrue(new BlockList().toString().contains("rules: []"));
    BlockList one = new BlockList();
    one.addAddress("1.1.1.1");
    assertEquals("BlockList { rules: [ 'Address: IPv4 1.1.1.1' ] }", one.toString());
  }
}
