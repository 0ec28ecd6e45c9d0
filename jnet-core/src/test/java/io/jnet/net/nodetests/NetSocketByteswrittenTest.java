package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-byteswritten.js}. */
@NodeFile("test-net-socket-byteswritten.js")
class NetSocketByteswrittenTest extends NodeTestCase {
  @Test
  void bytesWrittenCountsCorkedBytesBeforeConnect() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(socket -> socket.end());
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket socket = Net.connect(server.address().port());
                    socket.cork();
                    socket.write("one");
                    socket.write(Buffer.from("twø", "utf8"));
                    socket.uncork();
                    assertEquals(3 + 4, socket.bytesWritten());
                    socket.on(
                        Socket.CONNECT, mustCall(() -> assertEquals(3 + 4, socket.bytesWritten())));
                    socket.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              assertEquals(3 + 4, socket.bytesWritten());
                              server.close();
                            }));
                  }));
        });
  }
}
