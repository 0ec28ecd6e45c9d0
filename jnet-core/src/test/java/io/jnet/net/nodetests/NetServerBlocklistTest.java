package io.jnet.net.nodetests;

import io.jnet.net.AddressInfo;
import io.jnet.net.BlockList;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-server-blocklist.js}: a server given a block list never sees
 * a connection from a blocked address; the client's socket closes.
 */
@NodeFile("test-net-server-blocklist.js")
class NetServerBlocklistTest extends NodeTestCase {
  @Test
  void aBlockedPeerNeverReachesTheServer() throws Exception {
    node(
        () -> {
          BlockList blockList = new BlockList();
          blockList.addAddress("127.0.0.1");
          Server server =
              Net.createServer(ServerOptions.defaults().blockList(blockList), mustNotCallArg());
          server.listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    AddressInfo address = server.address();
                    Socket socket =
                        Net.connect(
                            ConnectOptions.port(address.port())
                                .host(address.address())
                                .localAddress("127.0.0.1"));
                    socket.on(Socket.CLOSE, mustCall((Boolean hadError) -> server.close()));
                  }));
        });
  }
}
