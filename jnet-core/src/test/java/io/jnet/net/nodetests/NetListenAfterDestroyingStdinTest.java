package io.jnet.net.nodetests;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-after-destroying-stdin.js}. */
@NodeFile(
    value = "test-net-listen-after-destroying-stdin.js",
    notPorted = "process.stdin.destroy() first: the JVM's stdin is no jnet stream")
class NetListenAfterDestroyingStdinTest extends NodeTestCase {
  @Test
  void aServerAcceptsEndsAndCloses() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        socket.end(mustCall((JnetException e) -> {}));
                        server[0].close(mustCall((JnetException e) -> {}));
                      }));
          server[0].listen(0, mustCall(() -> Net.connect(server[0].address().port())));
        });
  }
}
