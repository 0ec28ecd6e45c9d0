package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-keepalive.js}. */
@NodeFile(
    value = "test-net-keepalive.js",
    notPorted = "connection.setKeepAlive !== undefined: JavaScript only")
class NetKeepaliveTest extends NodeTestCase {
  @Test
  void keepAliveOnTheServerSideKeepsBothEndsOpen() throws Exception {
    node(
        () -> {
          Socket[] clientConnection = new Socket[1];
          Server[] echoServer = new Server[1];
          echoServer[0] =
              Net.createServer(
                  connection -> {
                    loop()
                        .setTimeout(
                            mustCall(
                                () -> {
                                  assertEquals("open", connection.readyState());
                                  assertEquals("open", clientConnection[0].readyState());
                                  connection.end();
                                  clientConnection[0].end();
                                  echoServer[0].close();
                                }),
                            100);
                    connection.setTimeout(0);
                    connection.setKeepAlive(true, 50);
                    connection.on(Socket.END, () -> connection.end());
                  });
          echoServer[0].listen(0);
          echoServer[0].on(
              Server.LISTENING,
              () -> {
                clientConnection[0] = Net.connect(echoServer[0].address().port());
                clientConnection[0].setTimeout(0);
              });
        });
  }
}
