package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-reset-until-connected.js}. */
@NodeFile("test-net-connect-reset-until-connected.js")
class NetConnectResetUntilConnectedTest extends NodeTestCase {
  @Test
  void resetOnceBothSidesAreConnectedResetsThePeer() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket conn = Net.connect(server.address().port());
                    int[] count = {2};
                    Runnable connok =
                        () -> {
                          if (--count[0] == 0) conn.resetAndDestroy();
                        };
                    conn.on(Socket.CLOSE, mustCall());
                    server.on(
                        Server.CONNECTION,
                        socket -> {
                          connok.run();
                          socket.on(
                              Socket.ERROR, expectsError("ECONNRESET", "Error", "read ECONNRESET"));
                          server.close();
                        });
                    conn.on(Socket.CONNECT, connok);
                  }));
        });
  }
}
