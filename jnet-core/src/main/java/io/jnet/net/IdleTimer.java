package io.jnet.net;

import io.jnet.loop.Timeout;

/**
 * A socket's idle timer: Node's {@code socket.setTimeout} timer, restarted by every read and write,
 * emitting {@code 'timeout'} after that long without either. It never keeps the JVM alive.
 *
 * <p>As in Node, the timer is one-shot but not forgotten: activity after a {@code 'timeout'}
 * re-arms it, so a socket idle again times out again.
 */
final class IdleTimer {
  private final Socket socket;

  /** Loop thread only. */
  private Timeout timer;

  /** The last delay set, or -1 before any (Node's {@code socket.timeout}, undefined). */
  private volatile long millis = -1;

  IdleTimer(Socket socket) {
    this.socket = socket;
  }

  /** Loop thread only: (re)starts the timer with {@code ms}; 0 disables it. */
  void set(long ms) {
    millis = ms;
    clear();
    if (ms > 0) {
      timer = socket.loop().setTimeout(this::fire, ms);
      timer.unref();
    }
  }

  /** Loop thread only: activity, the countdown starts again (re-arming a fired timer). */
  void refresh() {
    Timeout t = timer;
    if (t != null) t.refresh();
  }

  /** Loop thread only: stops the timer for good (until the next {@link #set}). */
  void clear() {
    Timeout t = timer;
    timer = null;
    if (t != null) t.close();
  }

  long millis() {
    return millis;
  }

  private void fire() {
    socket.emit(Socket.TIMEOUT);
  }
}
