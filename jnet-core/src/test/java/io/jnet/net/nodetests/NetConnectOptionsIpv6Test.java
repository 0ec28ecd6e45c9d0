package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-options-ipv6.js} (needs IPv6, as Node's). */
@NodeFile("test-net-connect-options-ipv6.js")
class NetConnectOptionsIpv6Test extends NodeTestCase {
  @Test
  void familySixReachesTheLookupAndConnectsToIpv6() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    node(
        () -> {
          String hostAddrIPv6 = "::1";
          String hostname = "dummy";
          Server server =
              Net.createServer(
                  ServerOptions.defaults().allowHalfOpen(true),
                  socket -> {
                    socket.resume();
                    socket.on(Socket.END, mustCall());
                    socket.end();
                  });
          server.listen(
              0,
              hostAddrIPv6,
              () -> {
                Socket[] client = new Socket[1];
                client[0] =
                    Net.connect(
                        ConnectOptions.port(server.address().port())
                            .host(hostname)
                            .family(6)
                            .allowHalfOpen(true)
                            .lookup(
                                (addr, family, done) ->
                                    mustCall(
                                            () -> {
                                              assertEquals(hostname, addr);
                                              assertEquals(6, family);
                                              done.done(null, List.of(hostAddrIPv6));
                                            })
                                        .run()),
                        () -> {
                          client[0].resume();
                          client[0].on(
                              Socket.END,
                              () ->
                                  loop()
                                      .setTimeout(
                                          () -> {
                                            assertTrue(client[0].writable());
                                            client[0].end();
                                          },
                                          10));
                          client[0].on(Socket.CLOSE, () -> server.close());
                        });
              });
        });
  }
}
