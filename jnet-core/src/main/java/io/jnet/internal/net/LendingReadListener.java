package io.jnet.internal.net;

/**
 * A {@link StreamListener} that can take a read in an array the handle lends and takes back: the
 * loop's one reused read array, so that a stream piped on to another socket copies each read into
 * memory that is already in the cache instead of a fresh array (see {@link Lending}).
 */
public interface LendingReadListener extends StreamListener {
  /**
   * Asked before a read the handle could lend: whether the bytes would go only to writes on stream
   * handles (through one pipe), so that the array is free again once the call returns.
   *
   * @return true to take the next read in a lent array
   */
  boolean lendable();

  /**
   * Bytes arrived in {@code array[0, length)}, lent: returns true when nothing but writes to stream
   * handles took the bytes; the handle reuses the array only if exactly one such write did (and
   * that write copied them).
   *
   * @param array the lent array, longer than {@code length}
   * @param length the bytes read
   * @return true when the callee kept no reference to the array
   */
  boolean onLoan(byte[] array, int length);
}
