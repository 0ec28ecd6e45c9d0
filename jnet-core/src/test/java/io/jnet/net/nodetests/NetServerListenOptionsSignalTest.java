package io.jnet.net.nodetests;

import io.jnet.events.AbortController;
import io.jnet.events.AbortSignal;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-listen-options-signal.js}. */
@NodeFile(
    value = "test-net-server-listen-options-signal.js",
    notPorted = {
      "signal: 'INVALID_SIGNAL' (ERR_INVALID_ARG_TYPE): ListenOptions.signal takes only an"
          + " AbortSignal"
    })
class NetServerListenOptionsSignalTest extends NodeTestCase {
  @Test
  void abortingTheSignalClosesTheServer() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          AbortController controller = new AbortController();
          server.on(Server.CLOSE, mustCall());
          server.listen(ListenOptions.port(0).signal(controller.signal()));
          controller.abort();
        });
  }

  @Test
  void aSignalAbortedBeforeListenClosesTheServer() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          AbortSignal signal = AbortSignal.abort();
          server.on(Server.CLOSE, mustCall());
          server.listen(ListenOptions.port(0).signal(signal));
        });
  }
}
