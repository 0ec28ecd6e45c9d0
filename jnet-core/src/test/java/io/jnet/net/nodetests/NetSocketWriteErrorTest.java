package io.jnet.net.nodetests;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-write-error.js}. */
@NodeFile(
    value = "test-net-socket-write-error.js",
    notPorted = "write(1337) throws ERR_INVALID_ARG_TYPE: Java's types take no number")
class NetSocketWriteErrorTest extends NodeTestCase {
  @Test
  void destroyAfterConnectEmitsNoError() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              () -> {
                Socket[] client = new Socket[1];
                client[0] =
                    Net.connect(
                        server.address().port(),
                        "localhost",
                        () -> {
                          client[0].on(Socket.ERROR, mustNotCallArg());
                          client[0].destroy();
                        });
                client[0].on(Socket.CLOSE, () -> server.close());
              });
        });
  }
}
