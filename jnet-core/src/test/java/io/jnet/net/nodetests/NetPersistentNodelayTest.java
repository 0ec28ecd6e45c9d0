package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-persistent-nodelay.js}. */
@NodeFile(
    value = "test-net-persistent-nodelay.js",
    notPorted =
        "that setNoDelay() before connect reaches the TCP handle once: counted on"
            + " internalBinding('tcp_wrap')")
class NetPersistentNodelayTest extends NodeTestCase {
  @Test
  void setNoDelayBeforeConnectReturnsTheSocket() throws Exception {
    node(
        () -> {
          Server echoServer = Net.createServer(connection -> connection.end());
          echoServer.listen(0);
          echoServer.on(
              Server.LISTENING,
              () -> {
                Socket sock1 = new Socket();
                Socket s = sock1.setNoDelay();
                assertSame(sock1, s);
                sock1.connect(echoServer.address().port());
                sock1.on(Socket.END, mustCall(() -> echoServer.close()));
              });
        });
  }
}
