package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-remote-address.js}. */
@NodeFile("test-net-remote-address.js")
class NetRemoteAddressTest extends NodeTestCase {
  @Test
  void remoteAddressIsAbsentUntilConnect() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              mustCall(
                  () -> {
                    Socket socket = Net.connect(ConnectOptions.port(server.address().port()));
                    assertTrue(socket.connecting());
                    assertNull(socket.remoteAddress());
                    socket.on(
                        Socket.CONNECT,
                        mustCall(
                            () -> {
                              assertNotNull(socket.remoteAddress());
                              socket.end();
                            }));
                    socket.on(Socket.END, mustCall(() -> server.close()));
                  }));
        });
  }
}
