package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-isip.js}; Node's {@code isIP()} is {@code isIP(null)}. */
@NodeFile(
    value = "test-net-isip.js",
    notPorted =
        "isIP/isIPv4/isIPv6 of 123, true, {} and of objects with a toString: Java's types take"
            + " only a String")
class NetIsipTest {
  @Test
  void isIpNamesTheFamily() {
    assertEquals(4, Net.isIP("127.0.0.1"));
    assertEquals(0, Net.isIP("x127.0.0.1"));
    assertEquals(0, Net.isIP("example.com"));
    assertEquals(6, Net.isIP("0000:0000:0000:0000:0000:0000:0000:0000"));
    assertEquals(0, Net.isIP("0000:0000:0000:0000:0000:0000:0000:0000::0000"));
    assertEquals(6, Net.isIP("1050:0:0:0:5:600:300c:326b"));
    assertEquals(6, Net.isIP("2001:252:0:1::2008:6"));
    assertEquals(6, Net.isIP("2001:dead:beef:1::2008:6"));
    assertEquals(6, Net.isIP("2001::"));
    assertEquals(6, Net.isIP("2001:dead::"));
    assertEquals(6, Net.isIP("2001:dead:beef::"));
    assertEquals(6, Net.isIP("2001:dead:beef:1::"));
    assertEquals(6, Net.isIP("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    assertEquals(0, Net.isIP(":2001:252:0:1::2008:6:"));
    assertEquals(0, Net.isIP(":2001:252:0:1::2008:6"));
    assertEquals(0, Net.isIP("2001:252:0:1::2008:6:"));
    assertEquals(0, Net.isIP("2001:252::1::2008:6"));
    assertEquals(6, Net.isIP("::2001:252:1:2008:6"));
    assertEquals(6, Net.isIP("::2001:252:1:1.1.1.1"));
    assertEquals(6, Net.isIP("::2001:252:1:255.255.255.255"));
    assertEquals(0, Net.isIP("::2001:252:1:255.255.255.255.76"));
    assertEquals(6, Net.isIP("fe80::2008%eth0"));
    assertEquals(6, Net.isIP("fe80::2008%eth0.0"));
    assertEquals(0, Net.isIP("fe80::2008%eth0@1"));
    assertEquals(0, Net.isIP("::anything"));
    assertEquals(6, Net.isIP("::1"));
    assertEquals(6, Net.isIP("::"));
    assertEquals(0, Net.isIP("0000:0000:0000:0000:0000:0000:12345:0000"));
    assertEquals(0, Net.isIP("0"));
    assertEquals(0, Net.isIP(""));
    assertEquals(0, Net.isIP(null));
  }

  @Test
  void isIpv4AndIsIpv6() {
    assertTrue(Net.isIPv4("127.0.0.1"));
    assertFalse(Net.isIPv4("example.com"));
    assertFalse(Net.isIPv4("2001:252:0:1::2008:6"));
    assertFalse(Net.isIPv4(""));
    assertFalse(Net.isIPv4(null));
    assertFalse(Net.isIPv6("127.0.0.1"));
    assertFalse(Net.isIPv6("example.com"));
    assertTrue(Net.isIPv6("2001:252:0:1::2008:6"));
    assertFalse(Net.isIPv6(""));
    assertFalse(Net.isIPv6(null));
  }
}
