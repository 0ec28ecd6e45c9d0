package io.jnet.events;

import io.jnet.error.JnetException;
import io.jnet.loop.EventLoop;
import io.jnet.loop.Timeout;

/**
 * A one-way flag saying that an operation should stop, with the reason why: Node's {@code
 * AbortSignal}. Its {@link AbortController} raises it; listen and connect options take it ({@code
 * ListenOptions.signal}, {@code SocketOptions.signal}, {@code ConnectOptions.signal}).
 *
 * <p>Once aborted, a signal stays aborted and keeps its first reason. {@link #ABORT} is emitted
 * once, at the abort, to the listeners registered before it; a listener added later is never called
 * (check {@link #aborted()} first, as with Node's {@code addEventListener}).
 *
 * <h2>Threads</h2>
 *
 * <p>A signal may be aborted from any thread: its {@code 'abort'} listeners run synchronously on
 * that thread, as Node runs them inside {@code abort()}. jnet's own listeners (a server's close, a
 * socket's destroy) hand their work to the loop of what they close.
 *
 * <p>Unlike Node, whose reason may be any value and whose default reason is a {@code DOMException}
 * with the numeric code 20, a jnet reason is a {@link Throwable}, and the default one is a {@link
 * JnetException} named {@code AbortError} with the code {@code ABORT_ERR}.
 */
public final class AbortSignal extends EventEmitter {
  /** Node's {@code 'abort'}: emitted once, when the signal is aborted. */
  public static final Signal ABORT = Signal.of("abort");

  /** Guarded by this; set once. */
  private boolean aborted;

  /** Guarded by this; set once, with {@link #aborted}. */
  private Throwable reason;

  AbortSignal() {
    setMaxListeners(0); // one signal may guard many servers and sockets
  }

  /**
   * A signal that is already aborted, with the default reason: Node's {@code AbortSignal.abort()}.
   *
   * @return a new aborted signal
   */
  public static AbortSignal abort() {
    return abort(null);
  }

  /**
   * A signal that is already aborted with {@code reason} (null: the default): Node's {@code
   * AbortSignal.abort(reason)}.
   *
   * @param reason the reason; null means the default
   * @return a new aborted signal
   */
  public static AbortSignal abort(Throwable reason) {
    AbortSignal s = new AbortSignal();
    s.raise(reason);
    return s;
  }

  /**
   * A signal that aborts after {@code millis} milliseconds with a {@code TimeoutError} ({@code "The
   * operation was aborted due to timeout"}, without code: Node's has the numeric code 23): Node's
   * {@code AbortSignal.timeout(ms)}. Its timer runs on the calling thread's loop, or on the default
   * loop, and, as in Node, does not keep the JVM alive.
   *
   * @param millis the delay in milliseconds
   * @return a new signal
   * @throws JnetException {@code ERR_OUT_OF_RANGE} for a negative delay
   */
  public static AbortSignal timeout(long millis) {
    if (millis < 0) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"delay\" is out of range. It must be >= 0 && <= 9007199254740991. Received "
              + millis);
    }
    AbortSignal s = new AbortSignal();
    EventLoop current = EventLoop.current();
    EventLoop loop = current != null ? current : EventLoop.defaultLoop();
    Timeout t = loop.setTimeout(() -> s.raise(timeoutError()), millis);
    t.unref();
    return s;
  }

  /**
   * Node's {@code signal.aborted}.
   *
   * @return whether the signal was aborted
   */
  public synchronized boolean aborted() {
    return aborted;
  }

  /**
   * Node's {@code signal.reason}: why the signal was aborted, or null while it is not.
   *
   * @return the reason, or null
   */
  public synchronized Throwable reason() {
    return reason;
  }

  /** Node's {@code signal.throwIfAborted()}: throws the reason once aborted. */
  public void throwIfAborted() {
    Throwable r = reason();
    if (r == null) return;
    if (r instanceof RuntimeException e) throw e;
    if (r instanceof Error e) throw e;
    throw new JnetException("ABORT_ERR", r.getMessage(), r);
  }

  /** Raises the signal once; later calls change nothing. */
  void raise(Throwable why) {
    synchronized (this) {
      if (aborted) return;
      aborted = true;
      reason = why != null ? why : defaultReason();
    }
    emit(ABORT);
    removeAllListeners(ABORT); // the event never fires again: let the listeners go
  }

  /**
   * Node's AbortError with {@code cause}: what a server or socket is closed with on abort.
   *
   * @param cause the reason the signal was aborted with
   * @return the error
   */
  public static JnetException abortError(Throwable cause) {
    return new JnetException(
        "AbortError", "ABORT_ERR", "The operation was aborted", 0, null, null, -1, cause);
  }

  private static JnetException defaultReason() {
    return new JnetException(
        "AbortError", "ABORT_ERR", "This operation was aborted", 0, null, null, -1, null);
  }

  private static JnetException timeoutError() {
    return new JnetException(
        "TimeoutError", null, "The operation was aborted due to timeout", 0, null, null, -1, null);
  }

  @Override
  public String toString() {
    return "AbortSignal { aborted: " + aborted() + " }";
  }
}
