package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-ipv6only.js} (skipped without IPv6, as Node's). */
@NodeFile(
    value = "test-net-listen-ipv6only.js",
    notPorted =
        "the IPv4 connect refused on NIO: the JDK has no IPV6_V6ONLY, so a NIO server on :: is"
            + " dual-stack (the fact passes on epoll and io_uring)")
class NetListenIpv6onlyTest extends NodeTestCase {
  @Test
  void anIpv6OnlyServerRefusesIpv4() throws Exception {
    assumeTrue(!onNio(), "the JDK has no IPV6_V6ONLY: NIO is dual-stack");
    assumeTrue(hasIPv6(), "no IPv6 support");
    node(
        () -> {
          Server server = Net.createServer();
          server.listen(
              ListenOptions.port(0).host("::").ipv6Only(true),
              mustCall(
                  () -> {
                    int port = server.address().port();
                    Socket socket = Net.connect(ConnectOptions.port(port).host("0.0.0.0"));
                    socket.on(Socket.CONNECT, mustNotCall());
                    socket.on(
                        Socket.ERROR,
                        mustCall(
                            (JnetException err) -> {
                              assertEquals("ECONNREFUSED", err.code());
                              server.close();
                            }));
                  }));
        });
  }
}
