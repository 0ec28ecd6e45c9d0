package io.jnet.net.trace;

/**
 * A variable a lambda may read before it is assigned: a JavaScript {@code const} used in a closure
 * written above its declaration ({@code done} closing a {@code server} created below it). Loop
 * thread only.
 */
final class Ref<T> {
  private T value;

  T get() {
    if (value == null) throw new IllegalStateException("read before it was set");
    return value;
  }

  /** The value, or null while unset: JavaScript's {@code x !== undefined} test. */
  T orNull() {
    return value;
  }

  T set(T v) {
    value = v;
    return v;
  }
}
