package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-error-twice.js}. */
@NodeFile("test-net-error-twice.js")
class NetErrorTwiceTest extends NodeTestCase {
  @Test
  void aWriteToADestroyedPeerErrsOnce() throws Exception {
    List<JnetException> errs = new ArrayList<>();
    node(
        () -> {
          Buffer buf = Buffer.alloc(10 * 1024 * 1024, 0x62);
          Socket[] sockets = new Socket[2]; // client, server
          Runnable ready =
              () -> {
                if (sockets[0] != null && sockets[1] != null) {
                  sockets[0].destroy();
                  sockets[1].write(buf);
                }
              };
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  conn -> {
                    conn.on(
                        Socket.ERROR,
                        err -> {
                          errs.add(err);
                          if (errs.size() > 1) {
                            assertNotSame(errs.get(0), errs.get(1), "the same error twice");
                          }
                        });
                    conn.on(Socket.CLOSE, () -> server[0].unref());
                    sockets[1] = conn;
                    ready.run();
                  });
          server[0].listen(
              0,
              () -> {
                Socket client = Net.connect(ConnectOptions.port(server[0].address().port()));
                client.on(
                    Socket.CONNECT,
                    () -> {
                      sockets[0] = client;
                      ready.run();
                    });
              });
        });
    assertEquals(1, errs.size(), "" + errs);
  }
}
