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
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A half-open jnet socket keeps writing after the peer's FIN, even when it must wait for the
 * kernel's send buffer, as a Node socket with {@code allowHalfOpen} does.
 *
 * <p>The jnet server socket ({@code allowHalfOpen}; paused on connect, or flowing) writes a burst
 * of 16 MiB at once. The peer, a plain JDK {@code SocketChannel} (TCP or Unix domain), sends three
 * bytes and shuts its output down, then reads the whole burst; then jnet writes a second burst and
 * ends (a flowing socket first waits for its {@code 'end'}), and the peer reads to the end,
 * checking every byte. A paused socket is resumed last, so that {@code 'end'} and {@code 'close'}
 * come. It guards two fixed bugs: epoll losing its registration when the interest set went empty
 * after the peer's FIN (Netty 4.2.18), and Netty's NIO Unix channel closing on the peer's end.
 */
@Timeout(HalfOpenWriteTest.TIMEOUT_SECONDS)
class HalfOpenWriteTest {
  private static final int BURST = 16 << 20;
  static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void pausedSocketWritesTwoBurstsAfterThePeersEndOverTcp() throws Exception {
    twoBurstsAfterThePeersEnd(ListenOptions.port(0).host("127.0.0.1"), true);
  }

  @Test
  void pausedSocketWritesTwoBurstsAfterThePeersEndOverIpc() throws Exception {
    twoBurstsAfterThePeersEnd(ListenOptions.path(dir.resolve("half-open.sock").toString()), true);
  }

  @Test
  void flowingSocketWritesTwoBurstsAfterThePeersEndOverTcp() throws Exception {
    twoBurstsAfterThePeersEnd(ListenOptions.port(0).host("127.0.0.1"), false);
  }

  @Test
  void flowingSocketWritesTwoBurstsAfterThePeersEndOverIpc() throws Exception {
    twoBurstsAfterThePeersEnd(ListenOptions.path(dir.resolve("half-open.sock").toString()), false);
  }

  /**
   * Paused: the socket is paused on connect and resumed at the end. Flowing: it reads from the
   * start, and the second burst waits for its {@code 'end'}.
   */
  private void twoBurstsAfterThePeersEnd(ListenOptions listen, boolean paused) throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    CompletableFuture<Socket> accepted = new CompletableFuture<>();
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    CompletableFuture<AddressInfo> listening = new CompletableFuture<>();
    Prng out = new Prng(Prng.SERVER_SEED);
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true).pauseOnConnect(paused),
            socket -> {
              if (accepted.isDone()) {
                socket.destroy();
                return;
              }
              socket.on(Socket.DATA, b -> {});
              socket.on(
                  Socket.ERROR, e -> problems.add("'error' " + e + " (" + e.getCause() + ")"));
              socket.on(Socket.END, () -> ended.complete(null));
              socket.on(Socket.CLOSE, closed::complete);
              socket.write(Buffer.wrap(out.next(BURST)));
              accepted.complete(socket);
            });
    server.on(Server.ERROR, listening::completeExceptionally);
    try {
      server.listen(listen, () -> listening.complete(server.address()));
      AddressInfo where = await(listening, "'listening'");
      try (SocketChannel peer =
          listen.path() != null
              ? SocketChannel.open(UnixDomainSocketAddress.of(listen.path()))
              : SocketChannel.open(new InetSocketAddress("127.0.0.1", where.port()))) {
        String kind = (listen.path() != null ? "ipc" : "tcp") + (paused ? ", paused" : ", flowing");
        exchange(peer, accepted, paused ? null : ended, closed, problems, out, kind);
      }
      await(server.closeAsync(), "the server's 'close'");
    } finally {
      if (server.listening()) server.close();
      accepted.thenAccept(Socket::destroy);
    }
  }

  private static void exchange(
      SocketChannel peer,
      CompletableFuture<Socket> accepted,
      CompletableFuture<Void> ended,
      CompletableFuture<Boolean> closed,
      List<String> problems,
      Prng out,
      String kind)
      throws Exception {
    peer.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    peer.shutdownOutput();
    Socket socket = await(accepted, "'connection'");

    Prng expect = new Prng(Prng.SERVER_SEED);
    InputStream in = Channels.newInputStream(peer); // blocking: @Timeout interrupts a stuck read
    long first = read(in, expect, BURST);
    socket.write(Buffer.wrap(out.next(BURST))); // handed to the loop, after the first burst
    socket.end();
    long second = read(in, expect, Long.MAX_VALUE);
    socket.resume(); // now let 'end' come, and with it 'close'
    Boolean hadError = await(closed, "the jnet socket's 'close'");
    System.out.printf(
        "HalfOpenWriteTest: %s, transport %s, peer received %d + %d of 2 x %d%n",
        kind, Transport.current(), first, second, BURST);
    assertAll(
        () -> assertEquals(List.of(), problems, "jnet socket errors"),
        () -> assertEquals(BURST, first, "bytes of the first burst (checked)"),
        () -> assertEquals(BURST, second, "bytes of the second burst (checked)"),
        () -> assertEquals(Boolean.FALSE, hadError, "'close'(hadError)"));
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
