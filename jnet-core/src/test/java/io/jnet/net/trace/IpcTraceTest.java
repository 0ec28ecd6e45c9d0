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
    return m;
  }
}
