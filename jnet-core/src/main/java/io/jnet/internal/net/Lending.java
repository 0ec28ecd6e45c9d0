package io.jnet.internal.net;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * The loop's one array for reads it lends (see {@link LendingReadListener}), and what happened to
 * it during a loan. Loop thread only: one instance per loop thread.
 *
 * <p>A read copied into a fresh array writes to memory that is not in the cache, and the array is
 * garbage a moment later when the bytes were only piped on; a streamed megabyte then costs a
 * quarter more CPU than one that lands in an array used again. A loan is safe because a stream
 * handle's write copies a lent array into the transport's own buffer before it returns (any write,
 * on any handle of the loop), and the array is taken back only when the listener answers that the
 * bytes went nowhere else and exactly one such write took them; otherwise the array stays with
 * whoever holds it and the next loan takes a new one.
 */
final class Lending implements Runnable {
  /** The array's size: a read of up to {@link ReadBuffer#SIZE} fits. */
  static final int SIZE = ReadBuffer.SIZE;

  /** Reads shorter than this are copied into an array of their own size, as before. */
  static final int MIN = 16 * 1024;

  private static final FastThreadLocal<Lending> LOCAL =
      new FastThreadLocal<>() {
        @Override
        protected Lending initialValue() {
          return new Lending();
        }
      };

  /** The array to lend next, or null when the last one was kept. */
  private byte[] spare;

  /** The array on loan, or null. */
  private byte[] lent;

  /** Writes of the lent array during the loan; -1 once any other use of it was seen. */
  private int writes;

  private LendingReadListener listener;
  private int length;
  private boolean returned;

  private Lending() {}

  /** The calling loop thread's instance. */
  static Lending get() {
    return LOCAL.get();
  }

  /** Whether a loan is in progress (a read inside a read's callback lends nothing). */
  boolean onLoan() {
    return lent != null;
  }

  /** Starts lending {@code length} bytes to {@code l} and returns the array to copy them into. */
  byte[] begin(LendingReadListener l, int length) {
    byte[] a = spare;
    spare = null;
    if (a == null) a = new byte[SIZE];
    lent = a;
    writes = 0;
    listener = l;
    this.length = length;
    returned = false;
    return a;
  }

  /** The loan itself, run as the listener's callback. */
  @Override
  public void run() {
    returned = listener.onLoan(lent, length);
  }

  /**
   * A write of {@code array} is being made on a handle of this loop: true if it is the lent array,
   * which the write must then copy. {@code single} is false for a write that holds it among others
   * (a batch or a view): the array then went somewhere else first, and is not taken back.
   */
  boolean isLent(byte[] array, boolean single) {
    if (array != lent || array == null) return false;
    if (writes >= 0) writes = single ? writes + 1 : -1;
    return true;
  }

  /** Ends the loan: the array is taken back if the listener returned it and one write took it. */
  void end() {
    if (returned && writes == 1) spare = lent;
    lent = null;
    listener = null;
  }
}
