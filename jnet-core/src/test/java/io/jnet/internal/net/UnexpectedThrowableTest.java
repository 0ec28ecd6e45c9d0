package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A throwable that is no I/O failure (a bug in jnet, an {@code Error}) met by the handle layer: it
 * poses as no OS error and is never lost, on the transport the suite runs on.
 */
class UnexpectedThrowableTest {
  private LoopFixture f;
  private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());

  /** As jnet's loop runs a handle's upcall: what it throws goes to the uncaught handler. */
  private final Invoker catching =
      upcall -> {
        try {
          upcall.run();
        } catch (Throwable t) {
          uncaught.add(t);
        }
      };

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(Transport.current());
  }

  @AfterEach
  void closeEverything() {
    f.close();
  }

  /** A client handle whose upcalls run through {@link #catching}, reading into a recorder. */
  private NettyStreamHandle connect(int port) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    f.run(
        () ->
            Handles.connectTcp(
                f.loop,
                catching,
                "127.0.0.1",
                port,
                null,
                0,
                (h, e) -> done.complete(h != null ? h : e)));
    NettyStreamHandle h = (NettyStreamHandle) await(done);
    f.track(h);
    return h;
  }

  @Test
  void aThrowableThatIsNoIoFailureGoesToTheUncaughtHandlerAndTheConnectionStillReads() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    NettyStreamHandle client = connect(s.port());
    StreamHandle accepted = s.accept();
    Recorder r = f.read(client);
    NullPointerException bug = new NullPointerException("a bug in jnet");
    f.run(() -> client.channel().pipeline().fireExceptionCaught(bug));
    assertEquals(1, uncaught.size(), "uncaught: " + uncaught);
    assertSame(bug, uncaught.get(0));
    assertFalse(r.error.isDone(), "no read error: " + r.error.getNow(null));
    byte[] bytes = "still reading".getBytes(StandardCharsets.UTF_8);
    assertEquals(null, await(f.write(accepted, bytes)));
    await(r.whenRead(bytes.length));
    assertEquals("still reading", r.text());
  }

  @Test
  void anIoFailureIsStillTheReadErrorOfItsErrno() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    NettyStreamHandle client = connect(s.port());
    s.accept();
    Recorder r = f.read(client);
    IOException reset = new IOException("recvAddress(..) failed: Connection reset by peer");
    f.run(() -> client.channel().pipeline().fireExceptionCaught(reset));
    JnetException e = await(r.error);
    assertEquals("read ECONNRESET", e.getMessage());
    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
  }

  @Test
  void aListenCallbackThatThrowsThrowsAtTheListenCall() {
    IllegalStateException bug = new IllegalStateException("a bug in the listen callback");
    ServerHandle[] made = new ServerHandle[1];
    LoopFixture.Server s = f.new Server();
    Object thrown =
        f.call(
            () -> {
              try {
                Handles.listenTcp(
                    f.loop,
                    catching,
                    "127.0.0.1",
                    0,
                    0,
                    false,
                    s,
                    (h, e) -> {
                      made[0] = h;
                      throw bug;
                    });
                return "returned";
              } catch (Throwable t) {
                return t;
              }
            });
    assertSame(bug, thrown);
    assertTrue(made[0] != null, "the callback had the handle");
    f.track(made[0]); // the callback's to close: the fixture closes it
  }

  @Test
  void aBugInsideTheConnectsListenerEndsTheConnectAndClosesItsSocket() {
    // A port out of range reaching the handle layer stands for a bug in jnet: it throws inside
    // the registration's listener, where Netty would log it and leave the connect pending.
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    CompletableFuture<Object> done = new CompletableFuture<>();
    f.run(
        () ->
            Handles.connectTcp(
                f.loop,
                catching,
                "127.0.0.1",
                65536 + s.port(),
                null,
                0,
                (h, e) -> done.complete(h != null ? h : e)));
    JnetException e = (JnetException) await(done);
    assertEquals(List.of("ECANCELED", "connect"), List.of(e.code(), e.syscall()));
    assertEquals(1, uncaught.size(), "uncaught: " + uncaught);
    assertTrue(uncaught.get(0) instanceof IllegalArgumentException, "uncaught: " + uncaught);
  }

  @Test
  void aConnectFailedByABugIsNoOsErrorAndClosesTheDescriptor() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    IllegalStateException bug = new IllegalStateException("a bug in a connect handler");
    Channel channel = Channels.newSocket(f.transport, false);
    channel
        .pipeline()
        .addLast(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void connect(
                  ChannelHandlerContext ctx,
                  java.net.SocketAddress remote,
                  java.net.SocketAddress local,
                  ChannelPromise promise) {
                throw bug;
              }
            });
    NettyStreamHandle handle =
        new NettyStreamHandle(channel, f.loop, f.transport, catching, false, false, false, null);
    await(f.call(() -> f.loop.register(channel)));
    CompletableFuture<Object> done = new CompletableFuture<>();
    f.run(
        () ->
            Connector.connectTcp(
                f.loop,
                catching,
                handle,
                "127.0.0.1",
                s.port(),
                null,
                0,
                null,
                (h, e) -> done.complete(h != null ? h : e)));
    JnetException e = (JnetException) await(done);
    assertEquals("ECANCELED", e.code(), "not an OS error: " + e);
    assertEquals(List.of(bug), uncaught);
    assertFalse(channel.isOpen(), "the descriptor is closed");
  }
}
