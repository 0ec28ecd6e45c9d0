package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-keepalive.js}: clients connect with keep-alive on
 * (with delays 123, 456123, -123000 and none) and off.
 */
@NodeFile(
    value = "test-net-connect-keepalive.js",
    notPorted = {
      "keepAlive given as 1, 'true', {}, [], 0 or '': Java's types take only a boolean",
      "the delay reaching the handle's setKeepAlive (in seconds: 0, 456, 0, 0), and false never"
          + " reaching it: checked on Node's _handle internals"
    })
class NetConnectKeepaliveTest extends NodeTestCase {
  @Test
  void aClientConnectsWithKeepAliveOnOrOff() throws Exception {
    node(
        () -> {
          for (Integer delay : new Integer[] {123, 456123, -123000, null}) {
            ConnectOptions base = ConnectOptions.port(0).keepAlive(true);
            connectAndEnd(delay == null ? base : base.keepAliveInitialDelay(delay));
          }
          connectAndEnd(ConnectOptions.port(0).keepAlive(false));
        });
  }

  private void connectAndEnd(ConnectOptions template) {
    Server server = Net.createServer();
    server.listen(
        0,
        mustCall(
            () -> {
              int port = server.address().port();
              ConnectOptions o =
                  ConnectOptions.port(port)
                      .keepAlive(template.keepAlive())
                      .keepAliveInitialDelay(template.keepAliveInitialDelay());
              Socket[] client = new Socket[1];
              client[0] = Net.connect(o, mustCall(() -> client[0].end()));
              client[0].on(Socket.END, mustCall(() -> server.close()));
            }));
  }
}
