package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-local-address.js}. */
@NodeFile("test-net-socket-local-address.js")
class NetSocketLocalAddressTest extends NodeTestCase {
  private int conns;
  private final List<Integer> clientLocalPorts = new ArrayList<>();
  private final List<Integer> serverRemotePorts = new ArrayList<>();
  private Socket client;
  private Server server;

  @Test
  void aReconnectedSocketReportsEachLocalPort() throws Exception {
    node(
        () -> {
          client = new Socket();
          server =
              Net.createServer(
                  socket -> {
                    serverRemotePorts.add(socket.remotePort());
                    socket.end();
                  });
          server.on(
              Server.CLOSE,
              mustCall(
                  () -> {
                    assertEquals(clientLocalPorts, serverRemotePorts);
                    assertEquals(2, conns);
                  }));
          server.listen(0, "127.0.0.1", this::connect);
        });
  }

  private void connect() {
    if (conns == 2) {
      server.close();
      return;
    }
    conns++;
    client.once(Socket.CLOSE, this::connect);
    assertSame(
        client,
        client.connect(
            server.address().port(), "127.0.0.1", () -> clientLocalPorts.add(client.localPort())));
  }
}
