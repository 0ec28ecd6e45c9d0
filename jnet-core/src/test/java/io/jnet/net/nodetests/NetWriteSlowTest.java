package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-slow.js}. */
@NodeFile("test-net-write-slow.js")
class NetWriteSlowTest extends NodeTestCase {
  @Test
  void aSlowReaderReceivesEveryByte() throws Exception {
    node(
        () -> {
          int size = 200_000;
          int n = 10;
          int[] flushed = {0};
          long[] received = {0};
          Buffer buf = Buffer.alloc(size, "a");
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  socket -> {
                    socket.setNoDelay();
                    socket.setTimeout(9999);
                    socket.on(
                        Socket.TIMEOUT,
                        () -> {
                          throw new AssertionError(
                              "flushed: " + flushed[0] + ", received: " + received[0]);
                        });
                    for (int i = 0; i < n; ++i) {
                      socket.write(
                          buf,
                          e -> {
                            if (++flushed[0] == n) socket.setTimeout(0);
                          });
                    }
                    socket.end();
                  });
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    Socket conn = Net.connect(server[0].address().port());
                    conn.on(
                        Socket.DATA,
                        b -> {
                          received[0] += b.length();
                          conn.pause();
                          loop().setTimeout(() -> conn.resume(), 20);
                        });
                    conn.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              server[0].close();
                              assertEquals((long) size * n, received[0]);
                            }));
                  }));
        });
  }
}
