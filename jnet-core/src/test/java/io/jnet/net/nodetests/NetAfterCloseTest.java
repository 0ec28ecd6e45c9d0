package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-after-close.js}. */
@NodeFile(value = "test-net-after-close.js", notPorted = "c._handle === null: a Node internal")
class NetAfterCloseTest extends NodeTestCase {
  @Test
  void aClosedSocketAnswersEveryCallQuietly() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(mustCall((Socket s) -> s.end()));
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket c = Net.connect(server.address().port());
                    c.on(
                        Socket.CLOSE,
                        mustCall(
                            () -> {
                              c.setNoDelay();
                              c.setKeepAlive(false);
                              c.bufferSize();
                              c.pause();
                              c.resume();
                              c.address();
                              c.remoteAddress();
                              c.remotePort();
                              server.close();
                            }));
                  }));
        });
  }
}
