package io.jnet.internal.net;

/**
 * Runs one upcall from the native-handle layer into jnet code.
 *
 * <p>Every callback this package makes (data read, end of stream, error, close, a finished write,
 * connect or listen) goes through an invoker, never straight to the listener: jnet's loop engine
 * runs it as one Node callback and then drains the nextTick queue, as Node does after each callback
 * out of libuv. Tests pass {@code Runnable::run}. Always called on the loop thread.
 */
@FunctionalInterface
public interface Invoker {
  /** Runs {@code upcall} now, on the calling (loop) thread. */
  void invoke(Runnable upcall);

  /** The invoker that simply runs the upcall. */
  static Invoker direct() {
    return Runnable::run;
  }
}
