package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain sockets on io_uring see the peer's end and stay writable after it, as on epoll and
 * NIO: Netty 4.2.18's io_uring Unix channel would close at the peer's FIN ({@link
 * UnixHalfClosure}).
 */
class IoUringUnixEndTest {
  LoopFixture f;
  @TempDir Path dir;

  @BeforeAll
  static void ioUringRuns() {
    String refusal = Transport.IO_URING.refusal();
    assumeTrue(refusal == null, "io_uring: " + refusal);
  }

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(Transport.IO_URING);
  }

  @AfterEach
  void closeEverything() {
    f.close();
  }

  private LoopFixture.Server listen(String path) {
    LoopFixture.Server s = f.new Server();
    Object r = f.listenPipeResult(s, path);
    if (r instanceof JnetException e) throw new AssertionError("listen failed: " + e, e);
    return s;
  }

  @Test
  void afterThePeersEndTheHandleStillWritesAndItsEndReachesThePeer() throws Exception {
    String path = dir.resolve("end.sock").toString();
    LoopFixture.Server s = listen(path);
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      StreamHandle accepted = s.accept();
      Recorder r = f.read(accepted);
      peer.write(ByteBuffer.wrap("last words".getBytes(StandardCharsets.UTF_8)));
      peer.shutdownOutput();
      await(r.eof);
      assertEquals("last words", r.text());

      assertNull(await(f.write(accepted, "late".getBytes(StandardCharsets.UTF_8))));
      assertNull(await(f.shutdown(accepted)));
      assertEquals("late", readToEnd(peer), "the peer reads the write, then jnet's end");
      f.close(accepted);
      await(r.closed);
      assertEquals(List.of("data", "eof", "close"), f.call(() -> List.copyOf(r.log)));
    }
  }

  private static String readToEnd(SocketChannel peer) throws java.io.IOException {
    ByteBuffer buf = ByteBuffer.allocate(64);
    while (peer.read(buf) >= 0) {
      if (!buf.hasRemaining()) throw new AssertionError("more than expected");
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  @Test
  void whileReadingIsStoppedTheEndWaitsForTheNextStart() throws Exception {
    String path = dir.resolve("paused.sock").toString();
    LoopFixture.Server s = listen(path);
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      StreamHandle accepted = s.accept();
      Recorder r = new Recorder();
      f.run(() -> accepted.setListener(r));
      peer.write(ByteBuffer.wrap("held".getBytes(StandardCharsets.UTF_8)));
      peer.shutdownOutput();
      f.run(() -> {}); // one loop turn: nothing is delivered while stopped
      assertEquals(List.of(), f.call(() -> List.copyOf(r.log)));
      f.run(accepted::readStart);
      await(r.eof);
      assertEquals("held", r.text());
      f.close(accepted);
      await(r.closed);
      assertEquals(List.of("data", "eof", "close"), f.call(() -> List.copyOf(r.log)));
    }
  }

  @Test
  void aClientsEndReachesTheServerAndBothClose() {
    String path = dir.resolve("both.sock").toString();
    LoopFixture.Server s = listen(path);
    Object c = f.connectPipeResult(path);
    if (c instanceof JnetException e) throw new AssertionError("connect failed: " + e, e);
    StreamHandle client = (StreamHandle) c;
    StreamHandle accepted = s.accept();
    Recorder serverSide = f.read(accepted);
    Recorder clientSide = f.read(client);
    assertNull(await(f.write(client, "question".getBytes(StandardCharsets.UTF_8))));
    assertNull(await(f.shutdown(client)));
    await(serverSide.eof);
    assertEquals("question", serverSide.text());
    f.close(accepted);
    await(clientSide.eof);
    f.close(client);
    await(serverSide.closed);
    await(clientSide.closed);
    f.close(s.handle);
  }
}
