package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-socket-connect-without-cb.js}. Node passes {@code
 * server.address()} as the connect options; here the options carry its port.
 */
@NodeFile("test-net-socket-connect-without-cb.js")
class NetSocketConnectWithoutCbTest extends NodeTestCase {
  @Test
  void connectIsEmittedWithoutAConnectCallback() throws Exception {
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
              mustCall(
                  () -> {
                    Socket client = new Socket();
                    client.on(Socket.CONNECT, mustCall(() -> client.end()));
                    client.connect(ConnectOptions.port(server[0].address().port()));
                  }));
        });
  }
}
