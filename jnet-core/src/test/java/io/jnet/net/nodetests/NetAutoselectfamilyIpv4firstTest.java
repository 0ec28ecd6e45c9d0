package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-autoselectfamily-ipv4first.js} (needs IPv6, as Node's). */
@NodeFile("test-net-autoselectfamily-ipv4first.js")
class NetAutoselectfamilyIpv4firstTest extends NodeTestCase {
  @Test
  void theFirstAddressOfTheLookupWinsTheRace() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    node(
        () -> {
          Server ipv4Server =
              Net.createServer(
                  socket ->
                      socket.on(
                          Socket.DATA,
                          mustCall(
                              d -> {
                                socket.write("response-ipv4");
                                socket.end();
                              })));
          Server ipv6Server = Net.createServer(socket -> socket.on(Socket.DATA, mustNotCallArg()));
          ipv4Server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    int port = ipv4Server.address().port();
                    ipv6Server.listen(
                        port,
                        "::1",
                        mustCall(
                            () -> {
                              Socket connection =
                                  Net.connect(
                                      ConnectOptions.port(port)
                                          .host("example.org")
                                          .autoSelectFamily(true)
                                          .lookup(
                                              (host, family, done) ->
                                                  loop()
                                                      .nextTick(
                                                          () ->
                                                              done.done(
                                                                  null,
                                                                  List.of("127.0.0.1", "::1")))));
                              StringBuilder response = new StringBuilder();
                              connection.setEncoding("utf-8");
                              connection.on(Socket.TEXT, response::append);
                              connection.on(
                                  Socket.END,
                                  mustCall(
                                      () -> {
                                        assertEquals("response-ipv4", response.toString());
                                        ipv4Server.close();
                                        ipv6Server.close();
                                      }));
                              connection.write("request");
                            }));
                  }));
        });
  }
}
