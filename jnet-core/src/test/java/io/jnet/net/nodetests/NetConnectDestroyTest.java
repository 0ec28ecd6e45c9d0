package io.jnet.net.nodetests;

import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-destroy.js}. */
@NodeFile("test-net-connect-destroy.js")
class NetConnectDestroyTest extends NodeTestCase {
  @Test
  void destroyingASocketNeverConnectedEmitsCloseOnce() throws Exception {
    node(
        () -> {
          Socket socket = new Socket();
          socket.on(Socket.CLOSE, mustCall());
          socket.destroy();
        });
  }
}
