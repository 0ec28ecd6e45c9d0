package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Lookup;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-autoselectfamily-default.js}. Node's two blocks share one
 * process and change the default in turn; here each is a test that restores it. The attempt timeout
 * is {@code test/common}'s, ten times Node's default.
 */
@NodeFile("test-net-autoselectfamily-default.js")
class NetAutoselectfamilyDefaultTest extends NodeTestCase {
  private final boolean saved = Net.getDefaultAutoSelectFamily();

  @AfterEach
  void restore() {
    Net.setDefaultAutoSelectFamily(saved);
  }

  private Lookup mocked() {
    return (host, family, done) ->
        loop().nextTick(() -> done.done(null, List.of("::1", "127.0.0.1")));
  }

  private Server ipv4Server() {
    return Net.createServer(
        socket ->
            socket.on(
                Socket.DATA,
                mustCall(
                    d -> {
                      socket.write("response-ipv4");
                      socket.end();
                    })));
  }

  @Test
  void withTheDefaultOnTheRaceFallsBackToIpv4() throws Exception {
    node(
        () -> {
          Server server = ipv4Server();
          server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    Net.setDefaultAutoSelectFamily(true);
                    Socket connection =
                        Net.connect(
                            ConnectOptions.port(server.address().port())
                                .host("example.org")
                                .lookup(mocked())
                                .autoSelectFamilyAttemptTimeout(2500));
                    StringBuilder response = new StringBuilder();
                    connection.setEncoding("utf-8");
                    connection.on(Socket.TEXT, response::append);
                    connection.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              assertEquals("response-ipv4", response.toString());
                              server.close();
                            }));
                    connection.write("request");
                  }));
        });
  }

  @Test
  void withTheDefaultOffOnlyTheFirstAddressIsTried() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    node(
        () -> {
          Server server = ipv4Server();
          server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    Net.setDefaultAutoSelectFamily(false);
                    int port = server.address().port();
                    Socket connection =
                        Net.connect(ConnectOptions.port(port).host("example.org").lookup(mocked()));
                    connection.on(Socket.READY, mustNotCall());
                    connection.on(
                        Socket.ERROR,
                        mustCall(
                            (JnetException error) -> {
                              assertEquals("ECONNREFUSED", error.code());
                              assertEquals("connect ECONNREFUSED ::1:" + port, error.getMessage());
                              server.close();
                            }));
                  }));
        });
  }
}
