package io.jnet.loop;

/**
 * A callback queued by {@link EventLoop#setImmediate}, to run in the loop's check phase: Node's
 * {@code Immediate} object.
 *
 * <p>Ref'd when made: while it waits it keeps the JVM alive. Once it ran or was cleared, {@link
 * #hasRef()} is false and {@link #ref()} does nothing, as in Node. Every method may be called from
 * any thread.
 */
public final class Immediate extends LoopHandle implements Handle {
  // Loop thread only.
  Runnable task; // null once run or cleared
  Immediate prev;
  Immediate next;
  boolean queued;
  volatile boolean cleared; // set by clearImmediate on any thread, at once

  Immediate(EventLoop loop, Runnable task) {
    super(loop);
    this.task = task;
  }

  @Override
  public Immediate ref() {
    setRef(true);
    return this;
  }

  @Override
  public Immediate unref() {
    setRef(false);
    return this;
  }

  /** Whether this immediate is waiting to run and ref'd. */
  @Override
  public boolean hasRef() {
    return active() && refed();
  }
}
