package io.jnet.net.nodetests;

import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-close-before-calling-lookup-callback.js}. */
@NodeFile("test-net-server-close-before-calling-lookup-callback.js")
class NetServerCloseBeforeCallingLookupCallbackTest extends NodeTestCase {
  @Test
  void closeBeforeTheHostIsResolvedCancelsTheListen() throws Exception {
    node(() -> Net.createServer().listen(0, "localhost", mustNotCall()).close());
  }
}
