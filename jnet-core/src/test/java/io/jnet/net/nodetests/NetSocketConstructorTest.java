package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-constructor.js}. */
@NodeFile(
    value = "test-net-socket-constructor.js",
    notPorted =
        "the fd option (-1, 'foo', 4, 5, 6) in a cluster worker and the handle option"
            + " (socket._handle): jnet has neither")
class NetSocketConstructorTest extends NodeTestCase {
  @Test
  void newConnectingAndAcceptedSocketsAreReadableAndWritable() throws Exception {
    node(
        () -> {
          Socket fresh = new Socket();
          fresh.unref();
          check(fresh);
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        socket.unref();
                        check(socket);
                        server[0].close();
                      }));
          server[0].listen(
              mustCall(
                  () -> {
                    int port = server[0].address().port();
                    Socket[] socket = new Socket[1];
                    socket[0] =
                        Net.connect(
                            port,
                            "localhost",
                            mustCall(
                                () -> {
                                  check(socket[0]);
                                  socket[0].end();
                                }));
                    check(socket[0]);
                  }));
        });
  }

  private static void check(Socket socket) {
    assertTrue(socket.readable(), "readable");
    assertTrue(socket.writable(), "writable");
  }
}
