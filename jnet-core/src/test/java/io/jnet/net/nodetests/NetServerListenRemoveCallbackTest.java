package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-listen-remove-callback.js}. */
@NodeFile("test-net-server-listen-remove-callback.js")
class NetServerListenRemoveCallbackTest extends NodeTestCase {
  @Test
  void aListenCallbackIsRemovedOnceItRan() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.on(
              Server.CLOSE,
              mustCall(() -> assertEquals(0, server.listeners(Server.LISTENING).size()), 2));
          server.listen(0, () -> server.close());
          server.once(Server.CLOSE, () -> server.listen(0, () -> server.close()));
        });
  }
}
