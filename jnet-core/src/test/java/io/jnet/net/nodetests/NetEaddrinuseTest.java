package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-eaddrinuse.js}. */
@NodeFile("test-net-eaddrinuse.js")
class NetEaddrinuseTest extends NodeTestCase {
  @Test
  void listenOnAPortInUseErrsEaddrinuse() throws Exception {
    node(
        () -> {
          Server server1 = Net.createServer(mustNotCallArg());
          Server server2 = Net.createServer(mustNotCallArg());
          server1.listen(
              0,
              mustCall(
                  () -> {
                    server2.on(
                        Server.ERROR,
                        (JnetException error) -> {
                          assertTrue(error.getMessage().contains("EADDRINUSE"));
                          server1.close();
                        });
                    server2.listen(server1.address().port());
                  }));
        });
  }
}
