package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-bind-twice.js}. */
@NodeFile("test-net-bind-twice.js")
class NetBindTwiceTest extends NodeTestCase {
  @Test
  void aSecondServerOnTheSamePortErrsEaddrinuse() throws Exception {
    node(
        () -> {
          Server server1 = Net.createServer(mustNotCallArg());
          server1.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    Server server2 = Net.createServer(mustNotCallArg());
                    server2.listen(server1.address().port(), "127.0.0.1", mustNotCall());
                    server2.on(
                        Server.ERROR,
                        mustCall(
                            (JnetException e) -> {
                              assertEquals("EADDRINUSE", e.code());
                              server1.close();
                            }));
                  }));
        });
  }
}
