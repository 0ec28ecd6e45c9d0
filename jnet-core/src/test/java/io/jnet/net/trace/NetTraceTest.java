package io.jnet.net.trace;

import io.jnet.internal.transport.Transport;
import java.util.HashMap;
import java.util.Map;

/**
 * The Java twins of {@code net.js}: TCP scenarios with a server on 127.0.0.1 port 0 and a client on
 * the same loop, compared line by line with the traces Node recorded.
 */
class NetTraceTest extends NetSuite {
  /** Node scenarios without a twin, each with why; none so far. */
  static final Map<String, String> SKIPPED = Map.of();

  @Override
  protected String suite() {
    return "net";
  }

  @Override
  protected void twins(Scenarios s) {
    NetEndings.register(s);
    NetReadWrite.register(s);
    NetServers.register(s);
    NetSockets.register(s);
  }

  @Override
  protected Map<String, String> skipped() {
    if (Transport.current() != Transport.IO_URING) return SKIPPED;
    // Netty's io_uring channels complete every write in a later completion, where libuv's write
    // completes within the call when the kernel takes it whole: callbacks and 'drain' come later.
    String why = "io_uring: a write's callback comes one I/O turn later than Node's";
    Map<String, String> m = new HashMap<>(SKIPPED);
    m.put("writeCallbackOrder", why);
    m.put("writeFalseThenDrain", why);
    m.put("writesQueuedBeforeConnect", why);
    return m;
  }
}
