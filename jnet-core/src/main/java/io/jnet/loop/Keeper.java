package io.jnet.loop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the JVM alive while any loop has a ref'd handle or queued work, as Node's process lives
 * while its loop is alive.
 *
 * <p>Each loop counts its holds in an {@link AtomicInteger}. Counting up from a positive count or
 * down to a positive count is one compare-and-set; the edges (a loop's count leaving or reaching
 * zero) take one global lock, so the number of held loops is always exact. While it is above zero a
 * non-daemon thread, {@code jnet-keeper}, waits; once it has stayed at zero for 20 ms the thread
 * ends and nothing of jnet holds the JVM. (Node exits the moment its loop is empty; the linger
 * spares a thread start each time a loop's count touches zero and rises again.)
 */
final class Keeper {
  private static final Object LOCK = new Object();
  private static int heldLoops; // guarded by LOCK
  private static Thread thread; // guarded by LOCK
  private static final long LINGER_NANOS = 20_000_000L;

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

  /** Waits until no loop holds the JVM: the moment Node's process would exit. */
  static void awaitNoneHeld() throws InterruptedException {
    synchronized (LOCK) {
      while (heldLoops > 0) LOCK.wait();
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
      while (true) {
        while (heldLoops > 0) waitUninterruptibly(0);
        // Linger a moment: a loop whose count keeps touching zero (a task handed over now and
        // then, with nothing else held) would otherwise start a thread each time.
        long end = System.nanoTime() + LINGER_NANOS;
        for (long left = LINGER_NANOS; heldLoops == 0 && left > 0; left = end - System.nanoTime()) {
          waitUninterruptibly(Math.max(1, left / 1_000_000L));
        }
        if (heldLoops == 0) {
          thread = null;
          return;
        }
      }
    }
  }

  private static void waitUninterruptibly(long millis) {
    try {
      LOCK.wait(millis);
    } catch (InterruptedException e) {
      // Only the count may end this thread: keep holding.
    }
  }
}
