package io.jnet.net.nodetests;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-socket-end-callback.js}. */
@NodeFile("test-net-socket-end-callback.js")
class NetSocketEndCallbackTest extends NodeTestCase {
  @Test
  void endCallsItsCallbackWithOrWithoutData() throws Exception {
    node(
        () -> {
          Server server = Net.createServer(socket -> socket.resume());
          server.unref();
          server.listen(
              mustCall(
                  () -> {
                    int port = server.address().port();
                    Consumer<JnetException> cb = mustCallArg(3);
                    Socket[] s = new Socket[3];
                    s[0] = Net.connect(port, "localhost", () -> s[0].end(cb));
                    s[1] = Net.connect(port, "localhost", () -> s[1].end("foo", cb));
                    s[2] = Net.connect(port, "localhost", () -> s[2].end("foo", "utf8", cb));
                  }));
        });
  }
}
