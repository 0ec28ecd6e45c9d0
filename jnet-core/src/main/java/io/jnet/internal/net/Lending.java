package io.jnet.internal.net;

import io.netty.buffer.ByteBuf;
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

  /**
   * The transport's buffer the loan's bytes were copied from, held until the loan ends, or null:
   * its bytes {@code [sourceIndex, sourceIndex + length)} are the lent array's {@code [0, length)},
   * so that a write of the lent array can take them from there (see {@link #source}).
   */
  private ByteBuf source;

  private int sourceIndex;

  /** Whether {@link #source} is the transport's own for this read (pooled), not the loop's. */
  private boolean sourceOwned;

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

  /**
   * Holds the read buffer the loan was copied from until the loan ends (it then releases it). A
   * loop's own read buffer ({@code owned} false) is good only until its next read begins: see
   * {@link #readBegins}.
   */
  void source(ByteBuf buf, int index, boolean owned) {
    source = buf;
    sourceIndex = index;
    sourceOwned = owned;
  }

  /** A read into the loop's read buffer begins: a loan's source in it is no longer its bytes. */
  void readBegins() {
    if (source != null && !sourceOwned) {
      source.release();
      source = null;
    }
  }

  /**
   * The address of {@code array[offset, offset + length)} in the loan's source when {@code array}
   * is the lent array and the source is direct memory still holding those bytes, else 0: a write
   * can send them from there, without copying the array first. The caller writes them before
   * anything else runs on the loop.
   */
  long sourceAddress(byte[] array, int offset, int length) {
    ByteBuf src = source;
    if (array != lent || src == null || offset + length > this.length || !src.hasMemoryAddress()) {
      return 0;
    }
    return src.memoryAddress() + sourceIndex + offset;
  }

  /**
   * {@code array[offset, offset + length)} as a retained slice of the loan's source, when {@code
   * array} is the lent array and the source is the transport's own buffer (which lives as long as
   * the slice does), else null: a queued write can take it instead of a copy.
   */
  ByteBuf sourceSlice(byte[] array, int offset, int length) {
    ByteBuf src = source;
    if (array != lent || src == null || !sourceOwned || offset + length > this.length) return null;
    return src.retainedSlice(sourceIndex + offset, length);
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
    ByteBuf src = source;
    if (src != null) {
      source = null;
      src.release();
    }
  }
}
