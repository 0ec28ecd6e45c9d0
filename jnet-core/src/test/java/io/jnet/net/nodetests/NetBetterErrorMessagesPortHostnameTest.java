package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-better-error-messages-port-hostname.js}: the error of a
 * failing {@code lookup} reaches {@code 'error'} as it is, without a port or host added.
 */
@NodeFile(
    value = "test-net-better-error-messages-port-hostname.js",
    notPorted =
        "the mocked error's errno 'ENOTFOUND' (a String), host and hostname: JnetException's"
            + " errno is a number and it has neither host nor hostname")
class NetBetterErrorMessagesPortHostnameTest extends NodeTestCase {
  @Test
  void aLookupErrorReachesErrorUnchanged() throws Exception {
    node(
        () -> {
          String host = "something.invalid";
          JnetException[] made = new JnetException[1];
          Socket c =
              Net.connect(
                  ConnectOptions.port(0)
                      .host(host)
                      .lookup(
                          (hostname, family, done) ->
                              mustCall(
                                      () -> {
                                        made[0] =
                                            new JnetException(
                                                "Error",
                                                "ENOTFOUND",
                                                "getaddrinfo ENOTFOUND " + hostname,
                                                null,
                                                "getaddrinfo",
                                                null,
                                                null,
                                                null);
                                        done.done(made[0], null);
                                      })
                                  .run()));
          c.on(Socket.CONNECT, mustNotCall());
          c.on(
              Socket.ERROR,
              mustCall(
                  (JnetException error) -> {
                    assertSame(made[0], error);
                    assertNull(error.port()); // Node: !('port' in error)
                    assertNull(error.address());
                    checkError(error, "ENOTFOUND", "Error", "getaddrinfo ENOTFOUND " + host);
                    assertEquals("getaddrinfo", error.syscall());
                  }));
        });
  }
}
