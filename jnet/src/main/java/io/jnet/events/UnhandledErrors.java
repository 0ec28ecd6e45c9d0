package io.jnet.events;

/** Hands an {@code 'error'} that no listener took to the calling thread's uncaught handler. */
final class UnhandledErrors {
  private UnhandledErrors() {}

  static void report(Throwable error) {
    Thread t = Thread.currentThread();
    t.getUncaughtExceptionHandler().uncaughtException(t, error);
  }
}
