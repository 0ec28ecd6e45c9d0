package io.jnet.loop;

/**
 * A timer made by {@link EventLoop#setTimeout} or {@link EventLoop#setInterval}: Node's {@code
 * Timeout} object.
 *
 * <p>A timeout is ref'd when made: while it is pending it keeps the JVM alive. {@link #unref()}
 * lets the program exit while it waits; {@link #hasRef()} reports the ref flag even after the timer
 * fired, as in Node. {@link #refresh()} restarts the countdown from now with the same delay, and
 * re-arms a timer that already fired. {@link #close()} is {@link EventLoop#clearTimeout}. Every
 * method may be called from any thread; off the loop, refresh and close are handed to the loop.
 */
public final class Timeout extends LoopHandle implements Handle {
  // All fields below: loop thread only (set before the handle is handed to the loop).
  Runnable task; // null once cleared
  long idleTimeout; // the delay in ms; -1 once cleared
  final long repeat; // the interval in ms, 0 for a one-shot timer
  long idleStart; // loop time in ms when the countdown started
  Timeout prev;
  Timeout next;
  TimerQueue.TimerList list; // the list this timer waits in, or null
  volatile boolean cleared; // set by clearTimeout on any thread, at once

  Timeout(EventLoop loop, Runnable task, long delay, boolean repeat) {
    super(loop);
    this.task = task;
    this.idleTimeout = delay;
    this.repeat = repeat ? delay : 0;
  }

  @Override
  public Timeout ref() {
    setRef(true);
    return this;
  }

  @Override
  public Timeout unref() {
    setRef(false);
    return this;
  }

  /** Whether this timer is ref'd; true after it fired unless {@link #unref()} was called. */
  @Override
  public boolean hasRef() {
    return refed();
  }

  /**
   * Restarts this timer's countdown from now, with its delay; a timer that already fired fires
   * again, a cleared one stays cleared. Returns this timer.
   *
   * @return this timer
   */
  public Timeout refresh() {
    if (loop.inLoop()) {
      loop.timers.refresh(this, loop.now());
    } else {
      long start = loop.now();
      loop.submit(() -> loop.timers.refresh(this, start));
    }
    return this;
  }

  /** Cancels this timer, as {@link EventLoop#clearTimeout}; idempotent. */
  public void close() {
    loop.clearTimeout(this);
  }

  /**
   * Whether this timer is still waiting to fire.
   *
   * @return whether the timer is pending
   */
  public boolean isPending() {
    return active();
  }
}
