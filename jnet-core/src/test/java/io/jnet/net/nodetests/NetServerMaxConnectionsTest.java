package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-max-connections.js}. */
@NodeFile("test-net-server-max-connections.js")
class NetServerMaxConnectionsTest extends NodeTestCase {
  static final int N = 20;
  private final Deque<Runnable> waits = new ArrayDeque<>();
  private int closes;
  private Server server;

  @Test
  void connectionsPastTheMaximumAreClosedWithoutData() throws Exception {
    node(
        () -> {
          server =
              Net.createServer(
                  mustCall(
                      (Socket connection) -> {
                        connection.write("hello");
                        waits.add(() -> connection.end());
                      },
                      N / 2));
          server.listen(0, () -> makeConnection(0));
          server.maxConnections(N / 2);
        });
    assertEquals(N, closes);
  }

  private void makeConnection(int index) {
    Socket c = Net.connect(server.address().port());
    boolean[] gotData = {false};
    c.on(
        Socket.CONNECT,
        () -> {
          if (index + 1 < N) makeConnection(index + 1);
          c.on(
              Socket.CLOSE,
              () -> {
                closes++;
                if (closes < N / 2) {
                  assertTrue(
                      server.maxConnections() <= index,
                      index + " should not have been one of the first closed connections");
                }
                if (closes == N / 2) {
                  Runnable cb;
                  while ((cb = waits.poll()) != null) cb.run();
                  server.close();
                }
                if (index < server.maxConnections()) {
                  assertTrue(gotData[0], index + " didn't get data, but should have");
                } else {
                  assertFalse(gotData[0], index + " got data, but shouldn't have");
                }
              });
        });
    c.on(Socket.END, () -> c.end());
    c.on(
        Socket.DATA,
        b -> {
          gotData[0] = true;
          assertTrue(b.length() > 0);
        });
    c.on(Socket.ERROR, e -> {});
  }
}
