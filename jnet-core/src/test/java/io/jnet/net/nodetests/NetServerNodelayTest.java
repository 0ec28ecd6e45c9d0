package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-nodelay.js}. */
@NodeFile(
    value = "test-net-server-nodelay.js",
    notPorted =
        "that noDelay reaches the accepted handle's setNoDelay once, and setNoDelay(true) again"
            + " does not: checked on Node's _handle internals")
class NetServerNodelayTest extends NodeTestCase {
  @Test
  void aNoDelayServerAcceptsAndSetNoDelayIsHarmless() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  ServerOptions.defaults().noDelay(true),
                  mustCall(
                      (Socket socket) -> {
                        socket.setNoDelay(true);
                        socket.destroy();
                        server[0].close();
                      }));
          server[0].listen(0, mustCall(() -> Net.connect(server[0].address().port())));
        });
  }
}
