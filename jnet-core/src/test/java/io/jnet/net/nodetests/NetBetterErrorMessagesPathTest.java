package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-better-error-messages-path.js}. */
@NodeFile(
    value = "test-net-better-error-messages-path.js",
    notPorted = "createConnection({path: {}}): Java's types take only a String path")
class NetBetterErrorMessagesPathTest extends NodeTestCase {
  @Test
  void aConnectErrorOnAPathNamesThePath() throws Exception {
    node(
        () -> {
          String fp = "/tmp/fadagagsdfgsdf";
          Socket c = Net.connect(fp);
          c.on(Socket.CONNECT, mustNotCall());
          c.on(Socket.ERROR, expectsError("ENOENT", null, "connect ENOENT " + fp));
        });
  }
}
