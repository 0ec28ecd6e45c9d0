package io.jnet.net.nodetests;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-listen-invalid-port.js}. Node's bad port is {@code -1 >>> 0}
 * (4294967295), which no Java int holds: -1 stands for it (Node 24 throws the same error for both).
 */
@NodeFile(
    value = "test-net-listen-invalid-port.js",
    notPorted = "server._connectionKey: a Node internal")
class NetListenInvalidPortTest extends NodeTestCase {
  @Test
  void listenOnAPortOutOfRangeThrowsBadPort() throws Exception {
    node(
        () -> {
          int invalidPort = -1;
          assertThrowsNode(
              "ERR_SOCKET_BAD_PORT",
              "RangeError",
              null,
              () -> Net.createServer().listen(ListenOptions.port(invalidPort), mustNotCall()));
          assertThrowsNode(
              "ERR_SOCKET_BAD_PORT",
              "RangeError",
              null,
              () -> Net.createServer().listen(invalidPort, mustNotCall()));
          assertThrowsNode(
              "ERR_SOCKET_BAD_PORT",
              "RangeError",
              null,
              () -> Net.createServer().listen(invalidPort, "0.0.0.0", mustNotCall()));
        });
  }
}
