package io.jnet.net.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import io.jnet.testing.NodeJs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Node against jnet: Node's {@code client.js} on a jnet server, and a jnet client on Node's
 * {@code server.js}, over TCP and over Unix sockets.
 *
 * <p>Each run moves 100 MiB each way at once with half-close: both sides send their PRNG stream
 * ({@link Prng}) as fast as backpressure lets them, end their side, and read until the peer's end;
 * both check every byte. The Node side's JSON result line and the jnet side's counts are asserted.
 * The transport is the JVM's ({@code -Djnet.transport=nio|epoll}); each test prints it.
 */
class InteropTest {
  private static final long SIZE = 100L * 1024 * 1024;
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @BeforeAll
  static void needsNode() {
    NodeJs.assumeAvailable();
  }

  @Test
  void nodeClientMovesHundredMegabytesBothWaysWithJnetServerOverTcp() throws Exception {
    nodeClientAgainstJnetServer(ListenOptions.port(0).host("127.0.0.1"), "tcp");
  }

  @Test
  void jnetClientMovesHundredMegabytesBothWaysWithNodeServerOverTcp() throws Exception {
    jnetClientAgainstNodeServer("tcp:0", "tcp");
  }

  @Test
  void nodeClientMovesHundredMegabytesBothWaysWithJnetServerOverIpc() throws Exception {
    nodeClientAgainstJnetServer(ListenOptions.path(dir.resolve("jnet.sock").toString()), "ipc");
  }

  @Test
  void jnetClientMovesHundredMegabytesBothWaysWithNodeServerOverIpc() throws Exception {
    jnetClientAgainstNodeServer("unix:" + dir.resolve("node.sock"), "ipc");
  }

  private void nodeClientAgainstJnetServer(ListenOptions listen, String kind) throws Exception {
    long start = System.nanoTime();
    List<String> offLoop = new CopyOnWriteArrayList<>();
    CompletableFuture<JnetPeer> accepted = new CompletableFuture<>();
    CompletableFuture<AddressInfo> listening = new CompletableFuture<>();
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            socket -> {
              if (!socket.loop().inLoop()) offLoop.add("connection");
              if (accepted.isDone()) {
                socket.destroy(); // one connection only, as server.js
                return;
              }
              JnetPeer peer =
                  JnetPeer.attach(socket, "server", SIZE, Prng.SERVER_SEED, Prng.CLIENT_SEED);
              accepted.complete(peer);
              peer.pump();
            });
    server.on(Server.ERROR, listening::completeExceptionally);
    NodeProgram node = null;
    try {
      server.listen(listen, () -> listening.complete(server.address()));
      AddressInfo where = await(listening, "the jnet server's 'listening'");
      String addr = listen.path() != null ? "unix:" + listen.path() : "tcp:" + where.port();
      node = NodeProgram.start("client.js", addr, Long.toString(SIZE));
      JnetPeer peer = await(accepted, "the jnet server's 'connection' from " + node);
      CompletableFuture<Void> closed = server.closeAsync();

      Map<String, Object> nodeResult = node.awaitResult(TIMEOUT_SECONDS);
      JnetPeer.Result jnetResult = await(peer.result(), "'close' of the jnet server's socket");
      await(closed, "the jnet server's 'close'");
      report("node client.js -> jnet server over " + kind, start, nodeResult, jnetResult);
      assertAll(
          () -> assertNodeOk("client", nodeResult),
          () -> assertJnetOk(jnetResult),
          () -> assertEquals(List.of(), offLoop, "server listeners off the loop"));
    } finally {
      if (node != null) node.close();
      if (server.listening()) server.close();
      accepted.thenAccept(p -> p.socket().destroy());
    }
  }

  private void jnetClientAgainstNodeServer(String listenAddr, String kind) throws Exception {
    long start = System.nanoTime();
    try (NodeProgram node = NodeProgram.start("server.js", listenAddr, Long.toString(SIZE))) {
      String where = node.awaitListening(30);
      ConnectOptions to =
          kind.equals("ipc")
              ? ConnectOptions.path(where)
              : ConnectOptions.port(Integer.parseInt(where)).host("127.0.0.1");
      Socket socket = new Socket(SocketOptions.defaults().allowHalfOpen(true));
      try {
        JnetPeer peer = JnetPeer.attach(socket, "client", SIZE, Prng.CLIENT_SEED, Prng.SERVER_SEED);
        socket.connect(to);
        peer.pump();
        Map<String, Object> nodeResult = node.awaitResult(TIMEOUT_SECONDS);
        JnetPeer.Result jnetResult = await(peer.result(), "'close' of the jnet client socket");
        report("jnet client -> node server.js over " + kind, start, nodeResult, jnetResult);
        assertAll(() -> assertNodeOk("server", nodeResult), () -> assertJnetOk(jnetResult));
      } finally {
        socket.destroy();
      }
    }
  }

  private static void assertNodeOk(String role, Map<String, Object> json) {
    assertAll(
        "node " + role + " result " + json,
        () -> assertEquals(role, json.get("role"), "role"),
        () -> assertEquals(SIZE, json.get("sent"), "bytes node sent"),
        () -> assertEquals(SIZE, json.get("received"), "bytes node received"),
        () -> assertNull(json.get("mismatchAt"), "offset of the first wrong byte node received"),
        () -> assertEquals(List.of(), json.get("errors"), "node's errors"),
        () -> assertEquals(Boolean.TRUE, json.get("ok"), "node's ok"),
        () -> assertEquals(0L, json.get("exitCode"), "node's exit code"));
  }

  private static void assertJnetOk(JnetPeer.Result r) {
    assertAll(
        "jnet " + r.role() + " result " + r,
        () -> assertEquals(SIZE, r.sent(), "bytes jnet sent (write callbacks without error)"),
        () -> assertEquals(SIZE, r.received(), "bytes jnet received in 'data'"),
        () -> assertNull(r.mismatchAt(), "offset of the first wrong byte jnet received"),
        () -> assertEquals(List.of(), r.errors(), "jnet's 'error' events"),
        () -> assertTrue(r.sawEnd(), "jnet saw 'end' (the peer's half-close)"),
        () -> assertEquals(Boolean.FALSE, r.hadError(), "jnet's 'close'(hadError)"),
        () -> assertEquals(List.of(), r.offLoop(), "jnet events off the socket's loop"),
        () -> assertEquals(SIZE, r.bytesRead(), "jnet's bytesRead"),
        () -> assertEquals(SIZE, r.bytesWritten(), "jnet's bytesWritten"));
  }

  private static void report(
      String what, long startNanos, Map<String, Object> node, JnetPeer.Result jnet) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    System.out.printf(
        "InteropTest: %s, %d MiB each way, %d ms, transport %s%n  node %s%n  jnet %s%n",
        what, SIZE >> 20, ms, Transport.current(), node, jnet);
  }

  static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("no " + what + " within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      return fail(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
