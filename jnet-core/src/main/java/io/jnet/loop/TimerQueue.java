package io.jnet.loop;

import java.util.Arrays;

/**
 * The timers of one loop, kept as Node keeps them: one list per delay, a priority queue of lists.
 *
 * <p>Timers of equal delay wait in one list in creation order, so the list's head is always the
 * next to fire; the queue orders lists by expiry, then by list id. The timers phase takes the time
 * once and runs every timer due by then; a timer added or refreshed during the phase starts its
 * countdown at a later time, so it waits for a later turn, as in Node. Loop thread only.
 */
final class TimerQueue {
  /** The timers of one delay, in the order their countdowns started. */
  static final class TimerList {
    final long msecs;
    long expiry;
    long id;
    int heapIndex = -1;
    Timeout head;
    Timeout tail;

    TimerList(long msecs, long expiry, long id) {
      this.msecs = msecs;
      this.expiry = expiry;
      this.id = id;
    }

    void append(Timeout t) {
      t.list = this;
      t.prev = tail;
      t.next = null;
      if (tail == null) head = t;
      else tail.next = t;
      tail = t;
    }

    void remove(Timeout t) {
      if (t.prev == null) head = t.next;
      else t.prev.next = t.next;
      if (t.next == null) tail = t.prev;
      else t.next.prev = t.prev;
      t.prev = t.next = null;
      t.list = null;
    }
  }

  private final EventLoop loop;
  private final ListsByDelay byDelay = new ListsByDelay();
  private TimerList[] heap = new TimerList[8];
  private int size;
  private long nextListId;

  TimerQueue(EventLoop loop) {
    this.loop = loop;
  }

  /** Starts (or restarts) {@code t}'s countdown of {@code msecs} at loop time {@code start}. */
  void insert(Timeout t, long msecs, long start) {
    if (t.cleared) return; // cleared off the loop before its hand-over arrived
    t.idleStart = start;
    TimerList list = byDelay.get(msecs);
    if (list == null) {
      list = new TimerList(msecs, start + msecs, nextListId++);
      byDelay.put(msecs, list);
      offer(list);
    }
    if (t.list != null) t.list.remove(t);
    list.append(t);
  }

  /** The loop time in ms when the next list is due, or Long.MAX_VALUE if none. */
  long nextExpiry() {
    return size == 0 ? Long.MAX_VALUE : heap[0].expiry;
  }

  /** {@link Timeout#refresh()} on the loop. */
  void refresh(Timeout t, long start) {
    if (t.idleTimeout < 0 || t.task == null || t.cleared) return;
    insert(t, t.idleTimeout, start);
    t.activate();
  }

  /** {@link EventLoop#clearTimeout} on the loop. */
  void clear(Timeout t) {
    t.task = null;
    t.idleTimeout = -1;
    TimerList list = t.list;
    if (list != null) {
      list.remove(t);
      if (list.head == null) drop(list);
    }
    t.deactivate();
  }

  /** Node's timers phase: runs every timer due at {@code now}, list by list. */
  void runPhase(long now) {
    TimerList list;
    while (size > 0 && (list = heap[0]).expiry <= now) runList(list, now);
  }

  private void runList(TimerList list, long now) {
    Timeout t;
    while ((t = list.head) != null) {
      if (now - t.idleStart < list.msecs) {
        // The rest of this list is not due yet: requeue it at its new expiry.
        list.expiry = Math.max(t.idleStart + list.msecs, now + 1);
        list.id = nextListId++;
        siftDown(list.heapIndex);
        return;
      }
      list.remove(t);
      fire(t);
    }
    drop(list);
  }

  private void fire(Timeout t) {
    Runnable task = t.task;
    if (task == null || t.cleared) {
      t.deactivate();
      return;
    }
    long start = t.repeat > 0 ? loop.now() : 0;
    loop.invoke(task);
    boolean again = t.repeat > 0 && t.idleTimeout >= 0 && t.task != null;
    if (again && t.list == null) {
      t.idleTimeout = t.repeat;
      insert(t, t.repeat, start);
    }
    loop.drainTicks();
    if (t.list == null) t.deactivate();
  }

  private void drop(TimerList list) {
    if (list.heapIndex >= 0) removeAt(list.heapIndex);
    if (byDelay.get(list.msecs) == list) byDelay.remove(list.msecs);
  }

  // A binary heap of lists by (expiry, id); each list knows its index.

  private static boolean before(TimerList a, TimerList b) {
    return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id;
  }

  private void offer(TimerList list) {
    if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
    heap[size] = list;
    list.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  private void removeAt(int i) {
    TimerList gone = heap[i];
    gone.heapIndex = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    TimerList last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    if (heap[i] == last) siftUp(i);
  }

  private void siftUp(int i) {
    TimerList x = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      TimerList p = heap[parent];
      if (!before(x, p)) break;
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = x;
    x.heapIndex = i;
  }

  private void siftDown(int i) {
    TimerList x = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) child = right;
      if (!before(heap[child], x)) break;
      heap[i] = heap[child];
      heap[i].heapIndex = i;
      i = child;
    }
    heap[i] = x;
    x.heapIndex = i;
  }

  /** An open-addressing map from a delay to its list, so that no delay is ever boxed. */
  private static final class ListsByDelay {
    private long[] keys = new long[16];
    private TimerList[] values = new TimerList[16];
    private int count;

    TimerList get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
        if (keys[i] == key) return values[i];
      }
      return null;
    }

    void put(long key, TimerList value) {
      if ((count + 1) * 2 > keys.length) grow();
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (values[i] != null && keys[i] != key) i = (i + 1) & mask;
      if (values[i] == null) count++;
      keys[i] = key;
      values[i] = value;
    }

    void remove(long key) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (values[i] != null && keys[i] != key) i = (i + 1) & mask;
      if (values[i] == null) return;
      values[i] = null;
      count--;
      // Shift back the entries that follow, so that no lookup stops at the hole.
      for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
        int home = slot(keys[j], mask);
        boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
          keys[i] = keys[j];
          values[i] = values[j];
          values[j] = null;
          i = j;
        }
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      TimerList[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new TimerList[oldKeys.length * 2];
      count = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldValues[i] != null) put(oldKeys[i], oldValues[i]);
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }
}
