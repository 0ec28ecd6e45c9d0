package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-unref.js}. */
@NodeFile("test-net-server-unref.js")
class NetServerUnrefTest extends NodeTestCase {
  @Test
  void anUnrefdListeningServerLetsTheLoopEnd() throws Exception {
    node(
        () -> {
          Server s = Net.createServer();
          s.listen(0);
          s.unref();
          loop().setTimeout(mustNotCall(), 1000).unref();
        });
  }
}
