package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-after-close.js}. */
@NodeFile("test-net-write-after-close.js")
class NetWriteAfterCloseTest extends NodeTestCase {
  @Test
  void aWriteToAClosedPeerFailsInItsCallbackNotInError() throws Exception {
    node(
        () -> {
          Socket[] serverSocket = new Socket[1];
          Server server =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        serverSocket[0] = socket;
                        socket.resume();
                        socket.on(Socket.ERROR, mustNotCallArg());
                      }));
          server.listen(
              0,
              () -> {
                Socket[] client = new Socket[1];
                client[0] =
                    Net.connect(
                        server.address().port(),
                        "localhost",
                        () -> {
                          client[0].on(
                              Socket.END,
                              mustCall(
                                  () ->
                                      serverSocket[0].write(
                                          "test",
                                          mustCall(
                                              (JnetException err) -> {
                                                assertNotNull(err);
                                                server.close();
                                              }))));
                          client[0].end();
                        });
              });
        });
  }
}
