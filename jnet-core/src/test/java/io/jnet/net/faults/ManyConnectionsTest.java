package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many connections: thousands held open at once and released, and tens of thousands made, used and
 * closed one after another. Every byte is checked and every descriptor comes back.
 *
 * <p>Both ends live in this JVM, so each connection costs two descriptors against the 20,000 the
 * test machine allows: 9,000 are held at once (18,000 descriptors), not 10,000.
 */
@Timeout(180)
class ManyConnectionsTest {
  private static final int HELD = 9_000;
  private static final int WAVE = 500;
  private static final int CYCLES = 20_000;
  private static final int CHAINS = 32;

  @Test
  void nineThousandConnectionsHeldAtOnceAreAllReleased() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    AtomicInteger serverCloses = new AtomicInteger();
    Server server =
        Net.createServer(
            s -> {
              s.on(Socket.ERROR, e -> {});
              s.on(Socket.DATA, b -> s.write(b));
              s.on(Socket.CLOSE, h -> serverCloses.incrementAndGet());
            });
    int port =
        Faults.await(
                server.listenAsync(ListenOptions.port(0).host("127.0.0.1").backlog(WAVE * 2)),
                "'listening'")
            .port();
    List<Socket> clients = new ArrayList<>();
    List<Faults.Events> events = new ArrayList<>();
    AtomicLong echoed = new AtomicLong();
    for (int wave = 0; wave < HELD / WAVE; wave++) {
      CountDownLatch answered = new CountDownLatch(WAVE);
      for (int i = 0; i < WAVE; i++) {
        clients.add(
            Faults.connect(
                port,
                s -> {
                  events.add(Faults.Events.of(s));
                  s.on(Socket.CONNECT, () -> s.write("ping"));
                  s.once(
                      Socket.DATA,
                      b -> {
                        if (b.toString().equals("ping")) echoed.incrementAndGet();
                        answered.countDown();
                      });
                }));
      }
      if (!answered.await(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("wave " + wave + ": " + answered.getCount() + " unanswered");
      }
    }
    int open = Faults.openDescriptors();
    System.out.printf("ManyConnectionsTest: %d held, %d descriptors open%n", clients.size(), open);
    assertEquals(HELD, echoed.get(), "connections answered with their own bytes");
    for (Socket c : clients) c.end();
    for (Faults.Events e : events) e.assertCleanClose();
    Faults.awaitTrue(
        () -> serverCloses.get() == HELD, () -> serverCloses + " server 'close' events");
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void twentyThousandConnectEchoCloseCycles() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server server =
        Net.createServer(
            s -> {
              s.on(Socket.ERROR, e -> {});
              s.on(
                  Socket.DATA,
                  b -> s.end(b)); // the server closes first: TIME_WAIT stays on its side
            });
    int port = Faults.listen(server);
    AtomicInteger started = new AtomicInteger();
    AtomicLong good = new AtomicLong();
    AtomicLong problems = new AtomicLong();
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] cycle = new Runnable[1];
    cycle[0] =
        () -> {
          int n = started.getAndIncrement();
          if (n >= CYCLES) {
            if (finished.incrementAndGet() == CHAINS) done.complete(null);
            return;
          }
          String payload = "cycle " + n;
          boolean[] ok = new boolean[1];
          Faults.connect(
              port,
              s -> {
                int[] closes = new int[1];
                s.on(Socket.CONNECT, () -> s.write(payload));
                s.on(Socket.DATA, b -> ok[0] = b.toString().equals(payload));
                s.on(Socket.ERROR, e -> problems.incrementAndGet());
                s.on(
                    Socket.CLOSE,
                    h -> {
                      if (++closes[0] != 1 || h || !ok[0]) problems.incrementAndGet();
                      else good.incrementAndGet();
                      cycle[0].run();
                    });
              });
        };
    for (int i = 0; i < CHAINS; i++) cycle[0].run();
    Faults.await(done, "the last cycle");
    assertEquals(
        CYCLES, good.get(), "cycles echoed and closed cleanly (problems " + problems + ")");
    Faults.close(server);
    base.assertBack();
  }
}
