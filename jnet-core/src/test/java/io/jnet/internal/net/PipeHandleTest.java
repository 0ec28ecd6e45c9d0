package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix domain socket handles, written once and run on every transport by a subclass. */
abstract class PipeHandleTest {
  LoopFixture f;
  @TempDir Path dir;

  abstract Transport transport();

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(transport());
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
  void listenConnectExchangeAndCloseRemovesTheFile() {
    String path = dir.resolve("a.sock").toString();
    LoopFixture.Server s = listen(path);
    assertTrue(Files.exists(Path.of(path)), "socket file made");
    assertEquals(path, s.handle.path());
    assertNull(s.handle.address());
    StreamHandle client = connect(path);
    StreamHandle accepted = s.accept();
    assertTrue(client.isPipe());
    assertNull(client.remoteAddress());
    Recorder r = f.read(accepted);
    assertNull(await(f.write(client, "over the pipe".getBytes(StandardCharsets.UTF_8))));
    await(r.whenRead(13));
    assertEquals("over the pipe", r.text());
    f.close(client);
    f.close(accepted);
    f.close(s.handle);
    assertFalse(Files.exists(Path.of(path)), "socket file removed by close");
  }

  @Test
  void existingPathIsEaddrinuseAndIsLeftAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("taken.sock"), "not a socket");
    Object r = f.listenPipeResult(f.new Server(), file.toString());
    JnetException e = (JnetException) r;
    assertEquals("listen EADDRINUSE: address already in use " + file, e.getMessage());
    assertEquals(
        List.of("EADDRINUSE", -98, "listen", file.toString(), -1),
        List.of(e.code(), e.errno(), e.syscall(), e.address(), e.port()));
    assertEquals("not a socket", Files.readString(file));
  }

  @Test
  void secondListenOnALivePathIsEaddrinuse() {
    String path = dir.resolve("b.sock").toString();
    listen(path);
    JnetException e = (JnetException) f.listenPipeResult(f.new Server(), path);
    assertEquals("EADDRINUSE", e.code());
    assertTrue(Files.exists(Path.of(path)), "first server's file kept");
    StreamHandle client = connect(path);
    assertFalse(client.isClosed());
  }

  @Test
  void missingPathIsConnectEnoent() {
    String path = dir.resolve("missing.sock").toString();
    JnetException e = (JnetException) f.connectPipeResult(path);
    assertEquals("connect ENOENT " + path, e.getMessage());
    assertEquals(
        List.of("ENOENT", -2, "connect", path),
        List.of(e.code(), e.errno(), e.syscall(), e.address()));
  }

  @Test
  void pathWithoutListenerIsConnectEconnrefused() throws Exception {
    String path = dir.resolve("dead.sock").toString();
    try (var ch =
        java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      ch.bind(java.net.UnixDomainSocketAddress.of(path));
    }
    JnetException e = (JnetException) f.connectPipeResult(path);
    assertEquals("connect ECONNREFUSED " + path, e.getMessage());
  }

  @Test
  void shutdownDeliversDataThenEof() {
    String path = dir.resolve("c.sock").toString();
    LoopFixture.Server s = listen(path);
    StreamHandle client = connect(path);
    StreamHandle accepted = s.accept();
    Recorder r = f.read(accepted);
    await(f.write(client, "bye".getBytes(StandardCharsets.UTF_8)));
    assertNull(await(f.shutdown(client)));
    await(r.eof);
    assertEquals("bye", r.text());
  }

  @Test
  void writeAfterShutdownFailsWithEpipeAndTheInputStaysOpen() {
    String path = dir.resolve("w.sock").toString();
    LoopFixture.Server s = listen(path);
    StreamHandle client = connect(path);
    StreamHandle accepted = s.accept();
    Recorder r = f.read(client);
    Recorder serverReads = f.read(accepted);
    assertNull(await(f.shutdown(accepted)));
    assertEquals("EPIPE", await(f.write(accepted, new byte[] {1})).code());
    await(r.eof);
    if (Channels.closesAtPeerEnd(transport(), true)) return; // the client closed at the FIN
    assertNull(await(f.write(client, "late".getBytes(StandardCharsets.UTF_8))));
    await(serverReads.whenRead(4));
    assertEquals("late", serverReads.text());
  }

  @Test
  void abstractNamesWorkOnNativeTransportsAndAreEinvalOnNio() throws Exception {
    String name = "jnet-test-" + System.nanoTime();
    String path = "\0" + name;
    LoopFixture.Server s = f.new Server();
    Object r = f.listenPipeResult(s, path);
    if (transport() == Transport.NIO) {
      assertEquals("EINVAL", ((JnetException) r).code());
      assertEquals("EINVAL", ((JnetException) f.connectPipeResult(path)).code());
      return;
    }
    assertTrue(
        Files.readString(Path.of("/proc/net/unix")).contains("@" + name), "abstract name bound");
    StreamHandle client = connect(path);
    assertFalse(client.isClosed());
    s.accept();
    f.close(s.handle);
  }

  @Test
  void readableAllAndWritableAllOpenTheFileToEveryone() throws Exception {
    String path = dir.resolve("open.sock").toString();
    LoopFixture.Server s = f.new Server();
    f.listenPipeResult(s, path, true, true);
    String mode =
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(Path.of(path)));
    assertEquals("rw-rw-rw-", mode.replace('x', '-'));
  }

  @Test
  void nodeClientOverAPipeGetsTheAnswerAfterItsEnd() {
    io.jnet.testing.NodeJs.assumeAvailable();
    String path = dir.resolve("node.sock").toString();
    LoopFixture.Server s =
        f.new Server() {
          @Override
          public void onConnection(StreamHandle h) {
            super.onConnection(h);
            h.setListener(
                new Recorder() {
                  @Override
                  public void onEof() {
                    byte[] answer = ("pong to " + text()).getBytes(StandardCharsets.UTF_8);
                    h.write(answer, 0, answer.length, e -> {});
                    h.shutdown(e -> {});
                  }
                });
            h.readStart();
          }
        };
    f.listenPipeResult(s, path);
    String out =
        io.jnet.testing.NodeJs.run(io.jnet.testing.NodeJs.script("internal-net/client.js"), path);
    // jnet's NIO Unix channel stays open after the peer's end, as epoll's does, and io_uring's
    // (UnixHalfClosure).
    assertEquals("data pong to ping\nend\nclose false\n", out);
  }

  /** A path of exactly sun_path's 108 bytes works, as in Node, on both transports. */
  @Test
  void pathOf108BytesWorks() {
    String base = dir.toString() + "/";
    String path = base + "x".repeat(UnixPaths.SUN_PATH - base.length());
    assertEquals(108, path.length());
    LoopFixture.Server s = listen(path);
    assertTrue(Files.exists(Path.of(path)), "the 108-byte file itself");
    StreamHandle client = connect(path);
    assertFalse(client.isClosed());
    s.accept();
    f.close(s.handle);
    assertFalse(Files.exists(Path.of(path)), "removed by close");
  }

  /** Node 24 refuses a longer path: {@code listen EINVAL}, and no file is made. */
  @Test
  void aLongerPathIsEinvalAsInNode24() {
    String base = dir.toString() + "/";
    String path = base + "x".repeat(120);
    Object r = f.listenPipeResult(f.new Server(), path);
    assertEquals("listen EINVAL: invalid argument " + path, ((JnetException) r).getMessage());
    assertFalse(Files.exists(Path.of(path.substring(0, UnixPaths.SUN_PATH))), "no file");
  }
}
