package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.error.JnetException;
import io.jnet.net.SocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Node's {@code test/parallel/test-socketaddress.js} (the {@code net.SocketAddress} tests), on
 * jnet's SocketAddress.
 *
 * <p>Not ported: cloning through a MessageChannel and the internal {@code InternalSocketAddress}
 * (no Java counterpart), and wrong argument types (a number or an object where a string is wanted)
 * that Java's types rule out. Node's current test expects {@code parse} to keep an explicit port
 * 80; Node 24 reads it as http's default port, 0, and that is asserted here (see {@code
 * blocklist/vectors.txt}).
 */
class SocketAddressNodeTest {
  private static void assertAddress(
      SocketAddress sa, String address, int port, String family, long flowlabel) {
    assertEquals(address, sa.address());
    assertEquals(port, sa.port());
    assertEquals(family, sa.family());
    assertEquals(flowlabel, sa.flowlabel());
  }

  private static void assertCode(String code, Executable call) {
    assertEquals(code, assertThrows(JnetException.class, call).code());
  }

  @Test
  void hasReasonableDefaults() {
    assertAddress(new SocketAddress(), "127.0.0.1", 0, "ipv4", 0);
    assertAddress(new SocketAddress(null, 0, null, 0), "127.0.0.1", 0, "ipv4", 0);
  }

  @Test
  void interpretsSimpleIpv4Correctly() {
    assertAddress(new SocketAddress("123.123.123.123"), "123.123.123.123", 0, "ipv4", 0);
  }

  @Test
  void setsThePortCorrectly() {
    assertAddress(new SocketAddress("123.123.123.123", 80), "123.123.123.123", 80, "ipv4", 0);
  }

  @Test
  void interpretsSimpleIpv6Correctly() {
    assertAddress(new SocketAddress(null, 0, "ipv6"), "::", 0, "ipv6", 0);
  }

  @Test
  void usesTheFlowlabelCorrectly() {
    assertAddress(new SocketAddress(null, 0, "ipv6", 1), "::", 0, "ipv6", 1);
  }

  @Test
  void validatesInputCorrectly() {
    for (String family : new String[] {"test", "", "ipv5"}) {
      assertCode("ERR_INVALID_ARG_VALUE", () -> new SocketAddress(null, 0, family));
    }
    assertCode("ERR_SOCKET_BAD_PORT", () -> new SocketAddress(null, -1));
    assertCode("ERR_SOCKET_BAD_PORT", () -> new SocketAddress(null, 65536));
    assertCode("ERR_OUT_OF_RANGE", () -> new SocketAddress(null, 0, null, -1));
    assertCode("ERR_INVALID_ADDRESS", () -> new SocketAddress("not an ip"));
  }

  @Test
  void parseWorksAsExpected() {
    Object[][] good = {
      {"1.2.3.4", "1.2.3.4", 0, "ipv4"},
      {"192.168.257:1", "192.168.1.1", 1, "ipv4"},
      {"256", "0.0.1.0", 0, "ipv4"},
      {"999999999:12", "59.154.201.255", 12, "ipv4"},
      {"0xffffffff", "255.255.255.255", 0, "ipv4"},
      {"0x.0x.0", "0.0.0.0", 0, "ipv4"},
      {"[1:0::]", "1::", 0, "ipv6"},
      {"[1::8]:123", "1::8", 123, "ipv6"},
      {"127.0.0.1:80", "127.0.0.1", 0, "ipv4"},
      {"127.0.0.1:443", "127.0.0.1", 443, "ipv4"},
      {"[::1]:80", "::1", 0, "ipv6"},
      {"[::1]:443", "::1", 443, "ipv6"},
      {"user:80@1.2.3.4", "1.2.3.4", 0, "ipv4"},
      {"user:80@1.2.3.4:80", "1.2.3.4", 0, "ipv4"},
      {"user:80@1.2.3.4:123", "1.2.3.4", 123, "ipv4"},
      {"user:80@[::1]", "::1", 0, "ipv6"},
      {"user:80@[::1]:80", "::1", 0, "ipv6"},
      {"user:80@[::1]:123", "::1", 123, "ipv6"},
    };
    for (Object[] g : good) {
      SocketAddress addr = SocketAddress.parse((String) g[0]);
      assertEquals(g[1], addr.address(), (String) g[0]);
      assertEquals(g[2], addr.port(), (String) g[0]);
      assertEquals(g[3], addr.family(), (String) g[0]);
    }
    for (String bad : new String[] {"not an ip", "abc.123", "259.1.1.1", "12:12:12"}) {
      assertNull(SocketAddress.parse(bad), bad);
    }
  }
}
