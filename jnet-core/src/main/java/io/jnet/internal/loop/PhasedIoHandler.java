package io.jnet.internal.loop;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;
import io.netty.util.concurrent.Ticker;
import java.util.ArrayDeque;

/**
 * A transport's I/O handler with Node's loop phases around each I/O pass.
 *
 * <p>Netty calls {@link #run} once per turn of its loop. This handler first runs Node's timers
 * phase, then the transport's I/O (blocking only when no work is queued, and no longer than until
 * the next timer), then Node's poll-phase tasks, check phase and close phase. Netty's own tasks run
 * after, as in any Netty loop. The timers need no Netty task: their deadline is folded into the one
 * Netty gives the transport, so a timer firing allocates nothing.
 */
final class PhasedIoHandler implements IoHandler {
  private static final System.Logger LOG = System.getLogger(PhasedIoHandler.class.getName());

  private final IoHandler io;
  private final LoopEngine.Turn turn;
  private IoHandlerContext outer; // loop thread only: Netty's context of the current pass
  private boolean inIo; // loop thread only: the transport's I/O pass is running
  private final ArrayDeque<Runnable> afterIoPass = new ArrayDeque<>(); // loop thread only

  private final IoHandlerContext context =
      new IoHandlerContext() {
        @Override
        public boolean canBlock() {
          return outer.canBlock() && turn.mayBlock();
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
          long netty = outer.delayNanos(currentTimeNanos);
          long timer = turn.nextTimerNanos();
          if (timer == Long.MAX_VALUE) return netty;
          // Never 0: a transport may read a zero timeout as no timeout at all.
          return Math.min(netty, Math.max(1, timer - currentTimeNanos));
        }

        @Override
        public long deadlineNanos() {
          long netty = outer.deadlineNanos();
          long timer = turn.nextTimerNanos();
          if (timer == Long.MAX_VALUE) return netty;
          long mine = timer - Ticker.systemTicker().initialNanoTime(); // Netty's clock
          return netty == -1 ? mine : Math.min(netty, mine);
        }

        @Override
        public void reportActiveIoTime(long activeNanos) {
          outer.reportActiveIoTime(activeNanos);
        }

        @Override
        public boolean shouldReportActiveIoTime() {
          return outer.shouldReportActiveIoTime();
        }
      };

  PhasedIoHandler(IoHandler io, LoopEngine.Turn turn) {
    this.io = io;
    this.turn = turn;
  }

  @Override
  public void initialize() {
    io.initialize();
  }

  @Override
  public int run(IoHandlerContext nettyContext) {
    outer = nettyContext;
    phase(true);
    int handled;
    inIo = true;
    try {
      handled = io.run(context);
    } finally {
      inIo = false;
    }
    for (Runnable r; (r = afterIoPass.poll()) != null; ) r.run();
    phase(false);
    return handled;
  }

  /**
   * Runs {@code r} now, or right after the transport's I/O pass when called from inside it (where
   * the transport is walking its ready keys and must not be disturbed). Loop thread only.
   */
  void outsideIoPass(Runnable r) {
    if (inIo) {
      afterIoPass.add(r);
    } else {
      r.run();
    }
  }

  private void phase(boolean beforeIo) {
    try {
      if (beforeIo) turn.beforeIo();
      else turn.afterIo();
    } catch (Throwable t) {
      // User code cannot get here (callbacks catch their own); a bug of the loop's must not end it.
      LOG.log(System.Logger.Level.ERROR, "jnet loop phase failed", t);
    }
  }

  @Override
  public void prepareToDestroy() {
    io.prepareToDestroy();
  }

  @Override
  public void destroy() {
    io.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new EmptyInterestRegistration(io.register(handle));
  }

  @Override
  public void wakeup() {
    io.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return io.isCompatible(handleType);
  }

  /** Makes the one handler of a one-thread group and remembers it, to wake it from any thread. */
  static final class Factory implements IoHandlerFactory {
    private final IoHandlerFactory transport;
    private final LoopEngine.Turn turn;
    private volatile PhasedIoHandler handler;

    Factory(IoHandlerFactory transport, LoopEngine.Turn turn) {
      this.transport = transport;
      this.turn = turn;
    }

    @Override
    public IoHandler newHandler(ThreadAwareExecutor executor) {
      PhasedIoHandler h = new PhasedIoHandler(transport.newHandler(executor), turn);
      handler = h;
      return h;
    }

    void wakeup() {
      PhasedIoHandler h = handler;
      if (h != null) h.wakeup();
    }

    PhasedIoHandler handler() {
      return handler;
    }
  }
}
