package io.jnet.net.nodetests;

import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-timeout-no-handle.js}. */
@NodeFile(
    value = "test-net-timeout-no-handle.js",
    notPorted = "socket._handle === null: a Node internal")
class NetTimeoutNoHandleTest extends NodeTestCase {
  @Test
  void aSocketNeverConnectedTimesOut() throws Exception {
    node(
        () -> {
          Socket socket = new Socket();
          socket.setTimeout(50);
          socket.on(Socket.TIMEOUT, mustCall());
          socket.on(Socket.CONNECT, mustNotCall());
          loop().setTimeout(() -> {}, 200);
        });
  }
}
