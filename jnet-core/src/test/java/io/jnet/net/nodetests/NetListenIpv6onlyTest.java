package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-listen-ipv6only.js} (skipped without IPv6, as Node's). */
@NodeFile("test-net-listen-ipv6only.js")
class NetListenIpv6onlyTest extends NodeTestCase {
  @Test
  void anIpv6OnlyServerRefusesIpv4() throws Exception {
    assumeTrue(!onNio(), "on NIO: anIpv6OnlyServerRefusesIpv4OnNio");
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

  @Differs(
      "on NIO, listen({host: '::', port: 0, ipv6Only: true}) still accepts IPv4 (a connect to 0.0.0.0 is accepted from ::ffff:127.0.0.1); Node 24 refuses it (ECONNREFUSED), as jnet does on epoll.")
  @Tag("pending")
  @Test
  void anIpv6OnlyServerRefusesIpv4OnNio() throws Exception {
    assumeTrue(onNio(), "NIO only");
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
