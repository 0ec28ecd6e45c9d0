package io.jnet.loop;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.transport.NettyCheck;
import io.jnet.internal.transport.Transport;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Node's event loop on one thread: {@code process.nextTick}, {@code setImmediate}, {@code
 * setTimeout} and {@code setInterval}, and the handles that keep the JVM alive.
 *
 * <p>One loop is one daemon thread, and every callback of the loop runs on it, one at a time:
 * timers, immediates, ticks, tasks handed over by {@link #execute}, and (from the socket layer) the
 * I/O events of the sockets and servers on this loop. The default loop, {@link #defaultLoop()}, is
 * Node's one loop; {@link #create()} makes more, so that a server may spread its connections.
 *
 * <h2>Ordering contract (Node 24)</h2>
 *
 * <ul>
 *   <li>A <em>callback</em> is one run of user code started by the loop: a task given to {@link
 *       #execute}, a timer, an immediate, an I/O event. After each callback the nextTick queue is
 *       drained, including ticks queued while draining, before anything else runs.
 *   <li>Each turn of the loop runs these phases in order: timers (every timer due when the phase
 *       began), I/O events, handed-over tasks (FIFO), check (the immediates queued before the phase
 *       began, in order; one queued during the phase runs on the next turn), close (the {@code
 *       'close'} callbacks of the handles closed before it began).
 *   <li>Timers of equal delay fire in creation order; lists of different delays by expiry. A timer
 *       created or refreshed while timers run starts its countdown then, so it fires on a later
 *       turn. Delays below 1 ms, or above 2<sup>31</sup>-1 ms, become 1 ms as in Node; the latter
 *       prints Node's {@code TimeoutOverflowWarning} to stderr.
 *   <li>Hence, from inside a timer, an I/O event or a handed-over task, an immediate always runs
 *       before a {@code setTimeout(0)}.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <p>A callback that throws does not stop the loop: the exception goes to the loop's
 * uncaught-exception handler (by default, a report through {@link System.Logger} {@code io.jnet}:
 * one line for an {@code 'error'} nobody listened to, the stack trace for the program's own
 * exception) and the loop goes on with the callback's ticks and then the next callback. Node,
 * without an {@code 'uncaughtException'} listener, would exit instead; with one, Node runs the
 * ticks queued by a throwing timer or immediate only after the next timer or immediate, where jnet
 * runs them at once.
 *
 * <h2>Lifetime</h2>
 *
 * <p>While a ref'd {@link Handle} of any loop is pending (a timer, an immediate, a {@link
 * KeepAlive} of a server or socket), or a task handed over by {@link #execute} waits, or a callback
 * runs, the JVM stays alive after {@code main} returns, as Node's process does. When the last goes,
 * nothing of jnet holds the JVM: loop threads are daemons, and the one non-daemon thread, {@code
 * jnet-keeper}, lives only while something is held, and 20 ms after (where Node would exit at
 * once), so that a count touching zero now and then does not start a thread each time. Loops are
 * never shut down.
 *
 * <h2>Threads</h2>
 *
 * <p>Every method may be called from any thread. On the loop, {@link #nextTick} queues a tick; off
 * the loop it is handed over, as {@link #execute} is. Timers and immediates made off the loop are
 * returned at once and armed when the loop receives them. {@link #clearTimeout} and {@link
 * #clearImmediate} take effect when they return, on any thread: a timer or immediate that is not
 * already running will not run. Unlike Node's main module, a Java {@code main} does not run on the
 * loop: code that must see Node's orderings from its first line runs in {@code execute(...)}.
 */
public final class EventLoop implements Executor {
  static {
    NettyCheck.require(); // before the engine's class links: a clear message on Netty 4.1
    LoopEngine.install(loop -> loop.engine);
  }

  private static final AtomicInteger NEXT_LOOP = new AtomicInteger(1);
  private static final long TIMEOUT_MAX = Integer.MAX_VALUE;

  private static final class Default {
    static final EventLoop LOOP = new EventLoop("jnet-loop-0");
  }

  final TimerQueue timers = new TimerQueue(this);
  private final Immediates immediates = new Immediates(this);
  private final ArrayDeque<Runnable> ticks = new ArrayDeque<>(); // loop thread only
  private final ArrayDeque<Runnable> closing = new ArrayDeque<>(); // loop thread only
  private final AtomicInteger holds = new AtomicInteger(); // changed through Keeper only
  private int deferredReleases; // loop thread only
  private final long originNanos = System.nanoTime();
  private final LoopEngine engine;
  private int depth; // loop thread only: callbacks running, nested
  private volatile Consumer<Throwable> uncaughtHandler = UncaughtLog.INSTANCE;

  private final String name;

  private EventLoop(String threadName) {
    this.name = threadName;
    this.engine = new LoopEngine(this, new Phases(), threadName);
    engine.start();
  }

  /**
   * Runs a program's body as Node runs its main module: on the default loop, as its first callback
   * (its nextTicks run right after it), then waits until nothing of jnet keeps the JVM alive — no
   * listening server, open socket, pending timer or queued task on any loop — and returns. The
   * usual {@code main} is one call:
   *
   * <pre>{@code
   * public static void main(String[] args) {
   *   EventLoop.run(() -> {
   *     Server server = Net.createServer(socket -> socket.pipe(socket));
   *     server.listen(7000, () -> System.out.println("listening on " + server.address()));
   *   });
   * }
   * }</pre>
   *
   * <p>Inside the body every ordering is Node's from its first line (a Java {@code main} itself
   * does not run on the loop). The body must not block: a {@code CompletableFuture} of jnet ({@code
   * listenAsync}, {@code connectAsync}) is continued with {@code thenAccept} there, and the
   * blocking {@code Streams} views are for other threads. If the body throws, {@code run} throws
   * the same exception at once, without waiting; unlike Node, whose process then exits, what the
   * body opened stays open. An interrupt of the waiting thread ends the wait (the interrupt status
   * is kept).
   *
   * @param program the program, run on the default loop
   * @throws IllegalStateException when called on a loop thread, where it could never return
   */
  public static void run(Runnable program) {
    if (current() != null) {
      throw new IllegalStateException("EventLoop.run called on loop thread " + current().name);
    }
    CompletableFuture<Void> body = new CompletableFuture<>();
    defaultLoop()
        .execute(
            () -> {
              try {
                program.run();
                body.complete(null);
              } catch (Throwable t) {
                body.completeExceptionally(t);
              }
            });
    try {
      body.get();
      Keeper.awaitNoneHeld();
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      if (t instanceof RuntimeException) throw (RuntimeException) t;
      if (t instanceof Error) throw (Error) t;
      throw new IllegalStateException(t);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The default loop, Node's one loop; started on first use, on daemon thread "jnet-loop-0".
   *
   * @return the default loop
   */
  public static EventLoop defaultLoop() {
    return Default.LOOP;
  }

  /**
   * A new loop on a new daemon thread "jnet-loop-N".
   *
   * @return the new loop
   */
  public static EventLoop create() {
    return new EventLoop("jnet-loop-" + NEXT_LOOP.getAndIncrement());
  }

  /**
   * The loop whose thread is the calling thread, or null.
   *
   * @return the caller's loop, or null
   */
  public static EventLoop current() {
    return LoopEngine.currentOwner();
  }

  /**
   * The transport this loop's I/O runs on, named as {@code -Djnet.transport} names it: {@code
   * "epoll"}, {@code "io_uring"} or {@code "nio"}. Every loop of one JVM runs the same one, chosen
   * when the first loop starts.
   *
   * @return the transport's name
   */
  public String transport() {
    return Transport.current().id();
  }

  /**
   * Whether the calling thread is this loop's thread.
   *
   * @return whether the caller runs on this loop
   */
  public boolean inLoop() {
    return engine.inLoop();
  }

  /**
   * Runs {@code task} on this loop as its own callback, after the tasks given before it (FIFO); its
   * nextTicks are drained after it. Any thread. A pending task keeps the JVM alive.
   */
  @Override
  public void execute(Runnable task) {
    checkCallback(task);
    submit(task);
  }

  /**
   * Node's {@code process.nextTick}: on the loop, runs {@code task} after the current callback,
   * before any other callback. Off the loop, hands it over and queues it as a tick there.
   *
   * @param task what to run, on this loop's thread
   */
  public void nextTick(Runnable task) {
    checkCallback(task);
    if (inLoop()) ticks.add(task);
    else submit(task); // a hand-over is a callback of its own: its tick is drained right after
  }

  /**
   * Node's {@code setImmediate}: runs {@code task} in the check phase of this or the next turn.
   *
   * @param task what to run, on this loop's thread
   * @return the immediate
   */
  public Immediate setImmediate(Runnable task) {
    checkCallback(task);
    Immediate i = new Immediate(this, task);
    i.activate();
    if (inLoop()) immediates.add(i);
    else submit(() -> immediates.add(i));
    return i;
  }

  /**
   * Node's {@code clearImmediate}: the immediate will not run; null and repeated calls are no-ops.
   *
   * @param immediate the immediate, or null
   */
  public void clearImmediate(Immediate immediate) {
    if (immediate == null) return;
    immediate.cleared = true;
    EventLoop owner = immediate.loop;
    if (owner.inLoop()) owner.immediates.clear(immediate);
    else owner.submit(() -> owner.immediates.clear(immediate));
  }

  /**
   * Node's {@code setTimeout}: runs {@code task} once, {@code delayMillis} from now.
   *
   * @param task what to run, on this loop's thread
   * @param delayMillis the delay in milliseconds
   * @return the timer
   */
  public Timeout setTimeout(Runnable task, long delayMillis) {
    return newTimer(task, delayMillis, false);
  }

  /**
   * Node's {@code setInterval}: runs {@code task} every {@code delayMillis} until cleared.
   *
   * @param task what to run, on this loop's thread
   * @param delayMillis the delay in milliseconds
   * @return the timer
   */
  public Timeout setInterval(Runnable task, long delayMillis) {
    return newTimer(task, delayMillis, true);
  }

  /**
   * Node's {@code clearTimeout}: the timer will not fire; null and repeated calls are no-ops.
   *
   * @param timeout the timer, or null
   */
  public void clearTimeout(Timeout timeout) {
    if (timeout == null) return;
    timeout.cleared = true;
    EventLoop owner = timeout.loop;
    if (owner.inLoop()) owner.timers.clear(timeout);
    else owner.submit(() -> owner.timers.clear(timeout));
  }

  /**
   * Node's {@code clearInterval}: the same as {@link #clearTimeout}.
   *
   * @param timeout the timer, or null
   */
  public void clearInterval(Timeout timeout) {
    clearTimeout(timeout);
  }

  /**
   * A new ref'd handle of this loop, for a server or socket; {@code close()} releases it.
   *
   * @return a new handle
   */
  public KeepAlive keepAlive() {
    return new KeepAlive(this);
  }

  /**
   * Sets where exceptions thrown by this loop's callbacks go, and {@code 'error'} events nobody
   * listened to; null restores the default, which logs through {@link System.Logger} {@code
   * io.jnet}: an unheard jnet error as one line at {@code ERROR} (code, message, where; the stack
   * at {@code DEBUG}), any other exception with its stack trace. The handler runs on the loop
   * thread.
   *
   * @param handler the handler, or null for the default
   */
  public void setUncaughtExceptionHandler(Consumer<Throwable> handler) {
    uncaughtHandler = handler == null ? UncaughtLog.INSTANCE : handler;
  }

  /**
   * Hands {@code t} to the uncaught-exception handler, as for a throwing callback: what an emitter
   * does with an {@code 'error'} nobody listens to. Off the loop it is handed to the loop. A
   * handler that throws has both exceptions printed.
   *
   * @param t the exception
   */
  public void reportUncaught(Throwable t) {
    if (!inLoop()) {
      submit(() -> reportUncaught(t));
      return;
    }
    try {
      uncaughtHandler.accept(t);
    } catch (Throwable inHandler) {
      t.printStackTrace();
      inHandler.printStackTrace();
    }
  }

  @Override
  public String toString() {
    return "EventLoop[" + name + "]";
  }

  // Loop machinery, package-private for the handles and phases.

  /** Loop time: whole milliseconds since this loop was made. Any thread. */
  long now() {
    return (System.nanoTime() - originNanos) / 1_000_000L;
  }

  void hold(int delta) {
    if (delta < 0 && inLoop() && depth > 0) {
      // A release inside a callback counts once the callback and its ticks are over: until then
      // the callback itself keeps the loop alive, as Node's process lives until the loop is idle.
      deferredReleases -= delta;
      return;
    }
    Keeper.add(holds, delta);
  }

  /** Applies the releases deferred while callbacks ran. Loop thread only, outside callbacks. */
  void flushReleases() {
    int d = deferredReleases;
    if (d == 0) return;
    deferredReleases = 0;
    Keeper.add(holds, -d);
  }

  void submit(Runnable task) {
    hold(1);
    engine.submit(task);
  }

  /** Runs one callback and then, unless nested in another, the nextTick queue. */
  void callback(Runnable task) {
    invoke(task);
    if (depth == 0) {
      drainTicks();
      flushReleases();
    }
  }

  /** Runs user code; an exception goes to the uncaught-exception handler. */
  void invoke(Runnable task) {
    depth++;
    try {
      task.run();
    } catch (Throwable t) {
      reportUncaught(t);
    } finally {
      depth--;
    }
  }

  void drainTicks() {
    if (depth > 0) return;
    Runnable tick;
    while ((tick = ticks.poll()) != null) invoke(tick);
  }

  private Timeout newTimer(Runnable task, long delayMillis, boolean repeat) {
    checkCallback(task);
    long delay = delayMillis;
    if (delay > TIMEOUT_MAX) {
      System.err.println(
          "(jnet:"
              + ProcessHandle.current().pid()
              + ") TimeoutOverflowWarning: "
              + delayMillis
              + " does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.");
      delay = 1;
    } else if (delay < 1) {
      delay = 1;
    }
    Timeout t = new Timeout(this, task, delay, repeat);
    t.activate();
    long start = now();
    if (inLoop()) {
      timers.insert(t, delay, start);
    } else {
      long msecs = delay;
      submit(() -> timers.insert(t, msecs, start));
    }
    return t;
  }

  private static void checkCallback(Runnable task) {
    if (task == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE",
          "The \"callback\" argument must be of type function. Received null");
    }
  }

  /** The phases of a turn, as the engine calls them around each I/O pass. */
  private final class Phases implements LoopEngine.Turn {
    @Override
    public void hold(int delta) {
      EventLoop.this.hold(delta);
    }

    @Override
    public void beforeIo() {
      drainTicks();
      // The clock is read only when a timer is due to be looked at: a turn without timers reads
      // it not at all (it is a system call's worth on some VMs).
      if (timers.nextExpiry() != Long.MAX_VALUE) timers.runPhase(now());
      flushReleases();
    }

    @Override
    public void afterIo() {
      drainTicks();
      int handedOver = engine.submittedCount();
      int ran = 0;
      for (; ran < handedOver; ran++) {
        Runnable task = engine.pollSubmitted();
        if (task == null) break;
        callback(task);
      }
      immediates.runPhase();
      int closed = closing.size();
      for (int i = 0; i < closed; i++) callback(closing.poll());
      hold(-ran - closed);
      flushReleases();
    }

    @Override
    public boolean mayBlock() {
      return immediates.isEmpty()
          && ticks.isEmpty()
          && closing.isEmpty()
          && !engine.hasSubmitted()
          && noTimerDue();
    }

    private boolean noTimerDue() {
      long next = nextTimerNanos();
      return next == Long.MAX_VALUE || next - System.nanoTime() > 0;
    }

    @Override
    public long nextTimerNanos() {
      long expiry = timers.nextExpiry();
      return expiry == Long.MAX_VALUE ? expiry : originNanos + expiry * 1_000_000L;
    }

    @Override
    public void closing(Runnable r) {
      hold(1);
      closing.add(r);
    }

    @Override
    public void callback(Runnable r) {
      // An I/O callback holds the loop while it runs, as every other callback does: a socket that
      // releases its keep-alive and then emits 'close' must not let the JVM exit in between.
      hold(1);
      try {
        EventLoop.this.callback(r);
      } finally {
        hold(-1);
      }
    }

    @Override
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0 || !Keeper.awaitZero(holds, left)) return false;
        // Nothing is held, but work queued on the loop outside any callback (a tick from a raw
        // Netty handler) holds nothing either: ask the loop itself, between two of its tasks.
        CompletableFuture<Boolean> idle = new CompletableFuture<>();
        engine.netty().execute(() -> idle.complete(idleNow()));
        try {
          left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
          if (idle.get(left, TimeUnit.MILLISECONDS)) return true;
        } catch (ExecutionException | TimeoutException e) {
          return false;
        }
      }
    }

    private boolean idleNow() {
      return holds.get() == 0
          && ticks.isEmpty()
          && immediates.isEmpty()
          && closing.isEmpty()
          && !engine.hasSubmitted();
    }
  }
}
