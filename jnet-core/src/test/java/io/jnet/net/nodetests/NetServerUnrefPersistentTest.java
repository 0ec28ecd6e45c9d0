package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-unref-persistent.js}. */
@NodeFile("test-net-server-unref-persistent.js")
class NetServerUnrefPersistentTest extends NodeTestCase {
  @Test
  void unrefBeforeListenStillLetsTheLoopEnd() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.unref();
          server.listen();
          loop().setTimeout(mustNotCall(), 1000).unref();
        });
  }
}
