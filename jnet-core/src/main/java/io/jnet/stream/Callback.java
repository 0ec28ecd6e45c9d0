package io.jnet.stream;

import io.jnet.error.JnetException;

/**
 * The completion of one operation a stream handed to its implementation: Node's {@code
 * callback(err)} of {@code _write}, {@code _final}, {@code _destroy} and friends.
 *
 * <p>Call it exactly once, with null on success. It may be called synchronously (inside the hook)
 * or later, and from any thread: off the stream's loop it is handed to the loop. Calling a write's
 * callback twice is Node's {@code ERR_MULTIPLE_CALLBACK}.
 */
@FunctionalInterface
public interface Callback {
  /**
   * Completes the operation; {@code error} is null on success.
   *
   * @param error the error, or null on success
   */
  void done(JnetException error);

  /** Completes the operation successfully. */
  default void done() {
    done(null);
  }

  /**
   * Fails the operation with {@code error}, wrapped as {@link JnetException#wrap} does.
   *
   * @param error the error, or null on success
   */
  default void fail(Throwable error) {
    done(error == null ? null : JnetException.wrap(error));
  }
}
