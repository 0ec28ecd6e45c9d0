package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-destroy-twice.js}. */
@NodeFile("test-net-socket-destroy-twice.js")
class NetSocketDestroyTwiceTest extends NodeTestCase {
  @Test
  void destroyInTheErrorListenerClosesOnce() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(0);
          int port = server.address().port();
          Socket conn = Net.connect(port);
          conn.on(Socket.ERROR, mustCall(e -> conn.destroy()));
          conn.on(Socket.CLOSE, mustCall());
          server.close();
        });
  }
}
