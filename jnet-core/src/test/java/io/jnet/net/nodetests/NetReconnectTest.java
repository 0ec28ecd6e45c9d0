package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-reconnect.js}. */
@NodeFile(
    value = "test-net-reconnect.js",
    notPorted = "client._writableState logged on connect: a Node internal, not asserted")
class NetReconnectTest extends NodeTestCase {
  static final int N = 50;

  @Test
  void aSocketReconnectsFiftyTimesWithoutErrors() throws Exception {
    int[] counts = new int[3]; // recv, end, disconnect
    node(
        () -> {
          Server server =
              Net.createServer(
                  socket -> {
                    socket.resume();
                    socket.write("hello\r\n");
                    socket.on(Socket.END, () -> socket.end());
                    socket.on(Socket.CLOSE, (Boolean hadError) -> assertFalse(hadError));
                  });
          server.listen(
              0,
              () -> {
                Socket client = Net.connect(server.address().port());
                client.setEncoding("UTF8");
                client.on(
                    Socket.TEXT,
                    chunk -> {
                      counts[0]++;
                      assertEquals("hello\r\n", chunk);
                      client.end();
                    });
                client.on(Socket.END, () -> counts[1]++);
                client.on(
                    Socket.CLOSE,
                    (Boolean hadError) -> {
                      assertFalse(hadError);
                      if (counts[2]++ < N) client.connect(server.address().port());
                      else server.close();
                    });
              });
        });
    assertEquals(N + 1, counts[2]);
    assertEquals(N + 1, counts[0]);
    assertEquals(N + 1, counts[1]);
  }
}
