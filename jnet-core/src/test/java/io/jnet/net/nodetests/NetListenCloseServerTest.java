package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-close-server.js}. */
@NodeFile("test-net-listen-close-server.js")
class NetListenCloseServerTest extends NodeTestCase {
  @Test
  void closeRightAfterListenNeitherListensNorErrs() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(mustNotCallArg());
          server.listen(0, mustNotCall());
          server.on(Server.ERROR, mustNotCallArg());
          server.close();
        });
  }
}
