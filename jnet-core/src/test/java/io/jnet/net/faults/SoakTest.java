package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.interop.Prng;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The long soaks, run only with {@code -Djnet.soak=true}: 1 GiB to a slow reader through an
 * obedient writer, and rounds of the connection churn.
 */
@Timeout(1800)
class SoakTest {
  @Test
  void oneGibThroughAnObedientWriterInBoundedMemory() throws Exception {
    assumeTrue(Faults.SOAK, "a soak: -Djnet.soak=true runs it");
    Faults.Baseline base = Faults.Baseline.take();
    long total = 1L << 30;
    CompletableFuture<Faults.Events> events = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              events.complete(Faults.Events.of(s));
              new Faults.Pump(s, Prng.SERVER_SEED, total, true).start();
            });
    int port = Faults.listen(server);
    try (SocketChannel peer = Faults.peer(port)) {
      assertEquals(total, Faults.readChecked(peer, new Prng(Prng.SERVER_SEED), Long.MAX_VALUE));
    }
    Faults.await(events, "'connection'").assertCleanClose();
    Faults.close(server);
    base.assertBack();
  }

  @Test
  void fiveRoundsOfTheConnectionChurn() throws Exception {
    assumeTrue(Faults.SOAK, "a soak: -Djnet.soak=true runs it");
    for (int i = 0; i < 5; i++) new ManyConnectionsTest().twentyThousandConnectEchoCloseCycles();
  }
}
