package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-cb-on-destroy-before-connect.js}. */
@NodeFile("test-net-write-cb-on-destroy-before-connect.js")
class NetWriteCbOnDestroyBeforeConnectTest extends NodeTestCase {
  @Test
  void aWriteQueuedBeforeConnectFailsWhenDestroyed() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket socket = new Socket();
                    socket.on(Socket.CONNECT, mustNotCall());
                    socket.connect(ConnectOptions.port(server.address().port()));
                    assertTrue(socket.connecting());
                    socket.write(
                        "foo", expectsError("ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "Error", null));
                    socket.destroy();
                    server.close();
                  }));
        });
  }
}
