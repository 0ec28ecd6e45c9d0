package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.BlockList;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-blocklist.js}: a connect to a blocked address fails with
 * {@code ERR_IP_BLOCKED}, whether the host is an IP or a lookup answers one address or several,
 * with or without autoSelectFamily.
 */
@NodeFile("test-net-blocklist.js")
class NetBlocklistTest extends NodeTestCase {
  private static void check(JnetException err) {
    assertEquals("ERR_IP_BLOCKED", err.code(), "" + err);
  }

  @Test
  void aBlockedAddressIsNeverConnected() throws Exception {
    node(
        () -> {
          BlockList blockList = new BlockList();
          blockList.addAddress("127.0.0.1");
          blockList.addAddress("127.0.0.2");
          ConnectOptions base = ConnectOptions.port(9999).blockList(blockList);

          // Connect without calling dns.lookup
          Net.connect(base.host("127.0.0.1")).on(Socket.ERROR, mustCall(NetBlocklistTest::check));

          // Connect with single IP returned by dns.lookup
          Net.connect(
                  base.host("localhost")
                      .lookup((host, family, done) -> done.done(null, List.of("127.0.0.1")))
                      .autoSelectFamily(false))
              .on(Socket.ERROR, mustCall(NetBlocklistTest::check));

          // Connect with autoSelectFamily and single IP
          Net.connect(
                  base.host("localhost")
                      .lookup((host, family, done) -> done.done(null, List.of("127.0.0.1")))
                      .autoSelectFamily(true))
              .on(Socket.ERROR, mustCall(NetBlocklistTest::check));

          // Connect with autoSelectFamily and multiple IPs
          Net.connect(
                  base.host("localhost")
                      .lookup(
                          (host, family, done) ->
                              done.done(null, List.of("127.0.0.1", "127.0.0.2")))
                      .autoSelectFamily(true))
              .on(Socket.ERROR, mustCall(NetBlocklistTest::check));
        });
  }
}
