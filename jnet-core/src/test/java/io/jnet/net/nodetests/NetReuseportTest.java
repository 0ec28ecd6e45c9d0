package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-reuseport.js}: two servers of one loop listen with {@code
 * reusePort} on the same port, on 127.0.0.1 and (where the host has IPv6) on {@code ::}, with no
 * {@code 'error'}. As Node's {@code checkSupportReusePort}, the test is skipped where a first
 * reusePort listen fails (jnet's {@code listen ENOTSUP}); epoll and NIO on Linux both support it.
 */
@NodeFile("test-net-reuseport.js")
class NetReuseportTest extends NodeTestCase {
  /** {@code common/net}'s options. */
  private static ListenOptions options(String host, int port) {
    return ListenOptions.port(port).host(host).reusePort(true);
  }

  /** Node's {@code checkSupportReusePort}: a reusePort listen on port 0 succeeds. */
  private static boolean supportsReusePort() throws Exception {
    Server server = Net.createServer();
    try {
      server.listenAsync(ListenOptions.port(0).reusePort(true)).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof JnetException)) throw e;
      return false;
    }
    server.closeAsync().get(10, TimeUnit.SECONDS);
    return true;
  }

  private void test(String host) {
    Server server1 = Net.createServer();
    Server server2 = Net.createServer();
    server1.listen(
        options(host, 0),
        mustCall(
            () -> {
              int port = server1.address().port();
              server2.listen(
                  options(host, port),
                  mustCall(
                      () -> {
                        // The same port, the same address: two sockets share it.
                        assertEquals(server1.address(), server2.address());
                        server1.close();
                        server2.close();
                      }));
            }));
    server1.on(Server.ERROR, mustNotCallArg());
    server2.on(Server.ERROR, mustNotCallArg());
  }

  @Test
  void twoServersListenOnOnePortWithReusePort() throws Exception {
    assumeTrue(supportsReusePort(), "The `reusePort` option is not supported");
    node(
        () -> {
          test("127.0.0.1");
          if (hasIPv6()) test("::");
        });
  }
}
