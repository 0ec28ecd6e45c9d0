package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-bytes-read.js}. */
@NodeFile(
    value = "test-net-bytes-read.js",
    notPorted = "!socket._handle at 'close': a Node internal")
class NetBytesReadTest extends NodeTestCase {
  @Test
  void bytesReadRisesWithEachChunkAndStaysAfterClose() throws Exception {
    node(
        () -> {
          Buffer big = Buffer.alloc(1024 * 1024);
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        socket.end(big);
                        server[0].close();
                      }));
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    long[] prev = {0};
                    Socket[] socket = new Socket[1];
                    socket[0] =
                        Net.connect(
                            ConnectOptions.port(server[0].address().port()),
                            mustCall(
                                () -> {
                                  socket[0].on(
                                      Socket.DATA,
                                      mustCallAtLeast(
                                          (Buffer chunk) -> {
                                            long value = socket[0].bytesRead();
                                            assertTrue(value > prev[0]);
                                            prev[0] = value;
                                          },
                                          1));
                                  socket[0].on(
                                      Socket.END,
                                      mustCall(
                                          () -> {
                                            assertEquals(prev[0], socket[0].bytesRead());
                                            assertEquals(big.length(), prev[0]);
                                          }));
                                  socket[0].on(
                                      Socket.CLOSE,
                                      mustCall(
                                          () -> {
                                            assertEquals(prev[0], socket[0].bytesRead());
                                            assertEquals(big.length(), prev[0]);
                                          }));
                                  socket[0].end();
                                }));
                  }));
        });
  }
}
