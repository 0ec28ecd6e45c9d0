package io.jnet.events;

import io.jnet.loop.EventLoop;

/**
 * Hands an {@code 'error'} that no listener took to the uncaught-exception handler of the calling
 * thread's loop, or of the default loop when the caller is on no loop.
 */
final class UnhandledErrors {
  private UnhandledErrors() {}

  static void report(Throwable error) {
    EventLoop loop = EventLoop.current();
    (loop != null ? loop : EventLoop.defaultLoop()).reportUncaught(error);
  }
}
