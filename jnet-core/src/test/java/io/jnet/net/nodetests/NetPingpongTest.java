package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-pingpong.js}: over a path, port 0 and ::1 (or 127.0.0.1).
 */
@NodeFile(
    value = "test-net-pingpong.js",
    notPorted = {"socket.timeout = 0: a property write"})
class NetPingpongTest extends NodeTestCase {
  static final int N = 1000;

  @Test
  void pingPongOverAPath() throws Exception {
    node(() -> pingPong(pipe(), 0, null));
  }

  @Test
  void pingPongOverTcp() throws Exception {
    node(() -> pingPong(null, 0, null));
  }

  @Test
  void pingPongOverLoopback() throws Exception {
    String host = hasIPv6() ? "::1" : "127.0.0.1";
    node(() -> pingPong(null, 0, host));
  }

  private void pingPong(String path, int port, String host) {
    int[] count = {0};
    int[] sentPongs = {0};
    boolean[] sentFinalPing = {false};
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            mustCall(
                (Socket socket) -> {
                  socket.setNoDelay();
                  socket.setEncoding("utf8");
                  socket.on(
                      Socket.TEXT,
                      mustCall(
                          data -> {
                            assertTrue(socket.bufferSize() >= 0 && socket.bufferSize() <= 4);
                            assertTrue(socket.writable());
                            assertTrue(socket.readable());
                            assertTrue(count[0] <= N);
                            assertEquals("PING", data);
                            socket.write("PONG", mustCall((JnetException e) -> sentPongs[0]++));
                          },
                          N + 1));
                  socket.on(
                      Socket.END,
                      mustCall(
                          () -> {
                            assertTrue(socket.allowHalfOpen());
                            assertTrue(socket.writable());
                            assertFalse(socket.readable());
                            socket.end();
                          }));
                  socket.on(Socket.ERROR, mustNotCallArg());
                  socket.on(
                      Socket.CLOSE,
                      mustCall(
                          () -> {
                            assertFalse(socket.writable());
                            assertFalse(socket.readable());
                            closeServer.run();
                          }));
                }));
    closeServer = server::close;
    server.on(
        Server.CONNECTION,
        socket -> {
          assertSame(server, socket.server());
          assertSame(
              server,
              server.getConnections(
                  mustSucceedWith((Integer connections) -> assertEquals(1, connections))));
        });
    Runnable onListening =
        mustCall(
            () -> {
              Socket client =
                  path != null
                      ? Net.connect(path)
                      : host != null
                          ? Net.connect(server.address().port(), host)
                          : Net.connect(server.address().port());
              client.setEncoding("ascii");
              client.on(
                  Socket.CONNECT,
                  mustCall(
                      () -> {
                        assertTrue(client.readable());
                        assertTrue(client.writable());
                        client.write("PING");
                      }));
              client.on(
                  Socket.TEXT,
                  mustCall(
                      data -> {
                        assertEquals("PONG", data);
                        count[0]++;
                        if (sentFinalPing[0]) {
                          assertFalse(client.writable());
                          assertTrue(client.readable());
                          return;
                        }
                        assertTrue(client.writable());
                        assertTrue(client.readable());
                        if (count[0] < N) {
                          client.write("PING");
                        } else {
                          sentFinalPing[0] = true;
                          client.write("PING");
                          client.end();
                        }
                      },
                      N + 1));
              client.on(
                  Socket.CLOSE,
                  mustCall(
                      () -> {
                        assertEquals(N + 1, count[0]);
                        assertEquals(N + 1, sentPongs[0]);
                        assertTrue(sentFinalPing[0]);
                      }));
              client.on(Socket.ERROR, mustNotCallArg());
            });
    if (path != null) server.listen(path, onListening);
    else if (host != null) server.listen(port, host, onListening);
    else server.listen(port, onListening);
  }

  private Runnable closeServer;
}
