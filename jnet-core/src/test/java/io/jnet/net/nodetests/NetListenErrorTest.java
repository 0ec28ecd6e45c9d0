package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-error.js}. */
@NodeFile("test-net-listen-error.js")
class NetListenErrorTest extends NodeTestCase {
  @Test
  void listenOnAForeignAddressErrs() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(mustNotCallArg());
          server.listen(1, "1.1.1.1", mustNotCall());
          server.on(Server.ERROR, mustCallArg(1));
        });
  }
}
