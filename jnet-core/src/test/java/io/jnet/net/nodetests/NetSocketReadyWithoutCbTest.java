package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-socket-ready-without-cb.js}. Node passes {@code
 * server.address()} as the connect options (its {@code address} key is ignored, the host is
 * localhost); here the options carry its port.
 */
@NodeFile("test-net-socket-ready-without-cb.js")
class NetSocketReadyWithoutCbTest extends NodeTestCase {
  @Test
  void readyIsEmittedWithoutAConnectCallback() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket conn) -> {
                        conn.end();
                        server[0].close();
                      }));
          server[0].listen(
              0,
              "localhost",
              mustCall(
                  () -> {
                    Socket client = new Socket();
                    client.on(Socket.READY, mustCall(() -> client.end()));
                    client.connect(ConnectOptions.port(server[0].address().port()));
                  }));
        });
  }
}
