package io.jnet.net.trace;

import io.jnet.internal.transport.Transport;
import java.util.HashMap;
import java.util.Map;

/**
 * The Java twins of {@code ipc.js}: Unix-domain-socket scenarios, a server and a client on the same
 * loop on a fresh path under the temp directory, compared with the traces Node recorded.
 */
class IpcTraceTest extends NetSuite {
  /** Node scenarios without a twin, each with why. */
  static final Map<String, String> SKIPPED = Map.of();

  @Override
  protected String suite() {
    return "ipc";
  }

  @Override
  protected void twins(Scenarios s) {
    IpcStreams.register(s);
    IpcPaths.register(s);
  }

  @Override
  protected Map<String, String> skipped() {
    Map<String, String> m = new HashMap<>(SKIPPED);
    if (Transport.current() == Transport.NIO) {
      m.put(
          "abstractSocket", "the JDK cannot bind Linux abstract names: NIO refuses them (EINVAL)");
    }
    if (Transport.current() == Transport.IO_URING) {
      // Netty 4.2.18's io_uring Unix channel closes at the peer's FIN: a write after 'end' fails.
      String why = "io_uring: a write after the peer's end fails with EPIPE (Netty closes at FIN)";
      m.put("halfClose", why);
      m.put("bytesCounts", why);
    }
    return m;
  }
}
