package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-pause-on-connect.js}. */
@NodeFile("test-net-server-pause-on-connect.js")
class NetServerPauseOnConnectTest extends NodeTestCase {
  @Test
  void aPausedOnConnectSocketReadsNothingUntilResumed() throws Exception {
    String msg = "test";
    boolean[] stopped = {true};
    node(
        () -> {
          Socket[] server1Sock = new Socket[1];
          Server[] servers = new Server[2];
          servers[0] =
              Net.createServer(
                  ServerOptions.defaults().pauseOnConnect(true),
                  socket -> {
                    socket.on(
                        Socket.DATA,
                        data -> {
                          if (stopped[0]) throw new AssertionError("data should not come yet");
                          assertEquals(msg, data.toString());
                          socket.end();
                          servers[0].close();
                        });
                    server1Sock[0] = socket;
                  });
          servers[1] =
              Net.createServer(
                  ServerOptions.defaults().pauseOnConnect(false),
                  socket ->
                      socket.on(
                          Socket.DATA,
                          data -> {
                            assertEquals(msg, data.toString());
                            socket.end();
                            servers[1].close();
                            assertEquals(0, server1Sock[0].bytesRead());
                            server1Sock[0].resume();
                            stopped[0] = false;
                          }));
          servers[0].listen(
              0,
              () -> {
                Runnable clientHandler =
                    mustCall(
                        () ->
                            servers[1].listen(
                                0,
                                () ->
                                    Net.connect(ConnectOptions.port(servers[1].address().port()))
                                        .write(msg)));
                Net.connect(ConnectOptions.port(servers[0].address().port()))
                    .write(msg, e -> clientHandler.run());
              });
        });
    assertFalse(stopped[0]);
  }
}
