package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects that fail or are cancelled: each emits one {@code 'error'} with Node's code and {@code
 * 'close'}(true) once, and gives its descriptor back.
 */
@Timeout(120)
class ConnectFaultsTest {
  @TempDir Path dir;

  private static void connectsFailWith(
      int count, String code, java.util.function.Consumer<Socket> to) throws Exception {
    List<Faults.Events> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      events.add(Faults.Events.of(s));
      to.accept(s);
    }
    for (Faults.Events e : events) e.assertOneError(code);
  }

  @Test
  void thousandRefusedConnectsEachErrOnceAndLeakNothing() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server closed = Net.createServer();
    int port = Faults.listen(closed);
    Faults.close(closed); // a port that was just free: nothing listens
    connectsFailWith(1000, "ECONNREFUSED", s -> s.connect(port, "127.0.0.1"));
    base.assertBack();
  }

  @Test
  void connectsToAMissingSocketFileAreEnoent() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("missing.sock").toString();
    connectsFailWith(200, "ENOENT", s -> s.connect(path));
    base.assertBack();
  }

  /**
   * A connect cancelled by destroy() while the peer drops its SYNs (its backlog full) gives its
   * descriptor back at once, as Node does (it once stayed open in SYN-SENT after 'close').
   */
  @Test
  void connectsCancelledByDestroyGiveTheirDescriptorsBack() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    try (ServerSocketChannel full = ServerSocketChannel.open()) {
      full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
      int port = ((InetSocketAddress) full.getLocalAddress()).getPort();
      List<SocketChannel> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) { // a backlog of 1 holds 2; then SYNs are dropped
          SocketChannel f = SocketChannel.open();
          f.configureBlocking(false);
          f.connect(new InetSocketAddress("127.0.0.1", port));
          fillers.add(f);
        }
        List<Faults.Events> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          Socket s = new Socket();
          events.add(Faults.Events.of(s));
          s.on(Socket.CONNECTION_ATTEMPT, a -> s.destroy());
          s.connect(port, "127.0.0.1");
          s.destroy();
        }
        for (Faults.Events e : events) e.assertClosedOnce();
        // Checked while the peer still drops SYNs: once it accepts again, a leaked connect would
        // complete and be noticed, hiding the leak.
        int fillersAndListener = fillers.size() + 1;
        Faults.awaitTrue(
            () -> Faults.openDescriptors() <= base.descriptors() + fillersAndListener,
            () ->
                Faults.openDescriptors()
                    + " descriptors open after 500 cancelled connects, baseline "
                    + base.descriptors()
                    + " + "
                    + fillersAndListener);
      } finally {
        for (SocketChannel f : fillers) f.close();
      }
    }
    base.assertBack();
  }

  @Test
  void everyPendingWriteCallbackIsCalledOnceWhenThePeerResets() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
      int writes = 400;
      int[] calls = new int[writes];
      List<String> codes = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<Void> queued = new CompletableFuture<>();
      Faults.Events[] events = new Faults.Events[1];
      Faults.connect(
          port,
          s -> {
            events[0] = Faults.Events.of(s);
            s.on(
                Socket.CONNECT,
                () -> {
                  for (int i = 0; i < writes; i++) {
                    int id = i;
                    s.write(
                        io.jnet.buffer.Buffer.alloc(65536, id),
                        e -> {
                          calls[id]++;
                          if (e != null) codes.add(e.code());
                        });
                  }
                  queued.complete(null);
                });
          });
      try (SocketChannel peer = listener.accept()) {
        Faults.await(queued, "the writes");
        peer.read(ByteBuffer.allocate(65536));
        Faults.reset(peer);
      }
      events[0].assertOneError("ECONNRESET", "EPIPE");
      for (int i = 0; i < writes; i++)
        assertEquals(1, calls[i], "calls of write " + i + "'s callback");
      System.out.printf(
          "ConnectFaultsTest: %d of %d writes failed after the reset%n", codes.size(), writes);
    }
    base.assertBack();
  }
}
