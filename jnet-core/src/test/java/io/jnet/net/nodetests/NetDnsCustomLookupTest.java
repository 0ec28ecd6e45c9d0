package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jnet.net.ConnectOptions;
import io.jnet.net.LookupInfo;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-dns-custom-lookup.js}. */
@NodeFile(
    value = "test-net-dns-custom-lookup.js",
    notPorted = "a lookup answering undefined (ERR_INVALID_IP_ADDRESS): a Java list holds no such")
class NetDnsCustomLookupTest extends NodeTestCase {
  @Test
  void aCustomLookupsAnswerIsConnectedTo() throws Exception {
    node(
        () ->
            check(
                4,
                () -> {
                  if (hasIPv6()) check(6, null);
                }));
  }

  private void check(int addressType, Runnable cb) {
    String address = addressType == 4 ? "127.0.0.1" : "::1";
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            client -> {
              client.end();
              server[0].close();
              if (cb != null) cb.run();
            });
    server[0].listen(
        0,
        address,
        mustCall(
            () ->
                Net.connect(
                        ConnectOptions.port(server[0].address().port())
                            .host("localhost")
                            .family(addressType)
                            .lookup(
                                (host, family, done) ->
                                    loop().nextTick(() -> done.done(null, List.of(address)))))
                    .on(
                        Socket.LOOKUP,
                        mustCall(
                            (LookupInfo l) -> {
                              assertNull(l.error());
                              assertEquals(address, l.address());
                              assertEquals(addressType, l.family());
                            }))));
  }
}
