package io.jnet.loop;

/**
 * The queue of immediates and Node's check phase.
 *
 * <p>The check phase runs the immediates queued before it began, in order; one queued while it runs
 * waits for the next turn. A cleared immediate is unlinked at once. Loop thread only.
 */
final class Immediates {
  private final EventLoop loop;
  private Immediate head;
  private Immediate tail;
  private Immediate phaseLast; // the last immediate of the running check phase, or null

  Immediates(EventLoop loop) {
    this.loop = loop;
  }

  boolean isEmpty() {
    return head == null;
  }

  void add(Immediate i) {
    if (i.task == null || i.queued || i.cleared) return; // cleared before the hand-over arrived
    i.queued = true;
    i.prev = tail;
    i.next = null;
    if (tail == null) head = i;
    else tail.next = i;
    tail = i;
  }

  void clear(Immediate i) {
    if (i.task == null) return;
    i.task = null;
    if (i.queued) unlink(i);
    i.deactivate();
  }

  /** Node's check phase. */
  void runPhase() {
    if (head == null) return;
    phaseLast = tail;
    while (phaseLast != null) {
      Immediate i = head;
      if (i == phaseLast) phaseLast = null;
      unlink(i);
      Runnable task = i.task;
      i.task = null;
      if (!i.cleared) loop.callback(task);
      i.deactivate();
    }
  }

  private void unlink(Immediate i) {
    if (i == phaseLast) phaseLast = i.prev;
    if (i.prev == null) head = i.next;
    else i.prev.next = i.next;
    if (i.next == null) tail = i.prev;
    else i.next.prev = i.prev;
    i.prev = i.next = null;
    i.queued = false;
  }
}
