package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-socket-write-after-fin.js}. */
@NodeFile("test-socket-write-after-fin.js")
class SocketWriteAfterFinTest extends NodeTestCase {
  static final String EXPECTED = "hello1hello2hello3\nbye";

  @Test
  void aHalfOpenServerAnswersAfterTheClientsFin() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  ServerOptions.defaults().allowHalfOpen(true),
                  mustCall(
                      (Socket sock) -> {
                        StringBuilder serverData = new StringBuilder();
                        sock.setEncoding("utf8");
                        sock.on(Socket.TEXT, serverData::append);
                        sock.on(
                            Socket.END,
                            mustCall(
                                () -> {
                                  assertEquals(EXPECTED, serverData.toString());
                                  sock.end(serverData.toString());
                                  server[0].close();
                                }));
                      }));
          server[0].listen(
              0,
              mustCall(
                  () -> {
                    Socket sock = Net.connect(server[0].address().port());
                    StringBuilder clientData = new StringBuilder();
                    sock.setEncoding("utf8");
                    sock.on(Socket.TEXT, clientData::append);
                    sock.on(
                        Socket.END, mustCall(() -> assertEquals(EXPECTED, clientData.toString())));
                    sock.write("hello1");
                    sock.write("hello2");
                    sock.write("hello3\n");
                    assertSame(sock, sock.end("bye"));
                  }));
        });
  }
}
