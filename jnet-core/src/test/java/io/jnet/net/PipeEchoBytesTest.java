package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code socket.pipe(socket)} gives back every byte in order while reads arrive full (64 KiB) and
 * the peer keeps writing: the reads a straight pipe passes through the loop's lent array, whose
 * writes take their bytes from the read buffer itself, are the ones this streams.
 */
@Timeout(60)
class PipeEchoBytesTest {
  private static final int TOTAL = 16 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void tcpEchoThroughPipeReturnsEveryByte() throws Exception {
    Server server = Net.createServer(s -> s.pipe(s));
    server.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get(10, TimeUnit.SECONDS);
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.INET)) {
      echo(c, new InetSocketAddress("127.0.0.1", server.address().port()), 1);
    } finally {
      server.closeAsync().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void unixEchoThroughPipeReturnsEveryByte() throws Exception {
    Path path = dir.resolve("echo.sock");
    Server server = Net.createServer(s -> s.pipe(s));
    server.listenAsync(ListenOptions.path(path.toString())).get(10, TimeUnit.SECONDS);
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      echo(c, UnixDomainSocketAddress.of(path), 2);
    } finally {
      server.closeAsync().get(10, TimeUnit.SECONDS);
    }
  }

  /** Writes {@link #TOTAL} seeded bytes in 64 KiB writes, then ends; reads the echo to its end. */
  private static void echo(SocketChannel c, SocketAddress to, long seed) throws Exception {
    c.connect(to);
    byte[] sent = new byte[TOTAL];
    new Random(seed).nextBytes(sent);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int off = 0; off < TOTAL; off += 64 * 1024) {
                  ByteBuffer chunk = ByteBuffer.wrap(sent, off, Math.min(64 * 1024, TOTAL - off));
                  while (chunk.hasRemaining()) c.write(chunk);
                }
                c.shutdownOutput();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    MessageDigest got = MessageDigest.getInstance("SHA-256");
    ByteBuffer in = ByteBuffer.allocate(256 * 1024);
    long total = 0;
    for (int n = c.read(in); n >= 0; n = c.read(in)) {
      in.flip();
      got.update(in);
      in.clear();
      total += n;
    }
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(TOTAL, total);
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(sent), got.digest());
  }
}
