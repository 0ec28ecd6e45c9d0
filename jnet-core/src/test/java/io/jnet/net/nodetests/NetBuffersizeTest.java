package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-buffersize.js}. */
@NodeFile("test-net-buffersize.js")
class NetBuffersizeTest extends NodeTestCase {
  @Test
  void bufferSizeCountsWritesBeforeConnectAndIsZeroAtFinish() throws Exception {
    node(
        () -> {
          int iter = 10;
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  socket -> {
                    socket.on(Socket.READABLE, () -> socket.read());
                    socket.on(Socket.END, () -> server[0].close());
                  });
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    Socket client = Net.connect(server[0].address().port());
                    client.on(Socket.FINISH, mustCall(() -> assertEquals(0, client.bufferSize())));
                    for (int i = 1; i < iter; i++) {
                      client.write("a");
                      assertEquals(i, client.bufferSize());
                    }
                    client.end();
                  }));
        });
  }
}
