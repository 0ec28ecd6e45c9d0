package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-close.js}. */
@NodeFile("test-net-server-close.js")
class NetServerCloseTest extends NodeTestCase {
  @Test
  void closeWaitsForTheConnectionsDestroyedAfterIt() throws Exception {
    node(
        () -> {
          List<Socket> sockets = new ArrayList<>();
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  c -> {
                    c.on(Socket.CLOSE, mustCall());
                    sockets.add(c);
                    if (sockets.size() == 2) {
                      assertSame(server[0], server[0].close());
                      sockets.forEach(Socket::destroy);
                    }
                  });
          server[0].on(Server.CLOSE, mustCall());
          assertSame(
              server[0],
              server[0].listen(
                  0,
                  () -> {
                    Net.connect(server[0].address().port());
                    Net.connect(server[0].address().port());
                  }));
        });
  }
}
