package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A connect cancelled by {@code destroy()} frees its descriptor at once, as Node does: against a
 * peer whose backlog is full (its SYNs dropped, so the connects stay in SYN-SENT), 200 connects
 * destroyed while connecting leave no descriptor open once their {@code 'close'} events ran.
 *
 * <p>Node 24, the same 200 connects to a listener with backlog 1 that never accepts, each destroyed
 * once the kernel bound it: {@code before 27 after 27} descriptors.
 */
class ConnectCancelLeakTest {
  private static final int CONNECTS = 200;

  @Test
  void aConnectCancelledByDestroyClosesItsDescriptor() throws Exception {
    EventLoop loop = EventLoop.create();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = full.getLocalPort();
      connectAndDestroy(loop, port, 5); // loads every class (a jar opened later is no leak)
      int before = openDescriptors();
      connectAndDestroy(loop, port, CONNECTS);
      int after = openDescriptors();
      assertTrue(after <= before, "descriptors before " + before + ", after " + after);
    }
  }

  /** {@code count} connects to {@code port}, each destroyed while connecting; waits for all. */
  private static void connectAndDestroy(EventLoop loop, int port, int count) throws Exception {
    AtomicInteger closed = new AtomicInteger();
    loop.execute(
        () -> {
          for (int i = 0; i < count; i++) {
            Socket s = Net.connect(port, "127.0.0.1");
            s.on(Socket.ERROR, e -> {});
            s.on(Socket.CONNECT, () -> s.destroy());
            s.on(Socket.CLOSE, h -> closed.incrementAndGet());
            // The connect is sent within the attempt: destroy it on the next turn, still pending.
            s.on(Socket.CONNECTION_ATTEMPT, a -> loop.setImmediate(() -> s.destroy()));
          }
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000));
    assertEquals(count, closed.get());
    // NIO closes a registered channel's descriptor at a select after its close: two turns.
    afterTwoPolls(loop);
  }

  /** Returns once the loop polled for I/O twice (an immediate runs after each turn's poll). */
  private static void afterTwoPolls(EventLoop loop) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> loop.setImmediate(() -> loop.setImmediate(() -> done.complete(null))));
    done.get(10, TimeUnit.SECONDS);
  }

  private static int openDescriptors() {
    String[] names = new File("/proc/self/fd").list();
    return names == null ? 0 : names.length;
  }
}
