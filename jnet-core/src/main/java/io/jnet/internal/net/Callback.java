package io.jnet.internal.net;

import io.jnet.error.JnetException;

/**
 * Completion of one request (a write, a shutdown, a close): libuv's request callback.
 *
 * <p>Called once, on the loop thread, through the handle's {@link Invoker}, never from inside the
 * call that made the request.
 */
@FunctionalInterface
public interface Callback {
  /** The request finished: {@code error} is null on success, else Node's system error. */
  void done(JnetException error);

  /** A callback that ignores the outcome. */
  static Callback none() {
    return error -> {};
  }
}
