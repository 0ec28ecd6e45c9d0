package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-client-bind-twice.js}. */
@NodeFile("test-net-client-bind-twice.js")
class NetClientBindTwiceTest extends NodeTestCase {
  @Test
  void aClientBoundToAPortInUseErrsEaddrinuse() throws Exception {
    node(
        () -> {
          Server server1 = Net.createServer(mustNotCallArg());
          server1.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    Server server2 = Net.createServer(mustNotCallArg());
                    server2.listen(
                        0,
                        "127.0.0.1",
                        mustCall(
                            () -> {
                              Socket client =
                                  Net.connect(
                                      ConnectOptions.port(server1.address().port())
                                          .host("127.0.0.1")
                                          .localAddress("127.0.0.1")
                                          .localPort(server2.address().port()),
                                      mustNotCall());
                              client.on(
                                  Socket.ERROR,
                                  mustCall(
                                      (JnetException err) -> {
                                        assertEquals("EADDRINUSE", err.code());
                                        server1.close();
                                        server2.close();
                                      }));
                            }));
                  }));
        });
  }
}
