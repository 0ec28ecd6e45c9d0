package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-writable.js}. */
@NodeFile("test-net-writable.js")
class NetWritableTest extends NodeTestCase {
  @Test
  void aSocketIsStillWritableInItsEndListener() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket s) -> {
                        server[0].close();
                        s.end();
                      }));
          server[0].listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    Socket socket = Net.connect(server[0].address().port(), "127.0.0.1");
                    socket.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              assertTrue(socket.writable());
                              socket.write("hello world");
                            }));
                  }));
        });
  }
}
