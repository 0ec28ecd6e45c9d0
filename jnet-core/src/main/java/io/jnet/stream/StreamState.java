package io.jnet.stream;

import io.jnet.error.JnetException;

/**
 * What a readable and a writable side share: one flags word (libuv style) with the bits that
 * destroy, construct and autoDestroy look at, and the side's error.
 *
 * <p>Written by the loop thread only; volatile so that state readers ({@code destroyed()}, {@code
 * writableLength()}...) are right from any thread.
 */
abstract class StreamState {
  static final int ERROR_EMITTED = 1;
  static final int AUTO_DESTROY = 1 << 1;
  static final int EMIT_CLOSE = 1 << 2;
  static final int DESTROYED = 1 << 3;
  static final int CLOSED = 1 << 4;
  static final int CLOSE_EMITTED = 1 << 5;
  static final int ERRORED = 1 << 6;
  static final int CONSTRUCTED = 1 << 7;

  /** The side was disabled at construction ({@code readable: false} / {@code writable: false}). */
  static final int DISABLED = 1 << 8;

  /** First bit free for the side's own flags. */
  static final int FIRST_OWN_BIT = 9;

  /** Loop thread writes; any thread reads. */
  volatile int flags;

  /** The side's error once errored; loop thread writes, any thread reads. */
  volatile JnetException errored;

  /**
   * Bytes (or chars, in text mode) at which the side pushes back; {@code read(n)} may raise it.
   * Loop thread writes, any thread reads.
   */
  volatile int highWaterMark;

  StreamState(StreamOptions o, int hwm) {
    int f = CONSTRUCTED;
    if (o.emitClose) f |= EMIT_CLOSE;
    if (o.autoDestroy) f |= AUTO_DESTROY;
    flags = f;
    highWaterMark = hwm;
  }

  final boolean has(int bits) {
    return (flags & bits) != 0;
  }

  final void set(int bits) {
    flags |= bits;
  }

  final void clear(int bits) {
    flags &= ~bits;
  }

  /** Records {@code err} as this side's error unless it already has one. */
  final void error(JnetException err) {
    if (err != null && !has(ERRORED)) {
      errored = err;
      set(ERRORED);
    }
  }
}
