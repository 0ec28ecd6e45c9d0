package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-persistent-keepalive.js}: keep-alive set before connect
 * leaves both ends open.
 */
@NodeFile(
    value = "test-net-persistent-keepalive.js",
    notPorted = "typeof connection.setKeepAlive === 'function': JavaScript only")
class NetPersistentKeepaliveTest extends NodeTestCase {
  @Test
  void keepAliveBeforeConnectKeepsBothEndsOpen() throws Exception {
    node(
        () -> {
          Socket[] client = new Socket[1];
          Server[] echoServer = new Server[1];
          echoServer[0] =
              Net.createServer(
                  connection -> {
                    loop()
                        .setTimeout(
                            () -> {
                              assertEquals("open", connection.readyState());
                              assertEquals("open", client[0].readyState());
                              connection.end();
                              client[0].end();
                              echoServer[0].close();
                            },
                            600);
                    connection.setTimeout(0);
                    connection.on(Socket.END, () -> connection.end());
                  });
          echoServer[0].listen(0);
          echoServer[0].on(
              Server.LISTENING,
              () -> {
                client[0] = new Socket();
                Socket s = client[0].setKeepAlive(true, 400);
                assertSame(client[0], s);
                client[0].connect(echoServer[0].address().port());
                client[0].setTimeout(0);
              });
        });
  }
}
