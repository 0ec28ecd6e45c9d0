package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-try-ports.js}. */
@NodeFile("test-net-server-try-ports.js")
class NetServerTryPortsTest extends NodeTestCase {
  @Test
  void aServerMayListenAgainAfterEaddrinuse() throws Exception {
    node(
        () -> {
          Server server1 = Net.createServer();
          Server server2 = Net.createServer();
          server2.on(
              Server.ERROR,
              mustCall(
                  (JnetException e) -> {
                    assertEquals("EADDRINUSE", e.code());
                    server2.listen(
                        0,
                        mustCall(
                            () -> {
                              server1.close();
                              server2.close();
                            }));
                  }));
          server1.listen(0, mustCall(() -> server2.listen(server1.address().port())));
        });
  }
}
