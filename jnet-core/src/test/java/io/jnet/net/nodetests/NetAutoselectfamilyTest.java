package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Lookup;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-autoselectfamily.js}. The attempt timeout is {@code
 * test/common}'s, ten times Node's default. jnet's AggregateError is a JnetException named {@code
 * AggregateError} whose failures are its suppressed exceptions.
 */
@NodeFile(
    value = "test-net-autoselectfamily.js",
    notPorted =
        "the race over six addresses (2606:4700::6810:85e5, 104.20.22.46...): it connects to"
            + " public addresses, which this suite never does")
class NetAutoselectfamilyTest extends NodeTestCase {
  static final int ATTEMPT_TIMEOUT = 2500;

  private Lookup mocked(String... addresses) {
    return (host, family, done) -> loop().nextTick(() -> done.done(null, List.of(addresses)));
  }

  private Server server(String response, boolean mustAnswer) {
    return Net.createServer(
        socket ->
            socket.on(
                Socket.DATA,
                mustAnswer
                    ? mustCall(
                        d -> {
                          socket.write(response);
                          socket.end();
                        })
                    : mustNotCallArg()));
  }

  private Socket raceTo(int port, String... addresses) {
    return Net.connect(
        ConnectOptions.port(port)
            .host("example.org")
            .lookup(mocked(addresses))
            .autoSelectFamily(true)
            .autoSelectFamilyAttemptTimeout(ATTEMPT_TIMEOUT));
  }

  @Test
  void theRaceFallsBackToIpv4() throws Exception {
    node(
        () -> {
          Server ipv4Server = server("response-ipv4", true);
          ipv4Server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    int port = ipv4Server.address().port();
                    Socket connection = raceTo(port, "::1", "127.0.0.1");
                    StringBuilder response = new StringBuilder();
                    connection.setEncoding("utf-8");
                    connection.on(
                        Socket.READY,
                        mustCall(
                            () ->
                                assertEquals(
                                    List.of("::1:" + port, "127.0.0.1:" + port),
                                    connection.autoSelectFamilyAttemptedAddresses())));
                    connection.on(Socket.TEXT, response::append);
                    connection.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              assertEquals("response-ipv4", response.toString());
                              ipv4Server.close();
                            }));
                    connection.write("request");
                  }));
        });
  }

  @Test
  void theRaceTakesIpv6WhenItAnswers() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    node(
        () -> {
          Server ipv4Server = server("response-ipv4", false);
          Server ipv6Server = server("response-ipv6", true);
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
                              Socket connection = raceTo(port, "::1", "127.0.0.1");
                              StringBuilder response = new StringBuilder();
                              connection.setEncoding("utf-8");
                              connection.on(
                                  Socket.READY,
                                  mustCall(
                                      () ->
                                          assertEquals(
                                              List.of("::1:" + port),
                                              connection.autoSelectFamilyAttemptedAddresses())));
                              connection.on(Socket.TEXT, response::append);
                              connection.on(
                                  Socket.END,
                                  mustCall(
                                      () -> {
                                        assertEquals("response-ipv6", response.toString());
                                        ipv4Server.close();
                                        ipv6Server.close();
                                      }));
                              connection.write("request");
                            }));
                  }));
        });
  }

  @Test
  void whenEveryAttemptFailsTheErrorAggregatesThem() throws Exception {
    node(
        () -> {
          Socket connection = raceTo(10, "::1", "127.0.0.1");
          connection.on(Socket.READY, mustNotCall());
          connection.on(
              Socket.ERROR,
              mustCall(
                  (JnetException error) -> {
                    assertEquals(
                        List.of("::1:10", "127.0.0.1:10"),
                        connection.autoSelectFamilyAttemptedAddresses());
                    assertEquals("AggregateError", error.name());
                    assertEquals(2, error.getSuppressed().length);
                    List<String> errors = new ArrayList<>();
                    for (Throwable t : error.getSuppressed()) errors.add(t.getMessage());
                    assertTrue(errors.contains("connect ECONNREFUSED 127.0.0.1:10"), "" + errors);
                    if (hasIPv6()) {
                      assertTrue(errors.contains("connect ECONNREFUSED ::1:10"), "" + errors);
                    }
                  }));
        });
  }

  @Test
  void withoutAutoSelectionOnlyTheFirstAddressIsTried() throws Exception {
    assumeTrue(hasIPv6(), "no IPv6");
    node(
        () -> {
          Server ipv4Server = server("response-ipv4", true);
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
                                .lookup(mocked("::1", "127.0.0.1"))
                                .autoSelectFamily(false));
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
