package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-dns-lookup-skip.js}. */
@NodeFile("test-net-dns-lookup-skip.js")
class NetDnsLookupSkipTest extends NodeTestCase {
  @Test
  void anIpHostIsNotLookedUp() throws Exception {
    node(
        () -> {
          check("127.0.0.1");
          if (hasIPv6()) check("::1");
        });
  }

  private void check(String address) {
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            client -> {
              client.end();
              server[0].close();
            });
    server[0].listen(
        0,
        address,
        () -> Net.connect(server[0].address().port(), address).on(Socket.LOOKUP, mustNotCallArg()));
  }
}
