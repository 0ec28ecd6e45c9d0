package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-settimeout.js}. */
@NodeFile("test-net-settimeout.js")
class NetSettimeoutTest extends NodeTestCase {
  @Test
  void setTimeoutZeroCancelsTheTimeoutAndItsListener() throws Exception {
    node(
        () -> {
          long t = 100;
          Server server = Net.createServer(mustCall((Socket c) -> c.write("hello")));
          server.listen(
              0,
              () -> {
                Socket socket = Net.connect(server.address().port(), "localhost");
                Socket s = socket.setTimeout(t, mustNotCall());
                assertSame(socket, s);
                socket.on(
                    Socket.DATA,
                    mustCall(
                        d ->
                            loop()
                                .setTimeout(
                                    () -> {
                                      socket.destroy();
                                      server.close();
                                    },
                                    t * 2)));
                socket.setTimeout(0);
              });
        });
  }
}
