package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.DropInfo;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-drop-connections.js}. */
@NodeFile("test-net-server-drop-connections.js")
class NetServerDropConnectionsTest extends NodeTestCase {
  @Test
  void aConnectionPastMaxConnectionsIsDroppedWithItsAddresses() throws Exception {
    node(
        () -> {
          Socket[] firstSocket = new Socket[1];
          Server dormantServer = Net.createServer(mustNotCallArg());
          Server server = Net.createServer(mustCall((Socket socket) -> firstSocket[0] = socket));
          dormantServer.maxConnections(0);
          server.maxConnections(1);
          dormantServer.on(
              Server.DROP,
              mustCall(
                  (DropInfo data) -> {
                    check(data);
                    dormantServer.close();
                  }));
          server.on(
              Server.DROP,
              mustCall(
                  (DropInfo data) -> {
                    check(data);
                    firstSocket[0].destroy();
                    server.close();
                  }));
          dormantServer.listen(0, () -> Net.connect(dormantServer.address().port()));
          server.listen(
              0,
              () -> {
                Net.connect(server.address().port());
                Net.connect(server.address().port());
              });
        });
  }

  private static void check(DropInfo data) {
    assertNotNull(data.localAddress());
    assertTrue(data.localPort() != 0);
    assertNotNull(data.remoteAddress());
    assertTrue(data.remotePort() != 0);
    assertNotNull(data.remoteFamily());
  }
}
