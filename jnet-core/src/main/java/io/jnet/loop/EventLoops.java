package io.jnet.loop;

import io.jnet.error.JnetException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed group of event loops that a server spreads its connections over: a jnet extra, beside
 * Node's one loop (Node needs {@code cluster}, several processes, to use several cores).
 *
 * <p>Give one to {@code ServerOptions.loops(group)}, or ask for {@code ServerOptions.loops(n)},
 * which takes {@link #shared(int)}. Each loop is one thread; a socket lives on one loop for its
 * whole life, so its events never race, while sockets of different loops run at the same time. A
 * group is only a list: it holds no state of its own, several servers may share one, and its loops,
 * like every jnet loop, are daemon threads that are never shut down (what keeps the JVM alive is
 * the handles on them, as ever).
 *
 * <pre>{@code
 * EventLoops workers = EventLoops.create(Runtime.getRuntime().availableProcessors());
 * Server server = Net.createServer(ServerOptions.defaults().loops(workers), socket -> ...);
 * }</pre>
 */
public final class EventLoops {
  /** Loops 1.. of {@link #shared}; the default loop is loop 0. Guarded by the class. */
  private static final List<EventLoop> SHARED = new ArrayList<>();

  private final List<EventLoop> loops;

  private EventLoops(List<EventLoop> loops) {
    this.loops = List.copyOf(loops);
  }

  /**
   * A group of {@code n} new loops, on new daemon threads "jnet-loop-N".
   *
   * @throws JnetException {@code ERR_OUT_OF_RANGE} when {@code n < 1}
   * @param n how many loops, 1 or more
   * @return the new group
   */
  public static EventLoops create(int n) {
    checkSize(n);
    List<EventLoop> made = new ArrayList<>(n);
    for (int i = 0; i < n; i++) made.add(EventLoop.create());
    return new EventLoops(made);
  }

  /**
   * A group of the given loops, in that order (a loop may appear once only).
   *
   * @throws JnetException {@code ERR_INVALID_ARG_VALUE} for no loop, a null or a repeated one
   * @param loops the loops, at least one
   * @return the group of those loops
   */
  public static EventLoops of(EventLoop... loops) {
    List<EventLoop> list = new ArrayList<>();
    for (EventLoop l : loops == null ? new EventLoop[0] : loops) {
      if (l == null || list.contains(l)) {
        throw JnetException.typeError(
            "ERR_INVALID_ARG_VALUE",
            "The argument 'loops' must hold distinct loops. Received " + l);
      }
      list.add(l);
    }
    if (list.isEmpty()) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE", "The argument 'loops' must hold a loop. Received []");
    }
    return new EventLoops(list);
  }

  /**
   * The default loop and the first {@code n - 1} loops of jnet's shared set, made on first use and
   * kept for the JVM's life ("jnet-loop-N" threads): every caller asking for {@code n} loops gets
   * the same ones, so servers made with {@code ServerOptions.loops(n)} start no threads of their
   * own beyond the {@code n - 1} shared.
   *
   * @throws JnetException {@code ERR_OUT_OF_RANGE} when {@code n < 1}
   * @param n how many loops, 1 or more
   * @return the shared group of {@code n} loops
   */
  public static EventLoops shared(int n) {
    checkSize(n);
    List<EventLoop> list = new ArrayList<>(n);
    list.add(EventLoop.defaultLoop());
    synchronized (EventLoops.class) {
      while (SHARED.size() < n - 1) SHARED.add(EventLoop.create());
      list.addAll(SHARED.subList(0, n - 1));
    }
    return new EventLoops(list);
  }

  /**
   * How many loops the group has.
   *
   * @return how many loops the group has
   */
  public int size() {
    return loops.size();
  }

  /**
   * The loops, in order; an unmodifiable list.
   *
   * @return the loops, in order
   */
  public List<EventLoop> loops() {
    return loops;
  }

  /**
   * The {@code i}-th loop.
   *
   * @param i the index, from 0
   * @return the loop at {@code i}
   */
  public EventLoop get(int i) {
    return loops.get(i);
  }

  /**
   * Whether {@code loop} is one of this group's.
   *
   * @param loop a loop
   * @return whether {@code loop} is one of the group
   */
  public boolean contains(EventLoop loop) {
    return loops.contains(loop);
  }

  @Override
  public String toString() {
    return "EventLoops" + loops;
  }

  /** Node's range error for a group size. */
  static void checkSize(int n) {
    if (n < 1) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"loops\" is out of range. It must be >= 1. Received " + n);
    }
  }
}
