package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
 * loop. Only when no reserve can be had, or for any other accept error, is the error reported
 * ({@code accept EMFILE}), and accepting then pauses for a second, as Netty's own acceptor would,
 * so that a full table does not spin the loop.
 */
final class AcceptGuard extends ChannelInboundHandlerAdapter {
  /** How long accepting pauses after a reported accept error. */
  static final long ACCEPT_PAUSE_MILLIS = 1000;

  private static final Path DEV_NULL = Path.of("/dev/null");

  /** libuv's reserve descriptor; guarded by {@code AcceptGuard.class}. */
  private static FileChannel reserve;

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
    String code = UvError.codeOf(cause, "accept");
    boolean fullTable = code.equals("EMFILE") || code.equals("ENFILE");
    if (fullTable && dropping) {
      // Netty accepts a whole batch before handing it over, so the batch's next accept met
      // the table still full: the connections it holds are closed now, and the trick ends.
      fullAgain = true;
      return;
    }
    if (fullTable && releaseReserve()) {
      dropping = true;
      ctx.channel().read(); // accept what waits, with the reserve's descriptor, to close it
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

  /** The trick's connections are closed: take the reserve back, as libuv does, and go on. */
  private void endTrick(ChannelHandlerContext ctx) {
    endScheduled = false;
    dropping = false;
    takeReserve();
    if (fullAgain) {
      fullAgain = false;
      ctx.channel().read(); // more may wait; a table full again starts another trick
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

  private static synchronized void takeReserve() {
    if (reserve != null) return;
    try {
      reserve = FileChannel.open(DEV_NULL);
    } catch (IOException | RuntimeException e) {
      reserve = null; // the table is still full: the next EMFILE is reported
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
