package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-close-server-callback-is-not-function.js}. */
@NodeFile(
    value = "test-net-listen-close-server-callback-is-not-function.js",
    notPorted = "close('bad argument'): Java's types take no String as close's callback")
class NetListenCloseServerCallbackIsNotFunctionTest extends NodeTestCase {
  @Test
  void closeRightAfterListenEmitsCloseAndNeverListening() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(mustNotCallArg());
          server.on(Server.CLOSE, mustCall());
          server.listen(0, mustNotCall());
          server.close();
        });
  }
}
