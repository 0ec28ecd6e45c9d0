package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.loop.EventLoops;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node 24's {@code reusePort}: several servers, each on its own loop, on one port. */
class ReusePortTest {
  private static EventLoops group;
  private static final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path dir;

  @BeforeAll
  static void makeLoops() {
    group = EventLoops.create(3);
    for (EventLoop l : group.loops()) l.setUncaughtExceptionHandler(uncaught::add);
  }

  @AfterAll
  static void stopLoops() {
    for (EventLoop l : group.loops()) {
      LoopEngine engine = LoopEngine.of(l);
      assertTrue(engine.awaitIdle(10_000), "a loop went idle");
      engine.shutdown();
    }
    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
  }

  /** A server made on {@code loop}, which answers each connection with {@code id} and ends. */
  private static Server serverOn(EventLoop loop, int id, AtomicIntegerArray served)
      throws Exception {
    return CompletableFuture.supplyAsync(
            () ->
                Net.createServer(
                    socket -> {
                      served.incrementAndGet(id);
                      socket.end(new byte[] {(byte) id});
                    }),
            loop)
        .get(10, TimeUnit.SECONDS);
  }

  private static ListenOptions shared(int port) {
    return ListenOptions.port(port).host("127.0.0.1").reusePort(true);
  }

  /** Node 24: two servers listen with reusePort on one port, 127.0.0.1:PORT both. */
  @Test
  void threeServersOnThreeLoopsShareOnePortAndTheKernelSpreadsTheConnections() throws Exception {
    AtomicIntegerArray served = new AtomicIntegerArray(3);
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 3; i++) servers.add(serverOn(group.get(i), i, served));
    int port = servers.get(0).listenAsync(shared(0)).get(10, TimeUnit.SECONDS).port();
    for (int i = 1; i < 3; i++) {
      assertEquals(port, servers.get(i).listenAsync(shared(port)).get(10, TimeUnit.SECONDS).port());
    }
    int clients = 60;
    int[] answers = new int[3];
    for (int i = 0; i < clients; i++) {
      try (java.net.Socket c = new java.net.Socket("127.0.0.1", port)) {
        InputStream in = c.getInputStream();
        int id = in.read();
        assertEquals(-1, in.read(), "the server ended after its id");
        answers[id]++;
      }
    }
    for (Server s : servers) s.closeAsync().get(10, TimeUnit.SECONDS);
    int total = 0;
    int busy = 0;
    for (int i = 0; i < 3; i++) {
      assertEquals(answers[i], served.get(i));
      total += answers[i];
      if (answers[i] > 0) busy++;
    }
    assertEquals(clients, total);
    // The kernel hashes each connection's addresses: 60 connections all on one of three servers
    // would be a one in 10^28 chance.
    assertTrue(busy >= 2, "connections spread: " + java.util.Arrays.toString(answers));
  }

  /**
   * Node 24: {@code listen EADDRINUSE: address already in use 127.0.0.1:PORT} for a server without
   * reusePort on a reusePort server's port, and for one with it on a plain server's port.
   */
  @Test
  void bothServersMustAskForReusePort() throws Exception {
    AtomicIntegerArray served = new AtomicIntegerArray(3);
    Server first = serverOn(group.get(0), 0, served);
    Server plain = serverOn(group.get(1), 1, served);
    int port = first.listenAsync(shared(0)).get(10, TimeUnit.SECONDS).port();
    JnetException e = listenError(plain, ListenOptions.port(port).host("127.0.0.1"));
    assertEquals("EADDRINUSE", e.code());
    assertEquals("listen EADDRINUSE: address already in use 127.0.0.1:" + port, e.getMessage());
    first.closeAsync().get(10, TimeUnit.SECONDS);

    Server reuse = serverOn(group.get(2), 2, served);
    int plainPort = plain.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get().port();
    assertEquals("EADDRINUSE", listenError(reuse, shared(plainPort)).code());
    plain.closeAsync().get(10, TimeUnit.SECONDS);
  }

  /** Node 24: reusePort on a path is ignored: the server listens. */
  @Test
  void aPathIgnoresReusePort() throws Exception {
    Server s = serverOn(group.get(0), 0, new AtomicIntegerArray(1));
    String path = dir.resolve("r.sock").toString();
    assertEquals(
        path,
        s.listenAsync(ListenOptions.path(path).reusePort(true))
            .get(10, TimeUnit.SECONDS)
            .address());
    s.closeAsync().get(10, TimeUnit.SECONDS);
  }

  private static JnetException listenError(Server s, ListenOptions o) throws Exception {
    try {
      s.listenAsync(o).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return (JnetException) e.getCause();
    }
    throw new AssertionError("listened on " + s.address());
  }
}
