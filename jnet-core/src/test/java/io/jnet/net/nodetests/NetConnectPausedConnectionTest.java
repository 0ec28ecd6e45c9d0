package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-paused-connection.js}. */
@NodeFile("test-net-connect-paused-connection.js")
class NetConnectPausedConnectionTest extends NodeTestCase {
  @Test
  void aPausedClientDoesNotKeepTheLoopAlive() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] = Net.createServer(conn -> conn.unref());
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    Net.connect(server[0].address().port(), "localhost").pause();
                    loop().setTimeout(mustNotCall("expected to exit"), 1000).unref();
                  }));
          server[0].unref();
        });
  }
}
