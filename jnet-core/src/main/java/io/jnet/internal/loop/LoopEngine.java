package io.jnet.internal.loop;

import io.jnet.internal.transport.Transport;
import io.jnet.loop.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Netty side of one jnet {@link EventLoop}: the Netty event loop thread it runs on, and the
 * queue of work handed to it from other threads.
 *
 * <p>The Netty loop runs a {@link PhasedIoHandler}, so that each of Netty's I/O passes is framed by
 * the phases of Node's loop: timers before the I/O, then the handed-over tasks (Node's poll phase),
 * the immediates (Node's check phase) and the close callbacks (Node's close phase) after it.
 * Channels register with {@link #netty()} and their events are Node's I/O callbacks; they reach
 * user code through {@link #callback(Runnable)}.
 */
public final class LoopEngine {
  /** What the jnet loop does around each I/O pass; implemented by {@code io.jnet.loop}. */
  public interface Turn {
    /** Node's timers phase: runs the timers that are due. Loop thread only. */
    void beforeIo();

    /** Node's poll, check and close phases: handed-over tasks, immediates, closes. Loop only. */
    void afterIo();

    /** Whether the coming I/O pass may wait for events: false while work is queued or due. */
    boolean mayBlock();

    /** When the next timer is due, in {@link System#nanoTime()} time; Long.MAX_VALUE if none. */
    long nextTimerNanos();

    /** Runs one Node callback: exception to the uncaught handler, then the nextTick queue. */
    void callback(Runnable r);

    /** Queues a callback for this turn's close phase. Loop thread only. */
    void closing(Runnable r);

    /** Waits until nothing keeps the loop alive; any thread but the loop. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException;

    /**
     * Adds {@code delta} to what keeps the loop, and so the JVM, alive: one for each ref'd active
     * handle, as a {@code KeepAlive} counts itself. Any thread.
     */
    void hold(int delta);
  }

  private static volatile Function<EventLoop, LoopEngine> access;

  private final EventLoop owner;
  private final Turn turn;
  private final MultiThreadIoEventLoopGroup group;
  private final IoEventLoop netty;
  private final PhasedIoHandler.Factory handlers;
  private final Queue<Runnable> submitted = PlatformDependent.newMpscQueue();

  /** A new engine for a new daemon thread named {@code threadName}; {@link #start()} starts it. */
  public LoopEngine(EventLoop owner, Turn turn, String threadName) {
    this.owner = owner;
    this.turn = turn;
    this.handlers = new PhasedIoHandler.Factory(Transport.current().newIoHandlerFactory(), turn);
    this.group =
        new MultiThreadIoEventLoopGroup(
            1,
            r -> {
              Thread t = new LoopThread(r, threadName, this);
              t.setDaemon(true);
              return t;
            },
            handlers);
    this.netty = group.next();
  }

  /** Starts the loop thread, once the owner is ready to run turns. */
  public void start() {
    netty.execute(() -> {}); // Netty starts its thread on the first task
  }

  /** Lets {@code io.jnet.loop} reveal each loop's engine to {@link #of}; accepted once. */
  public static synchronized void install(Function<EventLoop, LoopEngine> engineOf) {
    if (access == null) access = engineOf;
  }

  /** The engine of {@code loop}. */
  public static LoopEngine of(EventLoop loop) {
    if (loop == null) throw new NullPointerException("loop == null");
    return access.apply(loop);
  }

  /**
   * Adds {@code delta} to what keeps the loop alive, for a handle that counts its own ref and
   * activity instead of holding a {@code KeepAlive} (a socket, one per connection). Any thread.
   */
  public void hold(int delta) {
    turn.hold(delta);
  }

  /** The jnet loop whose thread is the calling thread, or null. */
  public static EventLoop currentOwner() {
    Thread t = Thread.currentThread();
    return t instanceof LoopThread ? ((LoopThread) t).engine.owner : null;
  }

  /** The Netty event loop this jnet loop runs on; channels register with it. */
  public io.netty.channel.EventLoop netty() {
    return netty;
  }

  /** Whether the calling thread is this loop's thread. */
  public boolean inLoop() {
    return netty.inEventLoop();
  }

  /**
   * Runs {@code r} as one Node callback from I/O: an exception goes to the loop's
   * uncaught-exception handler, then the nextTick queue is drained. Loop thread only.
   */
  public void callback(Runnable r) {
    assert inLoop();
    turn.callback(r);
  }

  /**
   * Runs {@code r} as one callback in this turn's close phase, after the immediates: where libuv
   * runs a closed handle's callback, so where Node emits a socket's or server's {@code 'close'}. A
   * callback queued during the close phase runs in the next turn's. Loop thread only; a queued
   * callback keeps the loop alive.
   */
  public void closing(Runnable r) {
    assert inLoop();
    turn.closing(r);
  }

  /**
   * Waits until the loop has no ref'd handle and nothing queued (no task, tick, immediate, ref'd
   * timer): the moment Node's process would exit. Any thread but the loop's; false on timeout.
   */
  public boolean awaitIdle(long timeoutMillis) {
    if (inLoop()) throw new IllegalStateException("awaitIdle on the loop thread would never end");
    try {
      return turn.awaitIdle(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * NIO only: makes {@code selector} drop the channels closed since its last select, so that their
   * descriptors close now (the JDK closes a registered channel's descriptor only when its selector
   * next selects). From inside the I/O pass, where the transport walks the keys it selected, this
   * is done right after the pass. Loop thread only.
   */
  public void releaseClosedChannels(java.nio.channels.Selector selector) {
    assert inLoop();
    handlers
        .handler()
        .outsideIoPass(
            () -> {
              try {
                // The keys it finds ready stay in the set Netty empties before its next select.
                selector.selectNow();
              } catch (java.io.IOException | RuntimeException e) {
                // the descriptors then close at the next select, as they would have anyway
              }
            });
  }

  /** Queues {@code task} for the loop's next poll phase and wakes the loop. Any thread. */
  public void submit(Runnable task) {
    submitted.offer(task);
    if (!netty.inEventLoop()) handlers.wakeup();
  }

  /** How many handed-over tasks are queued. */
  public int submittedCount() {
    return submitted.size();
  }

  /** The oldest handed-over task, or null. Loop thread only. */
  public Runnable pollSubmitted() {
    return submitted.poll();
  }

  /** Whether handed-over tasks are queued. */
  public boolean hasSubmitted() {
    return !submitted.isEmpty();
  }

  /** Stops the Netty loop; for tests, once the loop is idle. Any thread. */
  public void shutdown() {
    if (inLoop()) throw new IllegalStateException("shutdown on the loop thread would never end");
    group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  /** A loop thread: knows its engine, so that {@link #currentOwner()} needs no lookup. */
  private static final class LoopThread extends FastThreadLocalThread {
    final LoopEngine engine;

    LoopThread(Runnable r, String name, LoopEngine engine) {
      super(r, name);
      this.engine = engine;
    }
  }
}
