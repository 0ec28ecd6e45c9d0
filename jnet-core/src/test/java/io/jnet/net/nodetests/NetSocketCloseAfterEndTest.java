package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-close-after-end.js}. */
@NodeFile("test-net-socket-close-after-end.js")
class NetSocketCloseAfterEndTest extends NodeTestCase {
  @Test
  void closeComesAfterEndWhenTheEofIsReadLate() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.on(
              Server.CONNECTION,
              socket -> {
                boolean[] endEmitted = {false};
                socket.once(Socket.READABLE, () -> loop().setTimeout(() -> socket.read(), 100));
                socket.on(Socket.END, () -> endEmitted[0] = true);
                socket.on(
                    Socket.CLOSE,
                    () -> {
                      assertTrue(endEmitted[0]);
                      server.close();
                    });
                socket.end("foo");
              });
          server.listen(
              mustCall(
                  () -> {
                    Socket[] socket = new Socket[1];
                    socket[0] =
                        Net.connect(
                            server.address().port(), "localhost", () -> socket[0].end("foo"));
                  }));
        });
  }
}
