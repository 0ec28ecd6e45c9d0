package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-no-arg.js}. Java has no {@code connect()} without
 * arguments and no options without a port or path: Node's {@code connect()} and {@code connect({})}
 * are a null {@link ConnectOptions} here.
 */
@NodeFile("test-net-connect-no-arg.js")
class NetConnectNoArgTest extends NodeTestCase {
  static final String MESSAGE =
      "The \"options\" or \"port\" or \"path\" argument must be specified";

  @Test
  void connectWithoutPortOrPathThrowsMissingArgs() throws Exception {
    node(
        () -> {
          assertThrowsNode(
              "ERR_MISSING_ARGS", null, MESSAGE, () -> Net.connect((ConnectOptions) null));
          assertThrowsNode(
              "ERR_MISSING_ARGS", null, MESSAGE, () -> new Socket().connect((ConnectOptions) null));
        });
  }
}
