package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-no-halfopen-enforcer.js}. */
@NodeFile("test-net-socket-no-halfopen-enforcer.js")
class NetSocketNoHalfopenEnforcerTest extends NodeTestCase {
  @Test
  void aSocketWithoutHalfOpenHasOneEndListener() throws Exception {
    node(
        () -> {
          Socket socket = new Socket(SocketOptions.defaults().allowHalfOpen(false));
          assertEquals(1, socket.listenerCount(Socket.END));
        });
  }
}
