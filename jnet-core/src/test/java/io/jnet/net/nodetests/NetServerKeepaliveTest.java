package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-keepalive.js}. */
@NodeFile(
    value = "test-net-server-keepalive.js",
    notPorted =
        "that keepAlive reaches the accepted handle's setKeepAlive with the server's delay, and"
            + " that a repeated setKeepAlive(true, d) reaches it only for a new delay: checked on"
            + " Node's _handle internals")
class NetServerKeepaliveTest extends NodeTestCase {
  @Test
  void aKeepAliveServerAcceptsAndSetKeepAliveIsHarmless() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  ServerOptions.defaults().keepAlive(true).keepAliveInitialDelay(1000),
                  mustCall(
                      (Socket socket) -> {
                        socket.setKeepAlive(true, 1000);
                        socket.setKeepAlive(true, 2000);
                        socket.setKeepAlive(true, 3000);
                        socket.destroy();
                        server[0].close();
                      }));
          server[0].listen(0, mustCall(() -> Net.connect(server[0].address().port())));
        });
  }
}
