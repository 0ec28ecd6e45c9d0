package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-call-socket-connect.js}. */
@NodeFile(
    value = "test-net-connect-call-socket-connect.js",
    notPorted =
        "that net.connect calls Socket.prototype.connect once: a JavaScript prototype patch")
class NetConnectCallSocketConnectTest extends NodeTestCase {
  @Test
  void netConnectConnectsAndEnds() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              mustCall(
                  () -> {
                    int port = server.address().port();
                    Socket[] client = new Socket[1];
                    client[0] =
                        Net.connect(ConnectOptions.port(port), mustCall(() -> client[0].end()));
                    client[0].on(Socket.END, mustCall(() -> server.close()));
                  }));
        });
  }
}
