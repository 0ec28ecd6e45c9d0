package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-after-destroy.js}: destroying a socket while its
 * host is resolved throws nothing later. The name resolves through the {@code lookup} option to
 * loopback, so the test needs no DNS.
 */
@NodeFile("test-net-connect-after-destroy.js")
class NetConnectAfterDestroyTest extends NodeTestCase {
  @Test
  void destroyWhileResolvingIsQuiet() throws Exception {
    node(
        () -> {
          Socket c =
              Net.connect(
                  ConnectOptions.port(80)
                      .host("google.com")
                      .lookup((host, family, done) -> done.done(null, List.of("127.0.0.1"))));
          c.destroy();
        });
  }
}
