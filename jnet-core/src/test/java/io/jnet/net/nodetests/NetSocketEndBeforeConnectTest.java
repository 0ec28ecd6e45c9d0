package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-end-before-connect.js}. */
@NodeFile("test-net-socket-end-before-connect.js")
class NetSocketEndBeforeConnectTest extends NodeTestCase {
  @Test
  void endBeforeConnectClosesTheSocket() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              mustCall(
                  () -> {
                    Socket socket = Net.connect(server.address().port());
                    socket.on(Socket.CLOSE, mustCall(() -> server.close()));
                    socket.end();
                  }));
        });
  }
}
