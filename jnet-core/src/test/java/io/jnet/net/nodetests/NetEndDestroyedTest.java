package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-end-destroyed.js}. */
@NodeFile("test-net-end-destroyed.js")
class NetEndDestroyedTest extends NodeTestCase {
  @Test
  void aSocketIsNotDestroyedInItsEndListener() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.on(Server.CONNECTION, mustCallArg(1));
          server.listen(
              mustCall(
                  () -> {
                    Socket socket = Net.connect(ConnectOptions.port(server.address().port()));
                    socket.on(
                        Socket.CONNECT,
                        mustCall(
                            () -> {
                              socket.on(
                                  Socket.END,
                                  mustCall(
                                      () -> {
                                        assertFalse(socket.destroyed());
                                        server.close();
                                      }));
                              socket.end();
                            }));
                  }));
        });
  }
}
