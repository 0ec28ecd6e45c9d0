package io.jnet.loop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the JVM alive while any loop has a ref'd handle or queued work, as Node's process lives
 * while its loop is alive.
 *
 * <p>Each loop counts its holds in an {@link AtomicInteger}. Counting up from a positive count or
 * down to a positive count is one compare-and-set; the edges (a loop's count leaving or reaching
 * zero) take one global lock, so the number of held loops is always exact. While it is above zero a
 * non-daemon thread, {@code jnet-keeper}, waits; when it reaches zero the thread ends and nothing
 * of jnet holds the JVM.
 */
final class Keeper {
  private static final Object LOCK = new Object();
  private static int heldLoops; // guarded by LOCK
  private static Thread thread; // guarded by LOCK

  private Keeper() {}

  /** Adds {@code delta} (positive or negative) to a loop's holds. Any thread. */
  static void add(AtomicInteger holds, int delta) {
    if (delta == 0) return;
    for (int v = holds.get(); v > 0 && v + delta > 0; v = holds.get()) {
      if (holds.compareAndSet(v, v + delta)) return;
    }
    synchronized (LOCK) {
      int before = holds.getAndAdd(delta);
      int after = before + delta;
      if (after < 0) throw new AssertionError("holds < 0: " + after);
      if (before == 0 && after > 0) loopHeld();
      if (before > 0 && after == 0) loopReleased();
    }
  }

  /** Waits until a loop's holds reach zero; false on timeout. */
  static boolean awaitZero(AtomicInteger holds, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    synchronized (LOCK) {
      while (holds.get() > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) return false;
        LOCK.wait(left);
      }
      return true;
    }
  }

  private static void loopHeld() {
    if (heldLoops++ == 0 && thread == null) {
      thread = new Thread(Keeper::keep, "jnet-keeper");
      thread.setDaemon(false);
      thread.start();
    }
  }

  private static void loopReleased() {
    heldLoops--;
    LOCK.notifyAll();
  }

  private static void keep() {
    synchronized (LOCK) {
      while (heldLoops > 0) {
        try {
          LOCK.wait();
        } catch (InterruptedException e) {
          // Only the last release may end this thread: keep holding.
        }
      }
      thread = null;
    }
  }
}
