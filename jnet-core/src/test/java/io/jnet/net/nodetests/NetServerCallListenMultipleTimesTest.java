package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-call-listen-multiple-times.js}. */
@NodeFile("test-net-server-call-listen-multiple-times.js")
class NetServerCallListenMultipleTimesTest extends NodeTestCase {
  @Test
  void listenAgainAfterAnErrorWorks() throws Exception {
    node(
        () -> {
          Server dummyServer = Net.createServer();
          Server server = Net.createServer();
          dummyServer.listen(mustCall(() -> server.listen(dummyServer.address().port())));
          server.on(
              Server.ERROR,
              mustCall(
                  e ->
                      server.listen(
                          mustCall(
                              () -> {
                                dummyServer.close();
                                server.close();
                              }))));
        });
  }

  @Test
  void listenWhileListeningThrowsAlreadyListen() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(mustCall(() -> server.close()));
          assertThrowsNode("ERR_SERVER_ALREADY_LISTEN", "Error", null, () -> server.listen());
        });
  }

  @Test
  void listenAgainAfterCloseWorks() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              mustCall(
                  () -> {
                    server.close();
                    server.listen(mustCall(() -> server.close()));
                  }));
        });
  }
}
