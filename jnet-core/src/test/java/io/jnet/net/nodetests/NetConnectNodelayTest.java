package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-nodelay.js}. */
@NodeFile(
    value = "test-net-connect-nodelay.js",
    notPorted = {
      "noDelay given as 1, 'true', {}, [], 0 or '': Java's types take only a boolean",
      "that noDelay reaches the handle's setNoDelay(true) once, and false never: checked on"
          + " Node's _handle internals"
    })
class NetConnectNodelayTest extends NodeTestCase {
  @Test
  void aClientConnectsWithNoDelayOnOrOff() throws Exception {
    node(
        () -> {
          for (boolean value : new boolean[] {true, false}) {
            Server server = Net.createServer();
            server.listen(
                0,
                mustCall(
                    () -> {
                      int port = server.address().port();
                      Socket[] client = new Socket[1];
                      client[0] =
                          Net.connect(
                              ConnectOptions.port(port).noDelay(value),
                              mustCall(() -> client[0].end()));
                      client[0].on(Socket.END, mustCall(() -> server.close()));
                    }));
          }
        });
  }
}
