package io.jnet.net.nodetests;

import io.jnet.buffer.Buffer;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-fully-async-buffer.js}. */
@NodeFile(
    value = "test-net-write-fully-async-buffer.js",
    notPorted = "globalThis.gc() between the loops: no such call in Java")
class NetWriteFullyAsyncBufferTest extends NodeTestCase {
  @Test
  void writesUntilBackpressureTwentyTimesThenEnds() throws Exception {
    node(
        () -> {
          Buffer data = Buffer.alloc(1000000);
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket conn) -> {
                        conn.resume();
                        server[0].close();
                      }));
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    Socket[] c = new Socket[1];
                    int[] count = {0};
                    Runnable[] writeLoop = new Runnable[1];
                    writeLoop[0] =
                        () -> {
                          Socket conn = c[0];
                          if (count[0]++ == 20) {
                            conn.end();
                            return;
                          }
                          while (conn.write(data)) {}
                        };
                    c[0] =
                        Net.connect(
                            ConnectOptions.port(server[0].address().port()),
                            mustCall(
                                () -> {
                                  c[0].on(Socket.DRAIN, writeLoop[0]);
                                  writeLoop[0].run();
                                }));
                  }));
        });
  }
}
