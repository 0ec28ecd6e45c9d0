package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-remote-address-port.js}. */
@NodeFile("test-net-remote-address-port.js")
class NetRemoteAddressPortTest extends NodeTestCase {
  static final List<String> ADDRESSES = List.of("127.0.0.1", "::1", "::ffff:127.0.0.1");
  static final List<String> FAMILIES = List.of("IPv4", "IPv6");

  @Test
  void remoteFieldsAreAbsentBeforeConnectAndKeptAfterClose() throws Exception {
    node(
        () -> {
          int[] connsClosed = {0};
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        checkRemote(socket);
                        assertTrue(socket.remotePort() != 0);
                        assertNotEquals(server[0].address().port(), socket.remotePort());
                        socket.on(
                            Socket.END,
                            () -> {
                              if (++connsClosed[0] == 2) server[0].close();
                            });
                        socket.on(Socket.CLOSE, () -> checkRemote(socket));
                        socket.resume();
                      },
                      2));
          server[0].listen(
              0,
              () -> {
                Socket client = Net.connect(server[0].address().port(), "127.0.0.1");
                Socket client2 = Net.connect(server[0].address().port());
                for (Socket c : new Socket[] {client, client2}) {
                  assertNull(c.remoteAddress());
                  assertNull(c.remoteFamily());
                  assertNull(c.remotePort());
                  c.on(
                      Socket.CONNECT,
                      () -> {
                        checkRemote(c);
                        assertEquals(server[0].address().port(), c.remotePort());
                        c.end();
                      });
                  c.on(Socket.CLOSE, () -> checkRemote(c));
                }
              });
        });
  }

  private static void checkRemote(Socket s) {
    assertTrue(ADDRESSES.contains(s.remoteAddress()), "remoteAddress " + s.remoteAddress());
    assertTrue(FAMILIES.contains(s.remoteFamily()), "remoteFamily " + s.remoteFamily());
  }
}
