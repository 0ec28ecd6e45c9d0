package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-immediate-destroy.js}. */
@NodeFile("test-net-connect-immediate-destroy.js")
class NetConnectImmediateDestroyTest extends NodeTestCase {
  @Test
  void destroyRightAfterConnectNeitherConnectsNorErrs() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(0);
          int port = server.address().port();
          Socket socket = Net.connect(port, "127.0.0.1", mustNotCall());
          socket.on(Socket.ERROR, mustNotCallArg());
          server.close();
          socket.destroy();
        });
  }
}
