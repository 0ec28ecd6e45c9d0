package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-localerror.js}. */
@NodeFile(
    value = "test-net-localerror.js",
    notPorted = "localPort: 'foobar' throws ERR_INVALID_ARG_TYPE: Java's types take only an int")
class NetLocalerrorTest extends NodeTestCase {
  @Test
  void aLocalAddressThatIsNoIpThrows() throws Exception {
    node(
        () ->
            assertThrowsNode(
                "ERR_INVALID_IP_ADDRESS",
                "TypeError",
                null,
                () ->
                    Net.connect(ConnectOptions.port(0).host("localhost").localAddress("foobar"))));
  }
}
