package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code connect()} on a socket that is connected already, as Node 24 on Linux: libuv connects the
 * same descriptor again. The kernel answers the first such connect of a client socket (whose own
 * non-blocking connect it then confirms) with success, so Node emits {@code 'connectionAttempt'},
 * {@code 'connect'} and {@code 'ready'} again on the very same connection, whatever the address;
 * any later one, and the first one of an accepted socket, is {@code connect EISCONN 127.0.0.1:P -
 * Local (127.0.0.1:L)}, which destroys the socket. No new connection is ever made.
 */
@Timeout(60)
class ReconnectTest {
  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static String attempt(ConnectionAttempt a) {
    return "connectionAttempt " + a.ip() + ":" + a.port() + "/" + a.family();
  }

  /** The events of {@code s} from now on, in order, into {@code log}. */
  private static CompletableFuture<Void> record(Socket s, List<String> log) {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    s.on(Socket.CONNECTION_ATTEMPT, a -> log.add(attempt(a)));
    s.on(Socket.CONNECTION_ATTEMPT_FAILED, a -> log.add("connectionAttemptFailed"));
    s.on(Socket.CONNECT, () -> log.add("connect"));
    s.on(Socket.READY, () -> log.add("ready"));
    s.on(Socket.ERROR, e -> log.add("error " + e.code() + " " + e.getMessage()));
    s.on(
        Socket.CLOSE,
        hadError -> {
          log.add("close " + hadError);
          closed.complete(null);
        });
    return closed;
  }

  @Test
  void aClientsFirstReconnectConnectsAgainOnTheSameConnectionAndTheNextIsEisconn()
      throws Exception {
    List<String> received = Collections.synchronizedList(new ArrayList<>());
    List<Socket> first = Collections.synchronizedList(new ArrayList<>());
    Server s1 =
        Net.createServer(
            c -> {
              first.add(c);
              c.on(Socket.DATA, b -> received.add(b.toString()));
            });
    List<Socket> second = Collections.synchronizedList(new ArrayList<>());
    Server s2 = Net.createServer(second::add);
    await(s1.listenAsync(ListenOptions.port(0).host("127.0.0.1")));
    await(s2.listenAsync(ListenOptions.port(0).host("127.0.0.1")));
    int p1 = s1.address().port();
    int p2 = s2.address().port();
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    String[] local = new String[1];
    Socket client = new Socket();
    CompletableFuture<Void> closed = record(client, log);
    int[] connects = new int[1];
    client.on(
        Socket.CONNECT,
        () -> {
          if (++connects[0] == 2) client.write("still the first connection");
          local[0] = client.localAddress() + ":" + client.localPort();
          client.connect(p2, "127.0.0.1");
        });
    client.connect(p1, "127.0.0.1");
    await(closed);
    assertEquals(
        List.of(
            "connectionAttempt 127.0.0.1:" + p1 + "/4",
            "connect",
            "ready",
            "connectionAttempt 127.0.0.1:" + p2 + "/4",
            "connect",
            "ready",
            "connectionAttempt 127.0.0.1:" + p2 + "/4",
            "error EISCONN connect EISCONN 127.0.0.1:" + p2 + " - Local (" + local[0] + ")",
            "close true"),
        log);
    await(s1.closeAsync());
    await(s2.closeAsync());
    assertEquals(1, first.size(), "connections to the first server");
    assertEquals(List.of("still the first connection"), received);
    assertEquals(0, second.size(), "connections to the second server");
  }

  @Test
  void anAcceptedSocketsReconnectIsEisconn() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Server s2 = Net.createServer();
    await(s2.listenAsync(ListenOptions.port(0).host("127.0.0.1")));
    int p2 = s2.address().port();
    String[] local = new String[1];
    Server s1 =
        Net.createServer(
            c -> {
              record(c, log).thenRun(() -> closed.complete(null));
              local[0] = c.localAddress() + ":" + c.localPort();
              c.connect(p2, "127.0.0.1");
            });
    await(s1.listenAsync(ListenOptions.port(0).host("127.0.0.1")));
    Socket client = Net.connect(s1.address().port(), "127.0.0.1");
    client.on(Socket.ERROR, e -> {});
    await(closed);
    assertEquals(
        List.of(
            "connectionAttempt 127.0.0.1:" + p2 + "/4",
            "error EISCONN connect EISCONN 127.0.0.1:" + p2 + " - Local (" + local[0] + ")",
            "close true"),
        log);
    client.destroy();
    await(s1.closeAsync());
    await(s2.closeAsync());
  }

  /**
   * Node 24: a connected Unix socket's {@code connect(path)} emits {@code 'connectionAttempt'},
   * then {@code 'connectionAttemptFailed'} and {@code 'error'} {@code connect EISCONN PATH}, then
   * {@code 'close'} (true).
   */
  @Test
  void aConnectedUnixSocketsReconnectIsEisconn(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String p1 = dir.resolve("p1.sock").toString();
    String p2 = dir.resolve("p2.sock").toString();
    List<Socket> second = Collections.synchronizedList(new ArrayList<>());
    Server s1 = Net.createServer(c -> c.on(Socket.ERROR, e -> {}));
    Server s2 = Net.createServer(second::add);
    await(s1.listenAsync(ListenOptions.path(p1)));
    await(s2.listenAsync(ListenOptions.path(p2)));
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    Socket client = new Socket();
    CompletableFuture<Void> closed = record(client, log);
    client.once(Socket.CONNECT, () -> client.connect(p2));
    client.connect(p1);
    await(closed);
    assertEquals(
        List.of(
            "connectionAttempt " + p1 + ":null/null",
            "connect",
            "connectionAttempt " + p2 + ":null/null", // inside connect(), before the first 'ready'
            "ready",
            "connectionAttemptFailed",
            "error EISCONN connect EISCONN " + p2,
            "close true"),
        log);
    await(s1.closeAsync());
    await(s2.closeAsync());
    assertEquals(0, second.size(), "connections to the second server");
  }
}
