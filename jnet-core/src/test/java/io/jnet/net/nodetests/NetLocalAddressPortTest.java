package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-local-address-port.js}. */
@NodeFile("test-net-local-address-port.js")
class NetLocalAddressPortTest extends NodeTestCase {
  @Test
  void anAcceptedSocketReportsTheServersAddress() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        assertEquals("127.0.0.1", socket.localAddress());
                        assertEquals(server[0].address().port(), socket.localPort());
                        assertEquals(server[0].address().family(), socket.localFamily());
                        socket.on(Socket.END, () -> server[0].close());
                        socket.resume();
                      }));
          server[0].listen(
              0,
              "127.0.0.1",
              () -> {
                Socket client = Net.connect(server[0].address().port(), "127.0.0.1");
                client.on(Socket.CONNECT, () -> client.end());
              });
        });
  }
}
