package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that does not read: a writer that obeys write()'s result holds at most about one
 * high-water mark in memory, however much it has to send, and delivers every byte once the peer
 * reads.
 */
@Timeout(60)
class BackpressureTest {
  /** More than the heap slack: buffering it would fail the heap check. */
  private static final long TOTAL = 128L << 20;

  @Test
  void peerThatNeverReadsHoldsTheObedientWriterInBoundedMemory() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    CompletableFuture<Faults.Pump> pump = new CompletableFuture<>();
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    CompletableFuture<Void> stalled = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              events.complete(Faults.Events.of(s));
              pump.complete(new Faults.Pump(s, Prng.SERVER_SEED, TOTAL, true).start());
              s.write("", e -> {}); // a write queued behind the first refusal
              stalled.complete(null);
            });
    int port = Faults.listen(server);
    try (SocketChannel peer = Faults.peer(port)) {
      Faults.await(stalled, "the first writes");
      // The peer reads nothing while the heap is measured: what the writer holds is bounded.
      long heap = Faults.usedHeapAfterGc();
      assertTrue(
          heap < base.heap() + Faults.HEAP_SLACK,
          "heap " + (heap >> 20) + " MiB while stalled, baseline " + (base.heap() >> 20));
      long got = Faults.readChecked(peer, new Prng(Prng.SERVER_SEED), Long.MAX_VALUE);
      assertEquals(TOTAL, got, "bytes received (checked)");
    }
    Faults.await(events, "'connection'").assertCleanClose();
    int held = Faults.await(pump, "the pump").maxWritableLength;
    assertTrue(held <= 2 * 65536 + 16384, "the most ever buffered: " + held);
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void pausedJnetReaderHoldsBackAJnetWriterThenReceivesEveryByte() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    CompletableFuture<Socket> accepted = new CompletableFuture<>();
    Faults.Checker checker = new Faults.Checker(Prng.CLIENT_SEED);
    CompletableFuture<Void> refused = new CompletableFuture<>();
    Server server =
        Net.createServer(
            ServerOptions.defaults().pauseOnConnect(true),
            s -> {
              s.on(Socket.DATA, checker);
              s.pause(); // a 'data' listener would resume it, as in Node
              accepted.complete(s);
            });
    int port = Faults.listen(server);
    long total = 32L << 20;
    Faults.Pump[] pump = new Faults.Pump[1];
    Faults.Events[] client = new Faults.Events[1];
    Faults.connect(
        port,
        s -> {
          client[0] = Faults.Events.of(s);
          s.on(
              Socket.CONNECT,
              () -> {
                pump[0] = new Faults.Pump(s, Prng.CLIENT_SEED, total, true).start();
                refused.complete(null);
              });
        });
    Socket serverSide = Faults.await(accepted, "'connection'");
    Faults.await(refused, "'connect'");
    Faults.Events serverEvents = new Faults.Events();
    serverSide.on(Socket.CLOSE, h -> serverEvents.closed.complete(h));
    serverSide.on(Socket.END, () -> serverSide.end());
    serverSide.resume();
    client[0].assertCleanClose();
    Faults.await(serverEvents.closed, "the server socket's 'close'");
    checker.assertIntact(total);
    assertTrue(
        pump[0].maxWritableLength <= 2 * 65536 + 16384, "buffered " + pump[0].maxWritableLength);
    Faults.close(server);
    base.assertBack();
  }
}
