package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-during-close.js}: reading a connecting client's remote
 * address, family and port while its server closes throws nothing. Node's {@code process.exit(0)}
 * is a {@code destroy()} here.
 */
@NodeFile("test-net-during-close.js")
class NetDuringCloseTest extends NodeTestCase {
  @Test
  void remoteFieldsOfAConnectingClientAreReadableWhileTheServerCloses() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(socket -> socket.end());
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket client = Net.connect(server.address().port());
                    server.close();
                    client.remoteAddress();
                    client.remoteFamily();
                    client.remotePort();
                    client.destroy();
                  }));
        });
  }
}
