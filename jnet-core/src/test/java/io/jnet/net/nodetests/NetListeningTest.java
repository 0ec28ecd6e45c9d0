package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listening.js}. */
@NodeFile("test-net-listening.js")
class NetListeningTest extends NodeTestCase {
  @Test
  void listeningFollowsListenAndClose() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          assertFalse(server.listening());
          server.listen(
              0,
              mustCall(
                  () -> {
                    assertTrue(server.listening());
                    server.close(mustCall((JnetException e) -> assertFalse(server.listening())));
                  }));
        });
  }
}
