package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.events.AbortController;
import io.jnet.events.AbortSignal;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-abort-controller.js}: six sockets given a signal,
 * one after the other, each aborted (before connect, after, on the next turn; through {@code
 * Net.connect} and through the constructor); each emits an {@code 'error'} named {@code AbortError}
 * before {@code 'close'} (Node's {@code once(socket, 'close')} rejects), and the signal holds one
 * {@code 'abort'} listener while the socket waits on it, none when it was given aborted.
 */
@NodeFile("test-net-connect-abort-controller.js")
class NetConnectAbortControllerTest extends NodeTestCase {
  /** One scenario: makes its socket, checks the listener count, calls assertAbort. */
  @FunctionalInterface
  private interface Scenario {
    void run(int port, String host, Consumer<Socket> assertAbort);
  }

  @Test
  void aSignalAbortsTheSocketWhenEverItIsAborted() throws Exception {
    node(
        () -> {
          Server server = Net.createServer();
          Set<Socket> liveConnections = new LinkedHashSet<>();
          server.listen(
              0,
              mustCall(
                  () -> {
                    int port = server.address().port();
                    String host = "localhost";
                    server.on(
                        Server.CONNECTION,
                        connection -> {
                          liveConnections.add(connection);
                          connection.on(
                              Socket.CLOSE, hadError -> liveConnections.remove(connection));
                        });
                    List<Scenario> scenarios = new ArrayList<>();
                    scenarios.add(this::postAbort);
                    scenarios.add(this::preAbort);
                    scenarios.add(this::tickAbort);
                    scenarios.add(this::testConstructor);
                    scenarios.add(this::testConstructorPost);
                    scenarios.add(this::testConstructorPostTick);
                    Runnable end =
                        () -> {
                          // Killing the net.Socket without connecting hangs the server.
                          for (Socket connection : List.copyOf(liveConnections)) {
                            connection.destroy();
                          }
                          server.close(mustCall((JnetException err) -> {}));
                        };
                    runInTurn(scenarios, 0, port, host, end);
                  }));
        });
  }

  /** Runs the scenarios one after the other, each once the previous socket closed. */
  private void runInTurn(List<Scenario> scenarios, int i, int port, String host, Runnable end) {
    if (i == scenarios.size()) {
      end.run();
      return;
    }
    Runnable next = () -> runInTurn(scenarios, i + 1, port, host, end);
    Consumer<Socket> assertAbort =
        mustCallAtLeast(
            (Socket socket) -> {
              boolean[] errored = new boolean[1];
              socket.on(
                  Socket.ERROR,
                  err -> {
                    errored[0] = true;
                    assertEquals("AbortError", err.name());
                  });
              socket.once(
                  Socket.CLOSE,
                  hadError -> {
                    assertTrue(errored[0], "close should have come after an error");
                    next.run();
                  });
            },
            1);
    scenarios.get(i).run(port, host, assertAbort);
  }

  private static ConnectOptions socketOptions(int port, String host, AbortSignal signal) {
    return ConnectOptions.port(port).host(host).signal(signal);
  }

  private void postAbort(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    Socket socket = Net.connect(socketOptions(port, host, signal));
    assertEquals(1, signal.listenerCount(AbortSignal.ABORT));
    ac.abort();
    assertAbort.accept(socket);
  }

  private void preAbort(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    ac.abort();
    Socket socket = Net.connect(socketOptions(port, host, signal));
    assertEquals(0, signal.listenerCount(AbortSignal.ABORT));
    assertAbort.accept(socket);
  }

  private void tickAbort(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    loop().setImmediate(ac::abort);
    Socket socket = Net.connect(socketOptions(port, host, signal));
    assertEquals(1, signal.listenerCount(AbortSignal.ABORT));
    assertAbort.accept(socket);
  }

  // Node gives port and host to the constructor too, which ignores them: a jnet SocketOptions has
  // neither.

  private void testConstructor(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    ac.abort();
    Socket socket = new Socket(SocketOptions.defaults().signal(signal));
    assertEquals(0, signal.listenerCount(AbortSignal.ABORT));
    assertAbort.accept(socket);
  }

  private void testConstructorPost(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    Socket socket = new Socket(SocketOptions.defaults().signal(signal));
    assertEquals(1, signal.listenerCount(AbortSignal.ABORT));
    ac.abort();
    assertAbort.accept(socket);
  }

  private void testConstructorPostTick(int port, String host, Consumer<Socket> assertAbort) {
    AbortController ac = new AbortController();
    AbortSignal signal = ac.signal();
    Socket socket = new Socket(SocketOptions.defaults().signal(signal));
    assertEquals(1, signal.listenerCount(AbortSignal.ABORT));
    loop().setImmediate(ac::abort);
    assertAbort.accept(socket);
  }
}
