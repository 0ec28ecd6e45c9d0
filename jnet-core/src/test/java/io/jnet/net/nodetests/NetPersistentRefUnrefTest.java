package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-persistent-ref-unref.js}. */
@NodeFile(
    value = "test-net-persistent-ref-unref.js",
    notPorted =
        "that unref() then ref() before connect reach the TCP handle once each: counted on"
            + " internalBinding('tcp_wrap')")
class NetPersistentRefUnrefTest extends NodeTestCase {
  @Test
  void unrefThenRefBeforeConnectKeepsTheSocketRefd() throws Exception {
    node(
        () -> {
          Server echoServer = Net.createServer(conn -> conn.end());
          echoServer.listen(0);
          echoServer.on(
              Server.LISTENING,
              () -> {
                Socket sock = new Socket();
                sock.unref();
                sock.ref();
                sock.connect(echoServer.address().port());
                sock.on(Socket.END, mustCall(() -> echoServer.close()));
              });
        });
  }
}
