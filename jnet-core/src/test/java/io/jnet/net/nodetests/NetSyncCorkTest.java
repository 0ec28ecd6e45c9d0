package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-sync-cork.js}. */
@NodeFile("test-net-sync-cork.js")
class NetSyncCorkTest extends NodeTestCase {
  @Test
  void corkedWritesInOneTickNeverReportBackpressure() throws Exception {
    node(
        () -> {
          int n = 100;
          Buffer buf = Buffer.alloc(2, "a");
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  socket -> {
                    socket.resume();
                    socket.on(Socket.ERROR, mustNotCallArg());
                    socket.on(Socket.CLOSE, mustCall(() -> server[0].close()));
                  });
          server[0].listen(
              0,
              () -> {
                Socket conn = Net.connect(server[0].address().port());
                conn.on(
                    Socket.CONNECT,
                    () -> {
                      boolean res = true;
                      int i = 0;
                      for (; i < n && res; i++) {
                        conn.cork();
                        conn.write(buf);
                        res = conn.write(buf);
                        conn.uncork();
                      }
                      assertEquals(n, i);
                      conn.end();
                    });
              });
        });
  }
}
