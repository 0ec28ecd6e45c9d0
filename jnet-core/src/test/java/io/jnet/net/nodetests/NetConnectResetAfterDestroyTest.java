package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-reset-after-destroy.js}. */
@NodeFile("test-net-connect-reset-after-destroy.js")
class NetConnectResetAfterDestroyTest extends NodeTestCase {
  @Test
  void resetAndDestroyResetsThePeerAndFailsLaterWrites() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket conn = Net.connect(server.address().port());
                    server.on(
                        Server.CONNECTION,
                        socket ->
                            socket.on(
                                Socket.ERROR,
                                expectsError("ECONNRESET", "Error", "read ECONNRESET")));
                    conn.on(
                        Socket.CONNECT,
                        mustCall(
                            () -> {
                              assertSame(conn, conn.resetAndDestroy().destroy());
                              conn.on(Socket.ERROR, mustNotCallArg());
                              conn.write(
                                  Buffer.from("fzfzfzfzfz"),
                                  expectsError(
                                      "ERR_STREAM_DESTROYED",
                                      "Error",
                                      "Cannot call write after a stream was destroyed"));
                              server.close();
                            }));
                  }));
        });
  }
}
