package io.jnet.net.nodetests;

import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-reset.js}. */
@NodeFile("test-net-connect-reset.js")
class NetConnectResetTest extends NodeTestCase {
  @Test
  void resetAndDestroyOfANewSocketErrsSocketClosed() throws Exception {
    node(
        () -> {
          Socket socket = new Socket();
          socket.resetAndDestroy();
          socket.on(Socket.ERROR, expectsError("ERR_SOCKET_CLOSED", "Error", null));
        });
  }
}
