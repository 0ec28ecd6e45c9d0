package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain sockets on the NIO transport ({@link NioUnixChannel}) stay open after the peer's end,
 * as Node's with {@code allowHalfOpen}: the handle sees the end and keeps writing.
 */
class NioUnixHalfCloseTest {
  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS = 8;

  LoopFixture f;
  @TempDir Path dir;

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(Transport.NIO);
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

  private StreamHandle connect(String path) {
    Object r = f.connectPipeResult(path);
    if (r instanceof JnetException e) throw new AssertionError("connect failed: " + e, e);
    return (StreamHandle) r;
  }

  @Test
  void afterThePeersEndTheHandleWritesMegabytesThePeerReceivesByteExact() throws Exception {
    String path = dir.resolve("half.sock").toString();
    LoopFixture.Server s = listen(path);
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      StreamHandle accepted = s.accept();
      Recorder r = f.read(accepted);
      peer.shutdownOutput();
      await(r.eof);
      assertFalse(accepted.isClosed(), "open after the peer's end");

      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(peer));
      byte[] sent = new byte[CHUNK * CHUNKS];
      new Random(42).nextBytes(sent);
      List<CompletableFuture<JnetException>> writes = new ArrayList<>();
      f.run(
          () -> {
            for (int i = 0; i < CHUNKS; i++) {
              CompletableFuture<JnetException> done = new CompletableFuture<>();
              if (accepted.write(sent, i * CHUNK, CHUNK, done::complete)) done.complete(null);
              writes.add(done);
            }
          });
      CompletableFuture<JnetException> shutdown = f.shutdown(accepted);
      assertArrayEquals(sent, await(received));
      for (CompletableFuture<JnetException> w : writes) assertNull(await(w));
      assertNull(await(shutdown));
      assertEquals(List.of("eof"), f.call(() -> List.copyOf(r.log)));
      assertFalse(accepted.isClosed(), "open until closed");
    }
  }

  @Test
  void thousandsOfSmallWritesOfOneTurnArriveInOrderAfterThePeersEnd() throws Exception {
    String path = dir.resolve("small.sock").toString();
    LoopFixture.Server s = listen(path);
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      StreamHandle accepted = s.accept();
      Recorder r = f.read(accepted);
      peer.shutdownOutput();
      await(r.eof);

      // More buffers than one gathering write takes (1024), of sizes 1 to 97.
      int writes = 3000;
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      List<byte[]> chunks = new ArrayList<>();
      Random random = new Random(7);
      for (int i = 0; i < writes; i++) {
        byte[] chunk = new byte[1 + i % 97];
        random.nextBytes(chunk);
        chunks.add(chunk);
        expected.write(chunk, 0, chunk.length);
      }
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(peer));
      CompletableFuture<JnetException> last = new CompletableFuture<>();
      f.run(
          () -> {
            for (int i = 0; i < writes - 1; i++) {
              accepted.write(chunks.get(i), 0, chunks.get(i).length, e -> {});
            }
            byte[] end = chunks.get(writes - 1);
            if (accepted.write(end, 0, end.length, last::complete)) last.complete(null);
          });
      assertNull(await(last));
      assertNull(await(f.shutdown(accepted)));
      assertArrayEquals(expected.toByteArray(), await(received));
    }
  }

  @Test
  void bothDirectionsHalfCloseAndEachSideReadsTheOthersLastWords() {
    String path = dir.resolve("both.sock").toString();
    LoopFixture.Server s = listen(path);
    StreamHandle client = connect(path);
    StreamHandle accepted = s.accept();
    Recorder serverSide = f.read(accepted);
    Recorder clientSide = f.read(client);

    assertNull(await(f.write(client, "question".getBytes(StandardCharsets.UTF_8))));
    assertNull(await(f.shutdown(client)));
    await(serverSide.eof);
    assertNull(await(f.write(accepted, "answer".getBytes(StandardCharsets.UTF_8))));
    assertNull(await(f.shutdown(accepted)));
    await(clientSide.eof);

    assertEquals("question", serverSide.text());
    assertEquals("answer", clientSide.text());
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(serverSide.log)));
    assertEquals(List.of("data", "eof"), f.call(() -> List.copyOf(clientSide.log)));
    assertFalse(client.isClosed(), "client open until closed");
    assertFalse(accepted.isClosed(), "server side open until closed");
    f.close(client);
    f.close(accepted);
    await(clientSide.closed);
    await(serverSide.closed);
  }

  @Test
  void closingTheSocketsKeepsTheFileAndClosingTheServerRemovesIt() {
    String path = dir.resolve("keep.sock").toString();
    LoopFixture.Server s = listen(path);
    StreamHandle client = connect(path);
    StreamHandle accepted = s.accept();
    f.close(client);
    f.close(accepted);
    assertTrue(Files.exists(Path.of(path)), "sockets' close leaves the server's file");
    f.close(s.handle);
    assertFalse(Files.exists(Path.of(path)), "server's close removes its file");
  }

  @Test
  void aServerChannelWhoseBindFailedRemovesNothingOnClose() throws Exception {
    Path file = Files.writeString(dir.resolve("taken.sock"), "not a socket");
    NioUnixServerChannel server = new NioUnixServerChannel();
    await(f.loop.register(server));
    ChannelFuture bind = server.bind(UnixDomainSocketAddress.of(file));
    bind.awaitUninterruptibly(LoopFixture.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertFalse(bind.isSuccess(), "bind over an existing file fails");
    await(server.close());
    assertEquals("not a socket", Files.readString(file));
  }

  @Test
  void withoutHalfClosureThePeersEndClosesTheChannel() throws Exception {
    String path = dir.resolve("plain.sock").toString();
    LoopFixture.Server s = listen(path);
    try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      Channel ch = ((NettyStreamHandle) s.accept()).channel();
      f.run(() -> ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false));
      f.run(() -> ch.config().setAutoRead(true));
      peer.shutdownOutput();
      await(ch.closeFuture());
      assertFalse(ch.isOpen());
    }
  }

  private static byte[] readAll(SocketChannel peer) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (peer.read(buf.clear()) >= 0) all.write(buf.array(), 0, buf.position());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return all.toByteArray();
  }
}
