package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-options-path.js}: twelve ways to connect a path. */
@NodeFile("test-net-connect-options-path.js")
class NetConnectOptionsPathTest extends NodeTestCase {
  static final int CLIENT_VARIANTS = 12;

  @Test
  void everyFormOfConnectReachesAPathServer() throws Exception {
    node(
        () -> {
          String serverPath = pipe() + "-net-connect-options-path-server";
          int[] counter = {0};
          Server server = Net.createServer();
          server.on(
              Server.CONNECTION, mustCall((Socket socket) -> socket.end("ok"), CLIENT_VARIANTS));
          server.listen(
              serverPath,
              mustCall(
                  () -> {
                    // Each client ends on connect, and the twelfth close closes the server.
                    Consumer<Socket> onConnect =
                        s -> {
                          s.end();
                          s.on(
                              Socket.CLOSE,
                              mustCall(
                                  () -> {
                                    if (++counter[0] == CLIENT_VARIANTS) server.close();
                                  }));
                        };
                    Socket[] c = new Socket[CLIENT_VARIANTS];
                    c[0] = Net.connect(serverPath, cb(onConnect, c, 0));
                    c[1] = Net.connect(serverPath);
                    c[1].on(Socket.CONNECT, cb(onConnect, c, 1));
                    c[2] = Net.createConnection(serverPath, cb(onConnect, c, 2));
                    c[3] = Net.createConnection(serverPath);
                    c[3].on(Socket.CONNECT, cb(onConnect, c, 3));
                    c[4] = new Socket();
                    c[4].connect(serverPath, cb(onConnect, c, 4));
                    c[5] = new Socket();
                    c[5].connect(serverPath).on(Socket.CONNECT, cb(onConnect, c, 5));
                    c[6] = Net.connect(ConnectOptions.path(serverPath), cb(onConnect, c, 6));
                    c[7] = Net.connect(ConnectOptions.path(serverPath));
                    c[7].on(Socket.CONNECT, cb(onConnect, c, 7));
                    c[8] =
                        Net.createConnection(ConnectOptions.path(serverPath), cb(onConnect, c, 8));
                    c[9] = Net.createConnection(ConnectOptions.path(serverPath));
                    c[9].on(Socket.CONNECT, cb(onConnect, c, 9));
                    c[10] = new Socket();
                    c[10].connect(ConnectOptions.path(serverPath), cb(onConnect, c, 10));
                    c[11] = new Socket();
                    c[11]
                        .connect(ConnectOptions.path(serverPath))
                        .on(Socket.CONNECT, cb(onConnect, c, 11));
                    for (Socket s : c) s.resume();
                  }));
        });
  }

  private Runnable cb(Consumer<Socket> onConnect, Socket[] c, int i) {
    return mustCall(() -> onConnect.accept(c[i]));
  }
}
