package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-autoselectfamily-commandline-option.js}. Node's flag {@code
 * --no-network-family-autoselection} is {@code Net.setDefaultAutoSelectFamily(false)} here. Runs
 * where ::1 can be bound (Node checks other errors elsewhere).
 */
@NodeFile("test-net-autoselectfamily-commandline-option.js")
class NetAutoselectfamilyCommandlineOptionTest extends NodeTestCase {
  private final boolean saved = Net.getDefaultAutoSelectFamily();

  @AfterEach
  void restore() {
    Net.setDefaultAutoSelectFamily(saved);
  }

  @Test
  void withoutAutoSelectionOnlyTheFirstAddressIsTried() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    Net.setDefaultAutoSelectFamily(false);
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
          ipv4Server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    int port = ipv4Server.address().port();
                    Socket connection =
                        Net.connect(
                            ConnectOptions.port(port)
                                .host("example.org")
                                .lookup(
                                    (host, family, done) ->
                                        loop()
                                            .nextTick(
                                                () ->
                                                    done.done(null, List.of("::1", "127.0.0.1")))));
                    connection.on(Socket.READY, mustNotCall());
                    connection.on(
                        Socket.ERROR,
                        mustCall(
                            (JnetException error) -> {
                              assertEquals("ECONNREFUSED", error.code());
                              assertEquals("connect ECONNREFUSED ::1:" + port, error.getMessage());
                              ipv4Server.close();
                              assertNull(connection.autoSelectFamilyAttemptedAddresses());
                            }));
                  }));
        });
  }
}
