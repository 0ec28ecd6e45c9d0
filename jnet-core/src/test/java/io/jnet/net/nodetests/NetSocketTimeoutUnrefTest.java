package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-timeout-unref.js}. */
@NodeFile("test-net-socket-timeout-unref.js")
class NetSocketTimeoutUnrefTest extends NodeTestCase {
  @Test
  void unrefdSocketsWithTimeoutsLetTheLoopEnd() throws Exception {
    node(
        () -> {
          Server server =
              Net.createServer(
                  c -> {
                    c.write("hello");
                    c.unref();
                  });
          server.listen(0);
          server.unref();
          int[] delays = {8, 5, 3, 6, 2, 4};
          int[] connections = {0};
          List<Socket> sockets = new ArrayList<>();
          List<Integer> timeouts = new ArrayList<>();
          for (int t : delays) {
            Socket socket = Net.connect(server.address().port(), "localhost");
            socket.on(
                Socket.CONNECT,
                mustCall(
                    () -> {
                      if (++connections[0] == delays.length) {
                        for (int i = 0; i < sockets.size(); i++) {
                          Socket s = sockets.get(i);
                          s.setTimeout(
                              timeouts.get(i),
                              () -> {
                                s.destroy();
                                throw new AssertionError("socket timed out unexpectedly");
                              });
                          s.unref();
                        }
                      }
                    }));
            sockets.add(socket);
            timeouts.add(t * 1000);
          }
        });
  }
}
