package io.jnet.loop;

/**
 * The ref state that {@link Timeout}, {@link Immediate} and {@link KeepAlive} share: a handle holds
 * its loop (and so the JVM) while it is both ref'd and active.
 *
 * <p>Active means armed on the loop: a timer not yet fired or cleared, an immediate not yet run, a
 * keep-alive not yet closed. Ref state may change from any thread, activity from the loop or from
 * the thread that hands the handle over; both are guarded by this handle.
 */
abstract class LoopHandle {
  final EventLoop loop;
  private boolean refed = true; // guarded by this
  private boolean active; // guarded by this

  LoopHandle(EventLoop loop) {
    this.loop = loop;
  }

  final synchronized void setRef(boolean on) {
    if (refed == on) return;
    refed = on;
    if (active) loop.hold(on ? 1 : -1);
  }

  final synchronized boolean refed() {
    return refed;
  }

  final synchronized boolean active() {
    return active;
  }

  /** Marks this handle armed; returns false when it already was. */
  final synchronized boolean activate() {
    if (active) return false;
    active = true;
    if (refed) loop.hold(1);
    return true;
  }

  /** Marks this handle disarmed; returns false when it already was. */
  final synchronized boolean deactivate() {
    if (!active) return false;
    active = false;
    if (refed) loop.hold(-1);
    return true;
  }
}
