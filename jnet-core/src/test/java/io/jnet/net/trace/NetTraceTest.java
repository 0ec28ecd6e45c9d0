package io.jnet.net.trace;

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
    return SKIPPED;
  }
}
