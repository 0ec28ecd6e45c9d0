package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.error.JnetException;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-end-without-connect.js}. */
@NodeFile("test-net-end-without-connect.js")
class NetEndWithoutConnectTest extends NodeTestCase {
  @Differs(
      "Node 24's new Socket().end(cb) calls cb (null error, writable false), then emits 'finish' and 'close'; jnet never calls cb, nor emits 'finish' or 'close'.")
  @Tag("pending")
  @Test
  void endOfASocketNeverConnectedCallsBackNotWritable() throws Exception {
    node(
        () -> {
          Socket sock = new Socket();
          sock.end(mustCall((JnetException e) -> assertFalse(sock.writable())));
        });
  }
}
