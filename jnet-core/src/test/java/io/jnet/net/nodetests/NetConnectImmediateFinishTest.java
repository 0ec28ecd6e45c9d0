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
 * Node's {@code test/parallel/test-net-connect-immediate-finish.js}: {@code end()} right after a
 * connect whose lookup fails still reports the lookup's error, unchanged.
 */
@NodeFile(
    value = "test-net-connect-immediate-finish.js",
    notPorted =
        "the mocked error's errno 'ENOTFOUND' (a String), host and hostname: JnetException's"
            + " errno is a number and it has neither host nor hostname")
class NetConnectImmediateFinishTest extends NodeTestCase {
  @Test
  void endRightAfterAFailingLookupReportsTheLookupError() throws Exception {
    node(
        () -> {
          JnetException[] made = new JnetException[1];
          Socket client =
              Net.connect(
                  ConnectOptions.port(80)
                      .host("something.invalid")
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
                                  .run()),
                  mustNotCall());
          client.once(
              Socket.ERROR,
              mustCall(
                  (JnetException error) -> {
                    assertSame(made[0], error);
                    assertNull(error.port()); // Node: !('port' in error)
                    assertNull(error.address());
                    checkError(error, "ENOTFOUND", null, "getaddrinfo ENOTFOUND something.invalid");
                    assertEquals("getaddrinfo", error.syscall());
                  }));
          client.end();
        });
  }
}
