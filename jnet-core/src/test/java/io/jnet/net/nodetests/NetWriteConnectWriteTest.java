package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-connect-write.js}. */
@NodeFile("test-net-write-connect-write.js")
class NetWriteConnectWriteTest extends NodeTestCase {
  @Test
  void writesBeforeAndAfterConnectArriveInOrder() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(socket -> socket.pipe(socket));
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket conn = Net.connect(server.address().port());
                    StringBuilder received = new StringBuilder();
                    conn.setEncoding("utf8");
                    conn.write("before");
                    conn.on(Socket.CONNECT, () -> conn.write(" after"));
                    conn.on(
                        Socket.TEXT,
                        buf -> {
                          received.append(buf);
                          conn.end();
                        });
                    conn.on(
                        Socket.END,
                        mustCall(
                            () -> {
                              server.close();
                              assertEquals("before after", received.toString());
                            }));
                  }));
        });
  }
}
