package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.net.Adopt;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-listen-fd0.js}: {@code listen({fd: 0})} on standard input,
 * which is no socket, emits {@code 'error'} EINVAL or ENOTSOCK and throws nothing.
 */
@NodeFile("test-net-listen-fd0.js")
class NetListenFd0Test extends NodeTestCase {
  private void listenOnStdin() {
    Net.createServer(mustNotCallArg())
        .listen(ListenOptions.fd(0))
        .on(
            Server.ERROR,
            mustCall(
                err -> assertTrue(List.of("EINVAL", "ENOTSOCK").contains(err.code()), "" + err)));
  }

  @Test
  void listenOnStdinIsAnAsyncError() throws Exception {
    assumeTrue(Adopt.available(), "this transport cannot adopt a descriptor");
    node(this::listenOnStdin);
  }

  @Differs(
      "Node 24 emits 'error' EINVAL/ENOTSOCK; on NIO jnet's listen({fd}) throws"
          + " ERR_FEATURE_UNAVAILABLE_ON_PLATFORM at the call (the JDK's channels cannot adopt a"
          + " descriptor); epoll matches Node.")
  @Tag("pending")
  @Test
  void listenOnStdinIsAnAsyncErrorOnNio() throws Exception {
    assumeFalse(Adopt.available(), "this transport adopts descriptors");
    node(this::listenOnStdin);
  }
}
