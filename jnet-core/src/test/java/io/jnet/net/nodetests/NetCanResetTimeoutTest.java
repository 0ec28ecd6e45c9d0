package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-can-reset-timeout.js}. */
@NodeFile("test-net-can-reset-timeout.js")
class NetCanResetTimeoutTest extends NodeTestCase {
  @Test
  void aWriteInTheTimeoutListenerKeepsTheSocketGoing() throws Exception {
    node(
        () -> {
          Server server =
              Net.createServer(
                  mustCall(
                      (Socket stream) -> {
                        stream.setTimeout(100);
                        stream.resume();
                        stream.once(Socket.TIMEOUT, mustCall(() -> stream.write("WHAT.")));
                        stream.on(Socket.END, mustCall(() -> stream.end()));
                      }));
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket c = Net.connect(server.address().port());
                    c.on(Socket.DATA, d -> c.end());
                    c.on(Socket.END, () -> server.close());
                  }));
        });
  }
}
