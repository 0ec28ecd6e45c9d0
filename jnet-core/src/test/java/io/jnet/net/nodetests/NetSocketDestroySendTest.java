package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-destroy-send.js}. */
@NodeFile("test-net-socket-destroy-send.js")
class NetSocketDestroySendTest extends NodeTestCase {
  @Test
  void aWriteAfterDestroyFailsWithStreamDestroyed() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket conn = Net.connect(server.address().port());
                    conn.on(
                        Socket.CONNECT,
                        mustCall(
                            () -> {
                              assertSame(conn, conn.destroy().destroy());
                              conn.on(Socket.ERROR, mustNotCallArg());
                              conn.write(
                                  Buffer.from("kaboom"),
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
