package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.LookupInfo;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-dns-error.js}: a name the resolver refuses (a label of 64
 * characters) fails the connect with ENOTFOUND or EAI_FAIL, through {@code 'lookup'} and {@code
 * 'error'}.
 */
@NodeFile("test-net-dns-error.js")
class NetDnsErrorTest extends NodeTestCase {
  @Test
  void anUnresolvableHostFailsTheConnect() throws Exception {
    node(
        () -> {
          String host = "*".repeat(64);
          List<String> errCodes = List.of("ENOTFOUND", "EAI_FAIL");
          Socket socket = Net.connect(42, host, mustNotCall());
          socket.on(
              Socket.ERROR,
              mustCall((JnetException err) -> assertTrue(errCodes.contains(err.code()), "" + err)));
          socket.on(
              Socket.LOOKUP,
              mustCall(
                  (LookupInfo l) -> {
                    assertNotNull(l.error());
                    assertTrue(errCodes.contains(l.error().code()), "" + l.error());
                    assertNull(l.address());
                    assertNull(l.family());
                  }));
        });
  }
}
