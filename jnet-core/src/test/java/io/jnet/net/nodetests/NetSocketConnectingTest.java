package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-connecting.js}. */
@NodeFile(
    value = "test-net-socket-connecting.js",
    notPorted = "the legacy _connecting getter: a Node internal")
class NetSocketConnectingTest extends NodeTestCase {
  @Test
  void connectingIsTrueUntilConnect() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  conn -> {
                    conn.end();
                    server[0].close();
                  });
          server[0].listen(
              0,
              () -> {
                Socket[] client = new Socket[1];
                client[0] =
                    Net.connect(
                        ConnectOptions.port(server[0].address().port()),
                        mustCall(
                            () -> {
                              assertFalse(client[0].connecting());
                              client[0].end();
                            }));
                assertTrue(client[0].connecting());
              });
        });
  }
}
