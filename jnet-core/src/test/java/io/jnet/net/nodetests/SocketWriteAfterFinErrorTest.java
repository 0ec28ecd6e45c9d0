package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-socket-write-after-fin-error.js}. */
@NodeFile("test-socket-write-after-fin-error.js")
class SocketWriteAfterFinErrorTest extends NodeTestCase {
  @Test
  void aWriteAfterThePeersFinFailsWithEpipe() throws Exception {
    StringBuilder serverData = new StringBuilder();
    StringBuilder clientData = new StringBuilder();
    boolean[] got = new boolean[2]; // server end, client end
    JnetException[] serverError = new JnetException[1];
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  sock -> {
                    sock.setEncoding("utf8");
                    sock.on(Socket.ERROR, e -> {});
                    sock.on(Socket.TEXT, serverData::append);
                    sock.on(
                        Socket.END,
                        () -> {
                          got[0] = true;
                          loop()
                              .setImmediate(
                                  () -> {
                                    sock.write(serverData.toString(), er -> serverError[0] = er);
                                    sock.end();
                                  });
                        });
                    server[0].close();
                  });
          server[0].listen(
              0,
              () -> {
                Socket sock = Net.connect(server[0].address().port());
                sock.setEncoding("utf8");
                sock.on(Socket.TEXT, clientData::append);
                sock.on(Socket.END, () -> got[1] = true);
                sock.write("hello1");
                sock.write("hello2");
                sock.write("hello3\n");
                sock.end("THUNDERMUSCLE!");
              });
        });
    assertEquals("", clientData.toString());
    assertEquals("hello1hello2hello3\nTHUNDERMUSCLE!", serverData.toString());
    assertTrue(got[1], "client end");
    assertTrue(got[0], "server end");
    assertNotNull(serverError[0]);
    assertEquals("EPIPE", serverError[0].code());
    assertNotEquals("write after end", serverError[0].getMessage());
  }
}
