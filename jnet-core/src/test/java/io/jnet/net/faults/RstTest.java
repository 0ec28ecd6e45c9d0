package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer's reset in the middle of a transfer: the bytes that came are intact, and the jnet socket
 * emits one {@code 'error'} with Node's code ({@code ECONNRESET}, or {@code EPIPE} for a write that
 * met the reset) and {@code 'close'}(true) once. Node 24 shows the same codes for these scenarios.
 */
@Timeout(60)
class RstTest {
  @TempDir Path dir;

  private static final long BIG = 64L << 20;

  @Test
  void peerResetWhileTheServerWritesIsOneErrorAndOneClose() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              events.complete(Faults.Events.of(s));
              new Faults.Pump(s, Prng.SERVER_SEED, BIG, true).start();
            });
    int port = Faults.listen(server);
    try (SocketChannel peer = Faults.peer(port)) {
      assertEquals(1 << 20, Faults.readChecked(peer, new Prng(Prng.SERVER_SEED), 1 << 20));
      Faults.reset(peer);
    }
    Faults.await(events, "'connection'").assertOneError("ECONNRESET", "EPIPE");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void peerResetWhileTheServerReadsKeepsWhatCameIntact() throws Exception {
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
      Faults.writeAll(peer, new Prng(Prng.CLIENT_SEED), 4 << 20);
      Faults.reset(peer);
    }
    Faults.Events e = Faults.await(events, "'connection'");
    e.assertClosedOnce("ECONNRESET");
    checker.assertIntact(-1);
    System.out.printf(
        "RstTest: server read %d of %d before the reset%n", checker.received, 4 << 20);
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void clientWritingToAPeerThatResetsIsOneErrorAndOneClose() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
      Faults.Events[] events = new Faults.Events[1];
      Faults.connect(
          port,
          s -> {
            events[0] = Faults.Events.of(s);
            s.on(Socket.CONNECT, () -> new Faults.Pump(s, Prng.CLIENT_SEED, BIG, true).start());
          });
      try (SocketChannel peer = listener.accept()) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        while (buf.hasRemaining()) peer.read(buf);
        Faults.reset(peer);
      }
      events[0].assertOneError("ECONNRESET", "EPIPE");
    }
    base.assertBack();
  }

  @Test
  void resetAndDestroyMidWriteResetsThePeerAndClosesOnceWithoutError() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    CompletableFuture<Long> resetWithQueued = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              events.complete(Faults.Events.of(s));
              // The peer reads nothing yet, so the kernel's buffers fill and write() returns
              // false long before BIG: the reset comes with bytes still queued.
              new Faults.Pump(s, Prng.SERVER_SEED, BIG, true).start();
              long queued = s.writableLength();
              s.resetAndDestroy();
              resetWithQueued.complete(queued);
            });
    int port = Faults.listen(server);
    try (SocketChannel peer = Faults.peer(port)) {
      assertTrue(Faults.await(resetWithQueued, "the reset") > 0, "bytes were queued at the reset");
      long got = Faults.readChecked(peer, new Prng(Prng.SERVER_SEED), Long.MAX_VALUE);
      assertTrue(got < BIG, "the transfer was cut: " + got);
      assertThrows(IOException.class, () -> peer.read(ByteBuffer.allocate(1)), "reset");
    }
    Faults.await(events, "'connection'").assertCleanClose();
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void ipcPeerThatLeavesWhileTheServerWritesIsOneErrorAndOneClose() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("rst.sock").toString();
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              events.complete(Faults.Events.of(s));
              new Faults.Pump(s, Prng.SERVER_SEED, BIG, true).start();
            });
    Faults.await(server.listenAsync(ListenOptions.path(path)), "'listening'");
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      assertEquals(1 << 20, Faults.readChecked(peer, new Prng(Prng.SERVER_SEED), 1 << 20));
    } // closed with unread bytes: the writer's next write fails
    Faults.await(events, "'connection'").assertOneError("EPIPE", "ECONNRESET");
    Faults.close(server);
    base.assertBack();
  }
}
