package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-server-max-connections-close-makes-more-available.js}; the
 * promise chain is a chain of callbacks here.
 */
@NodeFile("test-net-server-max-connections-close-makes-more-available.js")
class NetServerMaxConnectionsCloseMakesMoreAvailableTest extends NodeTestCase {
  private final List<String> received = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private final Socket[] connections = new Socket[4];
  private Server server;

  @Test
  void closingAConnectionLetsTheNextOneIn() throws Exception {
    assumeTrue(onNio(), "on the native transport: closingAConnectionLetsTheNextOneInOnEpoll");
    node(
        () -> {
          server =
              Net.createServer(
                  socket ->
                      socket.on(
                          Socket.DATA,
                          data -> {
                            received.add(data.toString());
                            socket.write("acknowledged");
                          }));
          server.maxConnections(1);
          server.listen(
              0,
              () ->
                  create(
                      0,
                      () ->
                          create(
                              1,
                              () ->
                                  close(
                                      0,
                                      () ->
                                          create(
                                              2,
                                              () ->
                                                  create(
                                                      3,
                                                      () -> {
                                                        server.close();
                                                        close(2, () -> {});
                                                      }))))));
        });
    assertEquals(List.of("0", "1", "2", "3"), sent);
    assertEquals(List.of("0", "2"), received);
  }

  @Differs(
      "on epoll, a client whose connection the server dropped (maxConnections) gets 'end' then 'error' ENOTCONN (syscall shutdown: its automatic end() finds the peer gone); Node 24 ignores ENOTCONN from shutdown and gives 'end' and 'close' only, as jnet does on NIO.")
  @Test
  void closingAConnectionLetsTheNextOneInOnEpoll() throws Exception {
    assumeTrue(!onNio(), "native transport only");
    node(
        () -> {
          server =
              Net.createServer(
                  socket ->
                      socket.on(
                          Socket.DATA,
                          data -> {
                            received.add(data.toString());
                            socket.write("acknowledged");
                          }));
          server.maxConnections(1);
          server.listen(
              0,
              () ->
                  create(
                      0,
                      () ->
                          create(
                              1,
                              () ->
                                  close(
                                      0,
                                      () ->
                                          create(
                                              2,
                                              () ->
                                                  create(
                                                      3,
                                                      () -> {
                                                        server.close();
                                                        close(2, () -> {});
                                                      }))))));
        });
    assertEquals(List.of("0", "1", "2", "3"), sent);
    assertEquals(List.of("0", "2"), received);
  }

  /** Connects client {@code index}, sends its number, goes on at its first answer or end. */
  private void create(int index, Runnable then) {
    boolean[] resolved = {false};
    Runnable resolve =
        () -> {
          if (!resolved[0]) {
            resolved[0] = true;
            then.run();
          }
        };
    Socket[] c = new Socket[1];
    c[0] =
        Net.connect(
            server.address().port(),
            "localhost",
            () -> {
              String msg = String.valueOf(index);
              c[0].write(msg);
              sent.add(msg);
            });
    c[0].on(
        Socket.ERROR,
        (JnetException err) -> {
          assertEquals("ECONNRESET", err.code());
          resolve.run();
        });
    c[0].on(Socket.DATA, d -> resolve.run());
    c[0].on(Socket.END, resolve);
    connections[index] = c[0];
  }

  private void close(int index, Runnable then) {
    connections[index].on(Socket.END, then);
    connections[index].end();
  }
}
