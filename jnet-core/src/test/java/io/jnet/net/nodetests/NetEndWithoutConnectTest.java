package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jnet.error.JnetException;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-end-without-connect.js}. */
@NodeFile("test-net-end-without-connect.js")
class NetEndWithoutConnectTest extends NodeTestCase {
  @Test
  void endOfASocketNeverConnectedCallsBackNotWritable() throws Exception {
    node(
        () -> {
          Socket sock = new Socket();
          // Node 24: the callback (no error), then 'finish'; the socket is not destroyed.
          sock.on(Socket.FINISH, mustCall(() -> assertFalse(sock.destroyed())));
          sock.on(Socket.CLOSE, mustNotCall());
          sock.end(
              mustCall(
                  (JnetException e) -> {
                    assertNull(e);
                    assertFalse(sock.writable());
                  }));
        });
  }
}
