package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-timeout.js}. */
@NodeFile(
    value = "test-net-socket-timeout.js",
    notPorted = {
      "delays '100', true, false, undefined, null, '', {}, a function, [] (ERR_INVALID_ARG_TYPE)"
          + " and -0.001, -Infinity, Infinity, NaN, 0.001: Java's types take only a long",
      "callbacks 1, '100', true, false, {}, [], a Symbol: Java's types take only a Runnable"
    })
class NetSocketTimeoutTest extends NodeTestCase {
  @Test
  void aNegativeDelayIsOutOfRange() throws Exception {
    node(
        () -> {
          Socket s = new Socket();
          assertThrowsNode("ERR_OUT_OF_RANGE", null, null, () -> s.setTimeout(-1, () -> {}));
        });
  }

  @Test
  void validDelaysAreAccepted() throws Exception {
    node(
        () -> {
          Socket s = new Socket();
          for (long delay : new long[] {0, 1, 1_000_000}) s.setTimeout(delay, () -> {});
          s.setTimeout(0);
        });
  }

  @Test
  void aNullCallbackIsAnInvalidArgType() throws Exception {
    node(
        () -> {
          Socket s = new Socket();
          for (long msec : new long[] {0, 1}) {
            assertThrowsNode(
                "ERR_INVALID_ARG_TYPE",
                "TypeError",
                "The \"callback\" argument must be of type function. Received null",
                () -> s.setTimeout(msec, null));
          }
        });
  }

  @Test
  void setTimeoutReturnsTheSocketAndADestroyedSocketNeverTimesOut() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              0,
              mustCall(
                  () -> {
                    Socket socket = Net.connect(server.address().port());
                    assertSame(
                        socket,
                        socket.setTimeout(
                            1,
                            mustCall(
                                () -> {
                                  socket.destroy();
                                  assertSame(socket, socket.setTimeout(1, mustNotCall()));
                                  server.close();
                                })));
                  }));
        });
  }
}
