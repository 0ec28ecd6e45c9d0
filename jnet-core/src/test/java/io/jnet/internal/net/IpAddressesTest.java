package io.jnet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.AddressInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddressesTest {
  @Test
  void isIpAgreesWithNodeOnRecordedVectors() {
    List<String> wrong = new ArrayList<>();
    List<String[]> rows = NodeTable.rows("node-isip.tsv");
    for (String[] row : rows) {
      String input = URLDecoder.decode(row[1], StandardCharsets.UTF_8);
      int expected = Integer.parseInt(row[0]);
      if (IpAddresses.isIP(input) != expected) wrong.add("'" + input + "' -> " + expected);
      if (IpAddresses.isIPv4(input) != (expected == 4)) wrong.add("isIPv4 '" + input + "'");
      if (IpAddresses.isIPv6(input) != (expected == 6)) wrong.add("isIPv6 '" + input + "'");
    }
    assertTrue(rows.size() > 90, "vectors: " + rows.size());
    assertEquals(List.of(), wrong);
  }

  @Test
  void nullIsNoAddress() {
    assertEquals(0, IpAddresses.isIP(null));
  }

  @Test
  void ipv6PrintsCompressedLowercase() throws Exception {
    assertEquals("::1", IpAddresses.format(InetAddress.getByName("::1"), true));
    assertEquals("::", IpAddresses.format(InetAddress.getByName("::"), true));
    assertEquals(
        "2001:db8::ff00:42:8329",
        IpAddresses.format(InetAddress.getByName("2001:DB8:0:0:0:FF00:42:8329"), true));
    assertEquals("1:0:2::", IpAddresses.format(InetAddress.getByName("1:0:2:0:0:0:0:0"), true));
    assertEquals("1:0:0:2::3", IpAddresses.format(InetAddress.getByName("1:0:0:2:0:0:0:3"), true));
  }

  @Test
  void ipv4OnIpv6SocketPrintsMapped() throws Exception {
    AddressInfo info =
        IpAddresses.info(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80), true);
    assertEquals(new AddressInfo("::ffff:127.0.0.1", "IPv6", 80), info);
  }

  @Test
  void ipv4OnIpv4SocketPrintsPlain() throws Exception {
    AddressInfo info =
        IpAddresses.info(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80), false);
    assertEquals(new AddressInfo("127.0.0.1", "IPv4", 80), info);
  }

  @Test
  void ipv4CompatibleAddressPrintsDottedTail() {
    byte[] b = new byte[16];
    b[12] = 1;
    b[13] = 2;
    b[14] = 3;
    b[15] = 4;
    assertEquals("::1.2.3.4", IpAddresses.ntop6(b));
  }

  @Test
  void lastGroupAloneAfterZerosPrintsInHexAsNode24Does() {
    byte[] b = new byte[16];
    b[15] = 2;
    assertEquals("::2", IpAddresses.ntop6(b));
  }

  @Test
  void ptonReadsWhatNodeAcceptsAndDropsTheZone() {
    assertEquals("::ffff:1.2.3.4", IpAddresses.ntop(IpAddresses.pton6("::FFFF:102:304")));
    assertEquals("fe80::1", IpAddresses.ntop(IpAddresses.pton6("fe80::1%eth0")));
    assertEquals("1.2.3.4", IpAddresses.ntop(IpAddresses.pton4("1.2.3.4")));
    assertEquals(null, IpAddresses.pton4("01.2.3.4"));
    assertEquals(null, IpAddresses.pton6("1::2::3"));
  }
}
