package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-stream.js}. */
@NodeFile("test-net-stream.js")
class NetStreamTest extends NodeTestCase {
  @Test
  void aWriterWhosePeerGoesAwayErrsAndClosesOnce() throws Exception {
    node(
        () -> {
          int size = 2_000_000;
          int n = 10;
          Buffer buf = Buffer.alloc(size, "a");
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  socket -> {
                    socket.setNoDelay();
                    socket.on(Socket.ERROR, mustCall(e -> socket.destroy()));
                    socket.on(Socket.CLOSE, mustCall(() -> server[0].close()));
                    for (int i = 0; i < n; ++i) socket.write(buf, e -> {});
                    socket.end();
                  });
          server[0].listen(
              0,
              () -> {
                Socket conn = Net.connect(server[0].address().port());
                conn.on(
                    Socket.DATA,
                    b -> {
                      assertSame(conn, conn.pause());
                      loop().setTimeout(() -> conn.destroy(), 20);
                    });
              });
        });
  }
}
