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
import java.util.ArrayList;
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
  void connectAfterServerCloseIsRefused() throws Exception {
    for (int i = 0; i < 20; i++) {
      LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
      int port = s.port();
      f.close(s.handle);
      // On NIO the descriptor goes at the next select (see ServerHandle.close): one I/O pass.
      await(
          f.call(() -> f.loop.schedule(() -> null, 1, java.util.concurrent.TimeUnit.NANOSECONDS)));
      JnetException e = (JnetException) f.connectTcpResult("127.0.0.1", port, null, 0);
      assertEquals("connect ECONNREFUSED 127.0.0.1:" + port, e.getMessage(), "attempt " + i);
    }
  }

  /**
   * Node 24 on Linux: {@code fe80::1%lo} is {@code listen EADDRNOTAVAIL} (lo has no such address),
   * while without a zone, or with a number for one, the scope is 0 and the kernel says {@code
   * EINVAL}; addresses of no interface here are {@code EADDRNOTAVAIL}.
   */
  @Test
  void listenOnAnAddressNotOnThisHostIsNodesListenError() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.net.NetworkInterface.getByName("lo") != null, "an interface named lo");
    List<String> got = new ArrayList<>();
    for (String host :
        List.of(
            "192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1", "fe80::1%lo", "fe80::1", "fe80::1%1")) {
      JnetException e = (JnetException) f.listenTcpResult(f.new Server(), host, 0);
      got.add(e.code() + " " + e.getMessage());
    }
    assertEquals(
        List.of(
            "EADDRNOTAVAIL listen EADDRNOTAVAIL: address not available 192.0.2.1",
            "EADDRNOTAVAIL listen EADDRNOTAVAIL: address not available 2001:db8::1",
            "EADDRNOTAVAIL listen EADDRNOTAVAIL: address not available ::ffff:192.0.2.1",
            "EADDRNOTAVAIL listen EADDRNOTAVAIL: address not available fe80::1%lo",
            "EINVAL listen EINVAL: invalid argument fe80::1",
            "EINVAL listen EINVAL: invalid argument fe80::1%1"),
        got);
  }

  /**
   * Node 24 binds the local address in the remote address's family: one of the other family is
   * {@code bind EINVAL ::1} (no port when none was given), before any connection attempt.
   */
  @Test
  void localAddressOfTheOtherFamilyIsBindEinval() {
    LoopFixture.Server s = f.listenTcp("::", 0);
    JnetException toV4 = (JnetException) f.connectTcpResult("127.0.0.1", s.port(), "::1", 0);
    JnetException toV6 = (JnetException) f.connectTcpResult("::1", s.port(), "127.0.0.1", 0);
    assertEquals(
        List.of("bind EINVAL ::1", "EINVAL", -22, "bind", "::1"),
        List.of(toV4.getMessage(), toV4.code(), toV4.errno(), toV4.syscall(), toV4.address()));
    assertNull(toV4.port());
    assertEquals("bind EINVAL 127.0.0.1", toV6.getMessage());
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
  void cancelledConnectReportsEcanceledAndLeavesNothingOpen() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    CompletableFuture<Object> done = new CompletableFuture<>();
    f.run(
        () ->
            Handles.connectTcp(
                    f.loop,
                    f.invoker,
                    "127.0.0.1",
                    s.port(),
                    null,
                    0,
                    (h, e) -> done.complete(h != null ? h : e))
                .cancel());
    JnetException e = (JnetException) await(done);
    assertEquals("connect ECANCELED 127.0.0.1:" + s.port(), e.getMessage());
    assertEquals(-125, e.errno());
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
  void ipv6OnlyRefusesIpv4PeersOnEpoll() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        transport() == Transport.EPOLL, "NIO has no IPV6_V6ONLY: its :: is always dual-stack");
    LoopFixture.Server s = f.new Server();
    f.listenTcpResult(s, "::", 0, true);
    assertEquals(
        "ECONNREFUSED",
        ((JnetException) f.connectTcpResult("127.0.0.1", s.port(), null, 0)).code());
    assertEquals("::1", f.connectTcp("::1", s.port()).remoteAddress().address());
  }

  @Test
  void mappedAddressLiteralConnectsOverIpv6() {
    LoopFixture.Server s = f.listenTcp(null, 0);
    StreamHandle client = f.connectTcp("::ffff:127.0.0.1", s.port());
    assertEquals(new AddressInfo("::ffff:127.0.0.1", "IPv6", s.port()), client.remoteAddress());
    assertEquals("IPv6", client.localAddress().family());
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
          boolean sync =
              client.write(
                  new ByteBuffer[] {
                    ByteBuffer.wrap("lo, ".getBytes(StandardCharsets.UTF_8)),
                    ByteBuffer.wrap("world".getBytes(StandardCharsets.UTF_8))
                  },
                  done::complete);
          if (sync) done.complete(null);
        });
    assertNull(await(done));
    await(r.whenRead(12));
    assertEquals("hello, world", r.text());
    assertEquals(12, client.bytesWritten());
    assertEquals(0, client.writeQueueSize());
    assertEquals(12, accepted.bytesRead());
  }

  @Test
  void jnetBuffersAreWrittenAsTheirViews() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder r = f.read(s.accept());
    byte[] backing = "xxABCDEFyy".getBytes(StandardCharsets.UTF_8);
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    f.run(
        () -> {
          client.write(io.jnet.buffer.Buffer.wrap(backing, 2, 2), e -> {});
          boolean sync =
              client.write(
                  List.of(
                      io.jnet.buffer.Buffer.wrap(backing, 4, 2),
                      io.jnet.buffer.Buffer.wrap(backing, 6, 2)),
                  done::complete);
          if (sync) done.complete(null);
        });
    assertNull(await(done));
    await(r.whenRead(6));
    assertEquals("ABCDEF", r.text());
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
  void aWriteTheKernelTakesWholeCompletesWithinTheCall() {
    // libuv tries the kernel before it queues: each small write leaves at once and reports it.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        transport() != Transport.IO_URING, "io_uring completes every write in a later CQE");
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder r = f.read(s.accept());
    List<Boolean> sync =
        f.call(
            () -> {
              List<Boolean> out = new ArrayList<>();
              for (int i = 0; i < 10; i++) {
                out.add(client.write(new byte[] {(byte) i}, 0, 1, e -> out.add(null)));
              }
              out.add(client.writeQueueSize() == 0);
              return out;
            });
    assertEquals(java.util.Collections.nCopies(11, true), sync);
    await(r.whenRead(10));
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, r.bytes());
    assertEquals(10, client.bytesWritten());
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
          if (client.shutdown(shut::complete)) shut.complete(null);
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
  void writeToAResetPeerFailsAsNodeReportsIt() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    CompletableFuture<JnetException> reset = new CompletableFuture<>();
    f.run(() -> accepted.reset(reset::complete));
    assertNull(await(reset));
    JnetException e = null;
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 1000 && e == null; i++) e = await(f.write(client, chunk));
    assertTrue(e != null, "writes to a reset peer kept succeeding");
    assertTrue(List.of("EPIPE", "ECONNRESET").contains(e.code()), e.code());
    assertEquals("write " + e.code(), e.getMessage());
    assertEquals("write", e.syscall());
  }

  @Test
  void listenOnAForeignAddressIsEaddrnotavail() {
    JnetException e = (JnetException) f.listenTcpResult(f.new Server(), "192.0.2.1", 0);
    assertEquals("listen EADDRNOTAVAIL: address not available 192.0.2.1", e.getMessage());
    assertEquals(-99, e.errno());
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
  void halfClosedSocketDoesNotSpinOnItsEnd() throws Exception {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    java.util.concurrent.atomic.AtomicInteger wakeups =
        new java.util.concurrent.atomic.AtomicInteger();
    f.run(
        () ->
            ((NettyStreamHandle) accepted)
                .channel()
                .pipeline()
                .addFirst(
                    new io.netty.channel.ChannelInboundHandlerAdapter() {
                      @Override
                      public void channelReadComplete(io.netty.channel.ChannelHandlerContext ctx) {
                        wakeups.incrementAndGet();
                        ctx.fireChannelReadComplete();
                      }
                    }));
    Recorder r = f.read(accepted);
    assertNull(await(f.shutdown(client)));
    await(r.eof);
    int atEof = wakeups.get();
    // netty #7255: a half-closed NIO socket could be selected for reading again and again. The
    // sleeps are windows in which nothing may happen, not waits for something to happen.
    Thread.sleep(300);
    assertTrue(
        wakeups.get() - atEof < 3, "read wake-ups after the end: " + (wakeups.get() - atEof));
    f.run(accepted::readStop);
    Thread.sleep(300);
    assertTrue(
        wakeups.get() - atEof < 3, "read wake-ups after the end: " + (wakeups.get() - atEof));
  }

  @Test
  void aResetRightAfterAnsweringThePeersEndStillSendsTheEndFirst() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder clientReads = f.read(client);
    StreamHandle accepted = s.accept();
    Recorder serverReads = f.read(accepted);
    assertNull(await(f.shutdown(client)));
    await(serverReads.eof);
    CompletableFuture<Boolean> shutdownInCall = new CompletableFuture<>();
    f.run(
        () -> {
          shutdownInCall.complete(accepted.shutdown(e -> shutdownInCall.complete(false)));
          accepted.reset(e -> {});
        });
    assertTrue(await(shutdownInCall));
    await(clientReads.eof);
    assertEquals(List.of("eof"), f.call(() -> List.copyOf(clientReads.log)));
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
  void writeAfterShutdownFailsLaterWithEpipeAndLeavesTheInputOpen() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder clientReads = f.read(client);
    StreamHandle accepted = s.accept();
    Recorder serverReads = f.read(accepted);
    assertNull(await(f.shutdown(accepted)));
    CompletableFuture<JnetException> write = new CompletableFuture<>();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    f.run(
        () -> {
          boolean[] inCall = {true};
          boolean sync =
              accepted.write(
                  new byte[] {1},
                  0,
                  1,
                  e -> {
                    seen.add("write " + e.code() + " " + e.syscall() + " " + inCall[0]);
                    write.complete(e);
                  });
          seen.add("returned " + sync + " queued " + accepted.writeQueueSize());
          inCall[0] = false;
        });
    await(write);
    assertEquals(List.of("returned false queued 1", "write EPIPE write false"), seen);
    await(clientReads.eof);
    assertNull(await(f.write(client, "late".getBytes(StandardCharsets.UTF_8))));
    await(serverReads.whenRead(4));
    assertEquals("late", serverReads.text());
    assertEquals(
        List.of(0L, 0L, false),
        f.call(
            () ->
                List.of(accepted.writeQueueSize(), accepted.bytesWritten(), accepted.isClosed())));
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
          // More than the kernel's buffers take: the write stays pending.
          byte[] big = new byte[32 << 20];
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
  void requestsOnAClosedHandleCallBackLaterNotInsideTheCall() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    f.close(client);
    boolean[] inCall = {false};
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> last = new CompletableFuture<>();
    f.run(
        () -> {
          inCall[0] = true;
          client.write(new byte[] {1}, 0, 1, e -> seen.add("write " + e.code() + " " + inCall[0]));
          client.shutdown(e -> seen.add("shutdown " + e.code() + " " + inCall[0]));
          client.close(
              e -> {
                seen.add("close " + inCall[0]);
                last.complete(null);
              });
          inCall[0] = false;
        });
    await(last);
    assertEquals(List.of("write EBADF false", "shutdown ENOTCONN false", "close false"), seen);
  }

  @Test
  void acceptedSocketsKeepNagleOnUnlessTheServerAsksForNoDelay() {
    LoopFixture.Server plain = f.listenTcp("127.0.0.1", 0);
    LoopFixture.Server fast =
        f.new Server() {
          @Override
          public boolean noDelay() {
            return true;
          }
        };
    assertTrue(f.listenTcpResult(fast, "127.0.0.1", 0) == fast);
    StreamHandle client = f.connectTcp("127.0.0.1", plain.port());
    StreamHandle nagle = plain.accept();
    f.connectTcp("127.0.0.1", fast.port());
    StreamHandle noDelay = fast.accept();
    assertEquals(
        List.of(false, false, true),
        f.call(() -> List.of(noDelay(client), noDelay(nagle), noDelay(noDelay))));
    f.run(
        () -> {
          nagle.setNoDelay(true);
          noDelay.setNoDelay(false);
          client.setNoDelay(true);
          client.setNoDelay(true);
        });
    assertEquals(
        List.of(true, true, false),
        f.call(() -> List.of(noDelay(client), noDelay(nagle), noDelay(noDelay))));
  }

  @Test
  void aConnectionRegisteredReadyToReadHoldsItsFirstBytesUntilItsReadStarts() {
    LoopFixture.Server s =
        f.new Server() {
          @Override
          public boolean readsAtOnce() {
            return true;
          }
        };
    assertTrue(f.listenTcpResult(s, "127.0.0.1", 0) == s);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    StreamHandle accepted = s.accept();
    assertNull(await(f.write(client, "early".getBytes(StandardCharsets.UTF_8))));
    assertNull(await(f.shutdown(client)));
    for (int i = 0; i < 3; i++) f.call(() -> null); // loop turns, in which epoll may report it
    Recorder r = f.read(accepted);
    await(r.eof);
    assertEquals("early", r.text());
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(r.log)));
  }

  @Test
  void theDirectOutputShutdownSendsTheFinAndNettySeesIt() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    StreamHandle client = f.connectTcp("127.0.0.1", s.port());
    Recorder clientReads = f.read(client);
    io.netty.channel.Channel ch = ((NettyStreamHandle) s.accept()).channel();
    boolean direct = f.call(() -> OutputShutdown.shutdown(transport(), ch));
    assertEquals(transport() != Transport.IO_URING, direct); // io_uring: through Netty's ring
    if (!direct) return;
    await(clientReads.eof);
    assertTrue(f.call(() -> ((io.netty.channel.socket.DuplexChannel) ch).isOutputShutdown()));
  }

  private static boolean noDelay(StreamHandle h) {
    return ((NettyStreamHandle) h)
        .channel()
        .config()
        .getOption(io.netty.channel.ChannelOption.TCP_NODELAY);
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

  /** Answers each connection: after reading the peer's data and end, {@code onEnd} runs. */
  private LoopFixture.Server serveWith(java.util.function.BiConsumer<StreamHandle, String> onEnd) {
    LoopFixture.Server s =
        f.new Server() {
          @Override
          public void onConnection(StreamHandle h) {
            super.onConnection(h);
            StringBuilder got = new StringBuilder();
            h.setListener(
                new Recorder() {
                  @Override
                  public void onRead(byte[] chunk) {
                    got.append(new String(chunk, StandardCharsets.UTF_8));
                  }

                  @Override
                  public void onEof() {
                    onEnd.accept(h, got.toString());
                  }
                });
            h.readStart();
          }
        };
    Object r = f.listenTcpResult(s, "127.0.0.1", 0);
    assertTrue(r == s, "listening");
    return s;
  }

  @Test
  void nodeClientGetsTheAnswerAfterItsHalfClose() {
    io.jnet.testing.NodeJs.assumeAvailable();
    LoopFixture.Server s =
        serveWith(
            (h, got) -> {
              byte[] answer = ("pong to " + got).getBytes(StandardCharsets.UTF_8);
              h.write(answer, 0, answer.length, e -> {});
              h.shutdown(e -> {});
            });
    String out =
        io.jnet.testing.NodeJs.run(
            io.jnet.testing.NodeJs.script("internal-net/client.js"), "" + s.port());
    assertEquals("data pong to ping\nend\nclose false\n", out);
  }

  @Test
  void nodeClientSeesEconnresetFromReset() {
    io.jnet.testing.NodeJs.assumeAvailable();
    LoopFixture.Server s = serveWith((h, got) -> h.reset(e -> {}));
    String out =
        io.jnet.testing.NodeJs.run(
            io.jnet.testing.NodeJs.script("internal-net/client.js"), "" + s.port());
    assertEquals("error ECONNRESET read ECONNRESET\nclose true\n", out);
  }
}
