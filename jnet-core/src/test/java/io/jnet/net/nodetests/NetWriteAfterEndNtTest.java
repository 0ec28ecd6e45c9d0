package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-after-end-nt.js}. */
@NodeFile("test-net-write-after-end-nt.js")
class NetWriteAfterEndNtTest extends NodeTestCase {
  @Test
  void aWriteAfterThePeerEndedFailsWithEpipeOnTheNextTick() throws Exception {
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] = Net.createServer(mustCall((Socket socket) -> socket.end()));
          server[0].listen(
              () -> {
                Socket[] client = new Socket[1];
                client[0] =
                    Net.connect(
                        server[0].address().port(),
                        "localhost",
                        () -> {
                          boolean[] hasError = {false};
                          client[0].on(
                              Socket.ERROR,
                              mustCall(
                                  (JnetException err) -> {
                                    hasError[0] = true;
                                    server[0].close();
                                  }));
                          client[0].on(
                              Socket.END,
                              mustCall(
                                  () -> {
                                    boolean ret =
                                        client[0].write(
                                            "hello",
                                            expectsError(
                                                "EPIPE",
                                                "Error",
                                                "This socket has been ended by the other party"));
                                    assertFalse(ret);
                                    assertFalse(
                                        hasError[0],
                                        "The error should be emitted in the next tick.");
                                  }));
                          client[0].end();
                        });
              });
        });
  }
}
