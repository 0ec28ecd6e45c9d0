package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.LookupInfo;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-dns-lookup.js}. */
@NodeFile("test-net-dns-lookup.js")
class NetDnsLookupTest extends NodeTestCase {
  @Test
  void connectingToLocalhostEmitsLookup() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  client -> {
                    client.end();
                    server[0].close();
                  });
          server[0].listen(
              0,
              mustCall(
                  () ->
                      Net.connect(server[0].address().port(), "localhost")
                          .on(
                              Socket.LOOKUP,
                              mustCallAtLeast(
                                  (LookupInfo l) -> {
                                    assertNull(l.error());
                                    assertTrue(l.address().matches("^(127\\.0\\.0\\.1|::1)$"));
                                    assertTrue(String.valueOf(l.family()).matches("^(4|6)$"));
                                    assertEquals("localhost", l.host());
                                  },
                                  1))));
        });
  }
}
