package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-large-string.js}. */
@NodeFile("test-net-large-string.js")
class NetLargeStringTest extends NodeTestCase {
  @Test
  void aLargeUtf8StringArrivesWhole() throws Exception {
    node(
        () -> {
          int poolSize = 40 * 1024;
          String data = "あ".repeat(poolSize);
          String encoding = "UTF-8";
          Server server =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        int[] receivedSize = {0};
                        socket.setEncoding(encoding);
                        socket.on(Socket.TEXT, d -> receivedSize[0] += d.length());
                        socket.on(
                            Socket.END,
                            mustCall(
                                () -> {
                                  assertEquals(poolSize, receivedSize[0]);
                                  socket.end();
                                }));
                      }));
          server.listen(
              0,
              () -> {
                Socket client = Net.connect(server.address().port());
                client.on(Socket.END, () -> server.close());
                client.write(data, encoding);
                client.end();
              });
        });
  }
}
