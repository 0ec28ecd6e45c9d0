package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endings a program makes itself: closing a busy server, destroying with an error, an idle timeout,
 * a write after end, {@code maxConnections}, a paused socket whose peer has gone. Each ends with
 * Node's events, once, and nothing open.
 */
@Timeout(120)
class LifecycleFaultsTest {
  @TempDir Path dir;

  @Test
  void serverCloseWaitsForItsHundredOpenConnections() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch all = new CountDownLatch(100);
    Server server =
        Net.createServer(
            s -> {
              accepted.add(s);
              all.countDown();
            });
    int port = Faults.listen(server);
    List<Faults.Events> clients = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Faults.connect(port, s -> clients.add(Faults.Events.of(s)));
    }
    assertTrue(all.await(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS), "100 connections");
    CompletableFuture<Void> closed = server.closeAsync();
    assertFalse(closed.isDone(), "'close' before the connections ended");
    for (Socket s : accepted) s.end();
    Faults.await(closed, "the server's 'close'");
    for (Faults.Events e : clients) e.assertCleanClose();
    base.assertBack();
  }

  @Test
  void destroyWithAnErrorEmitsItOnceAndClosesWithHadError() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server server = Net.createServer(s -> s.on(Socket.ERROR, e -> {}));
    int port = Faults.listen(server);
    Faults.Events[] events = new Faults.Events[1];
    Faults.connect(
        port,
        s -> {
          events[0] = Faults.Events.of(s);
          s.on(Socket.CONNECT, () -> s.destroy(new JnetException("EBOOM", "boom")));
        });
    events[0].assertOneError("EBOOM");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void idleTimeoutThenDestroyClosesOnceWithoutError() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server server = Net.createServer(s -> s.on(Socket.ERROR, e -> {}));
    int port = Faults.listen(server);
    AtomicInteger timeouts = new AtomicInteger();
    Faults.Events[] events = new Faults.Events[1];
    Faults.connect(
        port,
        s -> {
          events[0] = Faults.Events.of(s);
          s.setTimeout(
              50,
              () -> {
                timeouts.incrementAndGet();
                s.destroy();
              });
        });
    events[0].assertCleanClose();
    assertEquals(1, timeouts.get(), "'timeout' events");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void writeAfterEndIsOneWriteAfterEndError() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server server = Net.createServer(s -> s.on(Socket.DATA, b -> {}));
    int port = Faults.listen(server);
    Faults.Events[] events = new Faults.Events[1];
    CompletableFuture<String> callback = new CompletableFuture<>();
    Faults.connect(
        port,
        s -> {
          events[0] = Faults.Events.of(s);
          s.on(
              Socket.CONNECT,
              () -> {
                s.end("last");
                s.write("too late", "utf8", e -> callback.complete(e == null ? null : e.code()));
              });
        });
    events[0].assertOneError("ERR_STREAM_WRITE_AFTER_END");
    assertEquals("ERR_STREAM_WRITE_AFTER_END", Faults.await(callback, "the write's callback"));
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void maxConnectionsDropsTheExcessAndKeepsTheRest() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    AtomicInteger drops = new AtomicInteger();
    List<Socket> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
    Server server = Net.createServer(s -> kept.add(s));
    server.maxConnections(10);
    server.on(Server.DROP, d -> drops.incrementAndGet());
    int port = Faults.listen(server);
    List<Faults.Events> clients = new ArrayList<>();
    for (int i = 0; i < 30; i++) Faults.connect(port, s -> clients.add(Faults.Events.of(s)));
    Faults.awaitTrue(
        () -> kept.size() + drops.get() == 30, () -> kept.size() + " kept, " + drops + " dropped");
    assertEquals(List.of(10, 20), List.of(kept.size(), drops.get()), "kept, dropped");
    for (Socket s : kept) s.end();
    for (Faults.Events e : clients) e.assertClosedOnce("ECONNRESET");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void pausedSocketKeepsEveryByteAndTheEndOfAPeerThatLeft() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("paused.sock").toString();
    CompletableFuture<Socket> accepted = new CompletableFuture<>();
    Faults.Checker checker = new Faults.Checker(Prng.CLIENT_SEED);
    Server server =
        Net.createServer(ServerOptions.defaults().pauseOnConnect(true), accepted::complete);
    Faults.await(server.listenAsync(ListenOptions.path(path)), "'listening'");
    long total = 1 << 20;
    Socket s;
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      s = Faults.await(accepted, "'connection'");
      Thread writer =
          new Thread(
              () -> {
                try {
                  Faults.writeAll(peer, new Prng(Prng.CLIENT_SEED), total);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      // The socket is paused: the writer blocks once the kernel's buffers are full.
      s.on(Socket.DATA, checker);
      s.pause();
      Faults.Events events = Faults.Events.of(s);
      s.resume();
      writer.join();
      peer.close();
      events.assertCleanClose();
      assertEquals(1, events.ends.get(), "'end' events");
    }
    checker.assertIntact(total);
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void twoThousandConnectEchoCloseCyclesOverIpc() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("churn.sock").toString();
    Server server = Net.createServer(s -> s.on(Socket.DATA, b -> s.end(b)));
    Faults.await(server.listenAsync(ListenOptions.path(path)), "'listening'");
    int good = 0;
    for (int batch = 0; batch < 20; batch++) {
      List<CompletableFuture<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String payload = "cycle " + batch + "/" + i;
        CompletableFuture<Boolean> ok = new CompletableFuture<>();
        boolean[] echoed = new boolean[1];
        Socket c = new Socket();
        c.on(Socket.DATA, b -> echoed[0] = b.toString().equals(payload));
        c.on(Socket.ERROR, e -> ok.complete(false));
        c.on(Socket.CLOSE, h -> ok.complete(!h && echoed[0]));
        c.connect(path);
        c.write(payload);
        results.add(ok);
      }
      for (CompletableFuture<Boolean> r : results) if (Faults.await(r, "a cycle")) good++;
    }
    assertEquals(2000, good, "cycles echoed and closed cleanly");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void peersEndWithoutAllowHalfOpenEndsTheSocketAndClosesOnce() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    Faults.Checker checker = new Faults.Checker(Prng.CLIENT_SEED);
    Server server =
        Net.createServer(
            s -> {
              s.on(Socket.DATA, checker);
              events.complete(Faults.Events.of(s));
            });
    int port = Faults.listen(server);
    try (SocketChannel peer = Faults.peer(port)) {
      Faults.writeAll(peer, new Prng(Prng.CLIENT_SEED), 1 << 20);
      peer.shutdownOutput();
      assertEquals(-1, peer.read(java.nio.ByteBuffer.allocate(1)), "jnet ended its side too");
    }
    Faults.Events e = Faults.await(events, "'connection'");
    e.assertCleanClose();
    assertEquals(1, e.ends.get(), "'end' events");
    checker.assertIntact(1 << 20);
    Faults.close(server);
    base.assertBack();
  }
}
