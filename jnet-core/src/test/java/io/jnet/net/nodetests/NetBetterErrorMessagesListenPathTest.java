package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-better-error-messages-listen-path.js}. */
@NodeFile("test-net-better-error-messages-listen-path.js")
class NetBetterErrorMessagesListenPathTest extends NodeTestCase {
  @Test
  void aListenErrorOnAPathCarriesThePath() throws Exception {
    node(
        () -> {
          String fp = "/blah/fadfa";
          Server server = Net.createServer(mustNotCallArg());
          server.listen(fp, mustNotCall());
          server.on(Server.ERROR, mustCall((JnetException e) -> assertEquals(fp, e.address())));
        });
  }
}
