package io.jnet.net.faults;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Small writes from a thread that is not the loop arrive in the order they were made, every one.
 * The rate is printed (issue 9, item 3 makes it faster); no time is asserted.
 */
@Timeout(120)
class OffLoopWritesTest {
  @Test
  void twoHundredThousandOneByteWritesFromAnotherThreadArriveInOrder() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Faults.Checker checker = new Faults.Checker(Prng.CLIENT_SEED);
    CompletableFuture<Boolean> serverClosed = new CompletableFuture<>();
    Server server =
        Net.createServer(
            s -> {
              s.on(Socket.DATA, checker);
              s.on(Socket.CLOSE, serverClosed::complete);
            });
    int port = Faults.listen(server);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    Faults.Events[] events = new Faults.Events[1];
    Socket client =
        Faults.connect(
            port,
            s -> {
              events[0] = Faults.Events.of(s);
              s.on(Socket.CONNECT, () -> connected.complete(null));
            });
    Faults.await(connected, "'connect'");
    int writes = Faults.SOAK ? 1_000_000 : 200_000;
    byte[] bytes = new Prng(Prng.CLIENT_SEED).next(writes);
    long start = System.nanoTime();
    for (int i = 0; i < writes; i++) client.write(Buffer.wrap(bytes, i, 1));
    client.end();
    events[0].assertCleanClose();
    Faults.await(serverClosed, "the server socket's 'close'");
    long nanos = System.nanoTime() - start;
    System.out.printf(
        "OffLoopWritesTest: %d one-byte writes from another thread, %.0f writes/s%n",
        writes, writes * 1e9 / nanos);
    checker.assertIntact(writes);
    Faults.close(server);
    base.assertBack();
  }
}
