package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TCP handles, written once and run on every transport by a subclass per transport. */
abstract class TcpHandleTest {
  LoopFixture f;

  abstract Transport transport();

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(transport());
  }

  @AfterEach
  void closeEverything() {
    f.close();
  }

  @Test
  void refusedConnectIsEconnrefusedWithNodesMessage() throws Exception {
    // A port bound but not listening refuses connections, and stays ours during the test.
    try (Socket bound = new Socket()) {
      bound.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = bound.getLocalPort();
      JnetException e = (JnetException) f.connectTcpResult("127.0.0.1", port, null, 0);
      assertEquals("connect ECONNREFUSED 127.0.0.1:" + port, e.getMessage());
      assertEquals(
          List.of("ECONNREFUSED", -111, "connect", "127.0.0.1", port),
          List.of(e.code(), e.errno(), e.syscall(), e.address(), e.port()));
    }
  }

  @Test
  void secondListenOnSamePortIsEaddrinuse() {
    LoopFixture.Server first = f.listenTcp("127.0.0.1", 0);
    Object second = f.listenTcpResult(f.new Server(), "127.0.0.1", first.port());
    JnetException e = (JnetException) second;
    assertEquals(
        "listen EADDRINUSE: address already in use 127.0.0.1:" + first.port(), e.getMessage());
    assertEquals(List.of("EADDRINUSE", -98, "listen"), List.of(e.code(), e.errno(), e.syscall()));
  }

  @Test
  void unavailableLocalAddressIsBindEaddrnotavail() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    JnetException e = (JnetException) f.connectTcpResult("127.0.0.1", s.port(), "192.0.2.1", 0);
    assertEquals("bind EADDRNOTAVAIL 192.0.2.1", e.getMessage());
    assertEquals("bind", e.syscall());
  }

  @Test
  void listenOnPortZeroReportsTheChosenPort() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    AddressInfo a = s.handle.address();
    assertEquals("127.0.0.1", a.address());
    assertEquals("IPv4", a.family());
    assertTrue(a.port() > 0, "port " + a.port());
  }

  @Test
  void listenWithoutHostIsDualStackAndShowsMappedPeers() {
    LoopFixture.Server s = f.listenTcp(null, 0);
    assertEquals("::", s.handle.address().address());
    assertEquals("IPv6", s.handle.address().family());
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    AddressInfo peer = accepted.remoteAddress();
    assertEquals("::ffff:127.0.0.1", peer.address());
    assertEquals("IPv6", peer.family());
    assertEquals(new AddressInfo("127.0.0.1", "IPv4", s.port()), client.remoteAddress());
    assertEquals("127.0.0.1", client.localAddress().address());
    assertEquals(client.localAddress().port(), peer.port());
  }

  @Test
  void ipv6LoopbackPrintsCompressed() {
    LoopFixture.Server s = f.listenTcp("::1", 0);
    StreamHandle client = f.connectTcp("::1", s.port());
    assertEquals(new AddressInfo("::1", "IPv6", s.port()), client.remoteAddress());
    assertEquals("::1", s.accept().remoteAddress().address());
  }

  @Test
  void bytesWrittenArriveAndAreCounted() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    Recorder r = f.read(accepted);
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    f.run(
        () -> {
          client.write(ByteBuffer.wrap("hel".getBytes(StandardCharsets.UTF_8)), e -> {});
          client.write(
              new ByteBuffer[] {
                ByteBuffer.wrap("lo, ".getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap("world".getBytes(StandardCharsets.UTF_8))
              },
              done::complete);
        });
    assertNull(await(done));
    await(r.whenRead(12));
    assertEquals("hello, world", r.text());
    assertEquals(12, client.bytesWritten());
    assertEquals(0, client.writeQueueSize());
    assertEquals(12, accepted.bytesRead());
  }

  @Test
  void readStopLeavesBytesInTheKernelUntilReadStart() throws Exception {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    try (SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", s.port()));
        Selector selector = Selector.open()) {
      StreamHandle h = s.accept();
      Recorder r = f.read(h);
      peer.write(ByteBuffer.wrap(new byte[] {1}));
      await(r.whenRead(1));
      f.run(h::readStop);
      long before = r.count();

      peer.configureBlocking(false);
      peer.register(selector, SelectionKey.OP_WRITE);
      long sent = 1 + fillUntilBlocked(peer, selector);

      assertEquals(before, f.call(r::count), "data delivered while stopped");
      f.run(h::readStart);
      await(r.whenRead(sent));
      assertEquals(sent, f.call(r::count));
    }
  }

  @Test
  void readStopInsideOnReadStopsReadingFromTheKernel() throws Exception {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    try (SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", s.port()));
        Selector selector = Selector.open()) {
      StreamHandle h = s.accept();
      CompletableFuture<Long> stoppedAt = new CompletableFuture<>();
      Recorder r =
          new Recorder() {
            @Override
            public void onRead(byte[] chunk) {
              super.onRead(chunk);
              if (!stoppedAt.isDone()) {
                h.readStop();
                stoppedAt.complete(count());
              }
            }
          };
      f.run(
          () -> {
            h.setListener(r);
            h.readStart();
          });
      peer.configureBlocking(false);
      peer.register(selector, SelectionKey.OP_WRITE);
      long sent = fillUntilBlocked(peer, selector);
      long before = await(stoppedAt);
      assertEquals(before, f.call(r::count), "data delivered after readStop in onRead");
      f.run(h::readStart);
      await(r.whenRead(sent));
      assertEquals(sent, f.call(r::count));
    }
  }

  /** Writes until the peer's writes block (the kernel's buffers are full); returns bytes sent. */
  private static long fillUntilBlocked(SocketChannel peer, Selector selector) throws Exception {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    long sent = 0;
    while (sent < 512L * 1024 * 1024) {
      chunk.clear();
      int n = peer.write(chunk);
      sent += n;
      if (n > 0) continue;
      selector.selectedKeys().clear();
      // Nothing reads the other end: the socket stays unwritable however long we wait.
      if (selector.select(500) == 0) return sent;
    }
    fail("the peer's writes never blocked: the stopped handle kept reading");
    return sent;
  }

  @Test
  void dataAndFinSentWhileStoppedArriveOnlyAfterReadStart() throws Exception {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    try (SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", s.port()))) {
      StreamHandle h = s.accept();
      Recorder r = new Recorder();
      f.run(() -> h.setListener(r));
      peer.write(ByteBuffer.wrap("last words".getBytes(StandardCharsets.UTF_8)));
      peer.shutdownOutput();
      // A round trip through the loop after the FIN: the transport has seen it if it ever will.
      await(f.write(h, new byte[] {1}));
      assertEquals(List.of(), f.call(() -> List.copyOf(r.log)), "delivered while not reading");
      f.run(h::readStart);
      await(r.eof);
      assertEquals("last words", r.text());
      assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(r.log)));
    }
  }

  @Test
  void writesOfOneLoopTurnAreFlushedOnce() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    java.util.concurrent.atomic.AtomicInteger flushes =
        new java.util.concurrent.atomic.AtomicInteger();
    f.run(
        () ->
            ((NettyStreamHandle) client)
                .channel()
                .pipeline()
                .addFirst(
                    new io.netty.channel.ChannelOutboundHandlerAdapter() {
                      @Override
                      public void flush(io.netty.channel.ChannelHandlerContext ctx) {
                        flushes.incrementAndGet();
                        ctx.flush();
                      }
                    }));
    Recorder r = f.read(s.accept());
    CompletableFuture<JnetException> last = new CompletableFuture<>();
    f.run(
        () -> {
          for (int i = 0; i < 9; i++) client.write(new byte[] {(byte) i}, 0, 1, e -> {});
          client.write(new byte[] {9}, 0, 1, last::complete);
        });
    assertNull(await(last));
    await(r.whenRead(10));
    assertEquals(1, flushes.get());
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, r.bytes());
  }

  @Test
  void shutdownAfterManyQueuedWritesDeliversEveryByteThenFin() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    Recorder r = f.read(accepted);
    int chunks = 200;
    int size = 64 * 1024;
    byte[] expected = new byte[chunks * size];
    for (int i = 0; i < expected.length; i++) expected[i] = (byte) (i * 31 + (i >> 16));
    CompletableFuture<JnetException> shut = new CompletableFuture<>();
    f.run(
        () -> {
          for (int c = 0; c < chunks; c++) client.write(expected, c * size, size, e -> {});
          client.shutdown(shut::complete);
        });
    assertNull(await(shut));
    await(r.eof);
    assertArrayEquals(expected, r.bytes());
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(r.log)));
    assertEquals(expected.length, client.bytesWritten());
  }

  @Test
  void resetGivesThePeerEconnreset() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder r = f.read(client);
    StreamHandle accepted = s.accept();
    CompletableFuture<JnetException> closed = new CompletableFuture<>();
    f.run(() -> accepted.reset(closed::complete));
    assertNull(await(closed));
    JnetException e = await(r.error);
    assertEquals("read ECONNRESET", e.getMessage());
    assertEquals(List.of("ECONNRESET", -104, "read"), List.of(e.code(), e.errno(), e.syscall()));
  }

  @Test
  void clientHalfCloseLetsTheServerAnswerThenEnd() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder clientReads = f.read(client);
    StreamHandle accepted = s.accept();
    Recorder serverReads = f.read(accepted);
    await(f.write(client, "ping".getBytes(StandardCharsets.UTF_8)));
    assertNull(await(f.shutdown(client)));
    await(serverReads.eof);
    assertEquals("ping", serverReads.text());
    assertNull(await(f.write(accepted, "pong".getBytes(StandardCharsets.UTF_8))));
    assertNull(await(f.shutdown(accepted)));
    await(clientReads.eof);
    assertEquals("pong", clientReads.text());
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(clientReads.log)));
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(serverReads.log)));
  }

  @Test
  void serverHalfCloseLetsTheClientAnswerThenEnd() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder clientReads = f.read(client);
    StreamHandle accepted = s.accept();
    Recorder serverReads = f.read(accepted);
    assertNull(await(f.shutdown(accepted)));
    await(clientReads.eof);
    assertNull(await(f.write(client, "late".getBytes(StandardCharsets.UTF_8))));
    await(serverReads.whenRead(4));
    assertEquals("late", serverReads.text());
    assertEquals(List.of("eof"), f.call(() -> List.copyOf(clientReads.log)));
  }

  @Test
  void closeFailsPendingWritesAsCancelledBeforeClose() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder r = f.read(client);
    CompletableFuture<JnetException> write = new CompletableFuture<>();
    CompletableFuture<List<String>> order = new CompletableFuture<>();
    f.run(
        () -> {
          byte[] big = new byte[1 << 20];
          client.write(
              big,
              0,
              big.length,
              e -> {
                r.log.add("write " + (e == null ? "ok" : e.code()));
                write.complete(e);
              });
          client.close(e -> order.complete(List.copyOf(r.log)));
        });
    assertEquals("ECANCELED", await(write).code());
    assertEquals(List.of("write ECANCELED", "close"), await(order));
  }

  @Test
  void closeReportsCloseOnceToTheListener() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder r = f.read(client);
    f.close(client);
    f.close(client);
    await(r.closed);
    assertEquals(List.of("close"), f.call(() -> List.copyOf(r.log)));
    assertTrue(client.isClosed());
  }

  @Test
  void optionsApplyToAnOpenSocket() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    f.run(
        () -> {
          client.setNoDelay(true);
          client.setKeepAlive(true, 60_000);
          client.setKeepAlive(false, 0);
        });
    assertTrue(!client.isClosed());
  }
}
