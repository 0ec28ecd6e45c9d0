package io.jnet.net.nodetests;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-listen-options.js}. */
@NodeFile(
    value = "test-net-server-listen-options.js",
    notPorted = {
      "ports '0', undefined, null, NaN, 123.456, Infinity and -Infinity: Java's types take only an"
          + " int",
      "{port: -1, path}: ListenOptions holds a port or a path, not both",
      "options false, true, {port: false}, {port: true}, {fd: -1}, {path: -1}, {}, {host},"
          + " {exclusive: true} (ERR_INVALID_ARG_VALUE): ListenOptions is made from a port or a"
          + " path, so none can be written"
    })
class NetServerListenOptionsTest extends NodeTestCase {
  @Test
  void listenWithoutAPortListens() throws Exception {
    node(
        () -> {
          Server a = Net.createServer().listen();
          a.on(Server.LISTENING, mustCall(() -> a.close()));
          Server[] b = new Server[1];
          b[0] = Net.createServer().listen(mustCall(() -> b[0].close()));
          Server c = Net.createServer().listen(0);
          c.on(Server.LISTENING, mustCall(() -> c.close()));
          Server d = Net.createServer().listen(ListenOptions.port(0));
          d.on(Server.LISTENING, mustCall(() -> d.close()));
        });
  }

  @Test
  void portZeroListensAndBadPortsThrow() throws Exception {
    node(
        () -> {
          Server[] a = new Server[1];
          a[0] = Net.createServer().listen(ListenOptions.port(0), mustCall(() -> a[0].close()));
          Server[] b = new Server[1];
          b[0] = Net.createServer().listen(0, mustCall(() -> b[0].close()));
          for (int port : new int[] {-1, 65536}) {
            assertThrowsNode(
                "ERR_SOCKET_BAD_PORT",
                "RangeError",
                null,
                () -> Net.createServer().listen(ListenOptions.port(port), mustNotCall()));
            assertThrowsNode(
                "ERR_SOCKET_BAD_PORT",
                "RangeError",
                null,
                () -> Net.createServer().listen(port, mustNotCall()));
          }
        });
  }
}
