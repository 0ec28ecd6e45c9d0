package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * First handler of a listening channel: what libuv does when {@code accept} fails.
 *
 * <p>On a full descriptor table (EMFILE, ENFILE) libuv plays its "EMFILE trick": it closes a
 * descriptor it kept in reserve, accepts the waiting connections and closes them at once (their
 * clients see the connection end), then takes the reserve back. Node's server reports nothing and
 * keeps serving; this guard does the same, with one reserve descriptor per JVM as libuv has one per
 * loop. On a native (epoll) socket the waiting connections are accepted and closed at once, as
 * libuv does; on NIO through Netty's own accept loop, which runs again while any wait. Only when no
 * reserve can be had, or for any other accept error, is the error reported ({@code accept EMFILE}),
 * and accepting then pauses for a second, as Netty's own acceptor would, so that a full table does
 * not spin the loop.
 */
final class AcceptGuard extends ChannelInboundHandlerAdapter {
  /** How long accepting pauses after a reported accept error. */
  static final long ACCEPT_PAUSE_MILLIS = 1000;

  private static final Path DEV_NULL = Path.of("/dev/null");

  /** libuv's reserve descriptor; guarded by {@code AcceptGuard.class}. */
  private static FileChannel reserve;

  static {
    // Under a full table no class can be loaded from a directory of the class path (each needs a
    // descriptor): load now what an accept error will need.
    JnetException warm = UvError.stream(new IOException("warm"), "accept");
    UvError.stream(new IOException("Too many open files"), "accept");
    if (warm.code() == null) throw new AssertionError("warm-up");
  }

  private final Invoker invoker;
  private final ServerListener listener;

  /** True while connections are accepted only to be closed; loop thread only. */
  private boolean dropping;

  /** Whether the running trick's batch met a full table again; loop thread only. */
  private boolean fullAgain;

  /** Whether the end of the running trick is scheduled; loop thread only. */
  private boolean endScheduled;

  AcceptGuard(Invoker invoker, ServerListener listener) {
    this.invoker = invoker;
    this.listener = listener;
    takeReserve();
  }

  /** During the trick, an accepted connection is closed before anything sees it. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (dropping && msg instanceof Channel child) {
      child.unsafe().closeForcibly(); // not registered: its descriptor is free at once
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // io_uring: the accept pending when close() stopped the listening (EINVAL), no error of libuv's
    if (Channels.stoppedListening(ctx.channel())) return;
    String code = UvError.codeOf(cause, "accept");
    boolean fullTable = code.equals("EMFILE") || code.equals("ENFILE");
    if (fullTable && dropping) {
      // Netty accepts a whole batch before handing it over, so the batch's next accept met
      // the table still full: the connections it holds are closed now, and the trick ends.
      fullAgain = true;
      return;
    }
    if (fullTable && !dropping) takeReserve(); // lost to another thread once: try again now
    if (fullTable && releaseReserve()) {
      startTrick(ctx);
      return;
    }
    JnetException e = UvError.stream(cause, "accept");
    invoker.invoke(() -> listener.onError(e));
    pause(ctx.channel());
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (dropping) {
      // Netty reports a batch's accept error after its read-complete: end once both are in.
      if (!endScheduled) {
        endScheduled = true;
        ctx.channel().eventLoop().execute(() -> endTrick(ctx));
      }
    } else {
      takeReserve(); // back after a table that was full without one
    }
    ctx.fireChannelReadComplete();
  }

  /**
   * libuv's trick on a native socket, done at once: accepts every waiting connection and closes it,
   * until the backlog is empty (true) or the table is full again (false). Netty's epoll server
   * reads no more after an accept error until the next connection arrives, so leaving the draining
   * to Netty would leave the waiting clients without an answer.
   */
  private static boolean closeWaiting(Socket server) {
    byte[] address = new byte[26]; // as much as Netty's own accept writes (an IPv6 address)
    while (true) {
      int fd;
      try {
        fd = server.accept(address);
      } catch (IOException | RuntimeException e) {
        return false; // EMFILE again (another thread took the descriptor), or the server closed
      }
      if (fd < 0) return true; // EAGAIN: nothing waits any more
      try {
        new FileDescriptor(fd).close();
      } catch (IOException e) {
        // a descriptor this loop just accepted closes; nothing to report to anyone
      }
    }
  }

  /**
   * The reserve is free: accept what waits and close it. Until the reserve is back, whatever is
   * accepted is closed at once.
   */
  private void startTrick(ChannelHandlerContext ctx) {
    dropping = true;
    if (ctx.channel() instanceof UnixChannel unix && unix.fd() instanceof Socket socket) {
      if (!closeWaiting(socket)) fullAgain = true;
      endTrick(ctx);
    } else {
      ctx.channel().read(); // Netty accepts what waits, with the reserve's descriptor
    }
  }

  /**
   * The trick's connections are closed: take the reserve back, as libuv does, and go on. Another
   * thread of the JVM may hold the freed descriptor for a moment (the JVM reads files now and
   * then): the trick then goes on closing what arrives, and tries again a millisecond later, so
   * that no connection kept meanwhile takes the reserve's place for good.
   */
  private void endTrick(ChannelHandlerContext ctx) {
    endScheduled = false;
    if (!ctx.channel().isOpen()) {
      dropping = false;
      return;
    }
    if (!takeReserve()) {
      endScheduled = true;
      ctx.channel().eventLoop().schedule(() -> endTrick(ctx), 1, TimeUnit.MILLISECONDS);
      return;
    }
    dropping = false;
    if (fullAgain) {
      fullAgain = false;
      if (ctx.channel() instanceof UnixChannel && releaseReserve()) {
        startTrick(ctx); // connections may still wait, and epoll will not say so again
      } else {
        ctx.channel().read(); // more may wait; a table full again starts another trick
      }
    }
  }

  private static void pause(Channel server) {
    if (!server.isOpen() || !server.config().isAutoRead()) return;
    server.config().setAutoRead(false);
    server
        .eventLoop()
        .schedule(
            () -> {
              if (server.isOpen()) server.config().setAutoRead(true);
            },
            ACCEPT_PAUSE_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /** Takes the reserve descriptor unless held; whether it is held now. */
  private static synchronized boolean takeReserve() {
    if (reserve != null) return true;
    try {
      reserve = FileChannel.open(DEV_NULL);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // the table is still full
    }
  }

  static synchronized boolean releaseReserve() {
    if (reserve == null) return false;
    try {
      reserve.close();
    } catch (IOException e) {
      // closing /dev/null cannot fail in a way that keeps the descriptor
    }
    reserve = null;
    return true;
  }
}
