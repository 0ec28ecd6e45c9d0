package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-better-error-messages-listen.js}. */
@NodeFile("test-net-better-error-messages-listen.js")
class NetBetterErrorMessagesListenTest extends NodeTestCase {
  @Test
  void aListenErrorCarriesAddressPortAndSyscall() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(mustNotCallArg());
          server.listen(1, "1.1.1.1", mustNotCall());
          server.on(
              Server.ERROR,
              mustCall(
                  (JnetException e) -> {
                    assertEquals("1.1.1.1", e.address());
                    assertEquals(1, e.port());
                    assertEquals("listen", e.syscall());
                  }));
        });
  }
}
