package io.jnet.net.stress;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.buffer.Buffer;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A jnet socket keeps writing after the peer's FIN while it does not read, even when it must wait
 * for the kernel's send buffer twice.
 *
 * <p>The jnet server socket ({@code allowHalfOpen}, paused on connect) writes a burst of 16 MiB at
 * once. The peer, a plain {@code java.net.Socket}, sends three bytes and shuts its output down,
 * then reads the whole burst; then jnet writes a second burst and ends, and the peer reads to the
 * end, checking every byte. Only then is the jnet socket resumed, so that {@code 'end'} and {@code
 * 'close'} come. This is the order of events behind the random interop failures on epoll (see
 * interop/FAILING.md): the peer's FIN read while jnet does not read, every queued write done, then
 * a write that must wait for the kernel.
 */
class HalfOpenWriteTest {
  private static final int BURST = 16 << 20;
  private static final long TIMEOUT_SECONDS = 60;

  @Test
  void pausedSocketWritesTwoBurstsAfterThePeersEnd() throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    CompletableFuture<Socket> accepted = new CompletableFuture<>();
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    CompletableFuture<AddressInfo> listening = new CompletableFuture<>();
    Prng out = new Prng(Prng.SERVER_SEED);
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true).pauseOnConnect(true),
            socket -> {
              if (accepted.isDone()) {
                socket.destroy();
                return;
              }
              socket.on(Socket.DATA, b -> {});
              socket.on(
                  Socket.ERROR, e -> problems.add("'error' " + e + " (" + e.getCause() + ")"));
              socket.on(Socket.CLOSE, closed::complete);
              socket.write(Buffer.wrap(out.next(BURST)));
              accepted.complete(socket);
            });
    server.on(Server.ERROR, listening::completeExceptionally);
    try (java.net.Socket peer = new java.net.Socket()) {
      server.listen(
          ListenOptions.port(0).host("127.0.0.1"), () -> listening.complete(server.address()));
      int port = await(listening, "'listening'").port();
      peer.connect(new InetSocketAddress("127.0.0.1", port));
      peer.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      peer.getOutputStream().write(new byte[] {1, 2, 3});
      peer.shutdownOutput();
      Socket socket = await(accepted, "'connection'");

      Prng expect = new Prng(Prng.SERVER_SEED);
      InputStream in = peer.getInputStream();
      long first = read(in, expect, BURST);
      socket.write(Buffer.wrap(out.next(BURST))); // handed to the loop, after the first burst
      socket.end();
      long second = read(in, expect, Long.MAX_VALUE);
      socket.resume(); // now let 'end' come, and with it 'close'
      Boolean hadError = await(closed, "the jnet socket's 'close'");
      await(server.closeAsync(), "the server's 'close'");
      System.out.printf(
          "HalfOpenWriteTest: transport %s, peer received %d + %d of 2 x %d%n",
          Transport.current(), first, second, BURST);
      assertAll(
          () -> assertEquals(List.of(), problems, "jnet socket errors"),
          () -> assertEquals(BURST, first, "bytes of the first burst (checked)"),
          () -> assertEquals(BURST, second, "bytes of the second burst (checked)"),
          () -> assertEquals(Boolean.FALSE, hadError, "'close'(hadError)"));
    } finally {
      if (server.listening()) server.close();
      accepted.thenAccept(Socket::destroy);
    }
  }

  /** Reads up to {@code limit} bytes or to the end, checking each; fails at the first wrong one. */
  private static long read(InputStream in, Prng expect, long limit) throws IOException {
    byte[] buf = new byte[65536];
    long received = 0;
    while (received < limit) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, limit - received));
      if (n < 0) break;
      int bad = expect.check(buf, 0, n);
      if (bad >= 0) fail("wrong byte at offset " + (received + bad) + " of a burst");
      received += n;
    }
    return received;
  }

  private static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("no " + what + " within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      return fail(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
