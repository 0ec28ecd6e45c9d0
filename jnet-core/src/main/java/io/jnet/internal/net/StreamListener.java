package io.jnet.internal.net;

import io.jnet.error.JnetException;

/**
 * Receives what a {@link StreamHandle} reads: Node's {@code onread} and close callbacks.
 *
 * <p>Order: any number of {@link #onRead} (only while reading is started), then at most one of
 * {@link #onEof} or {@link #onError}, then exactly one {@link #onClose}. A read error ends reading;
 * no {@code onEof} follows it. Every call comes on the loop thread through the handle's {@link
 * Invoker}; none comes from inside a call the listener made on the handle.
 */
public interface StreamListener {
  /**
   * Bytes arrived: {@code chunk} is a fresh array of exactly the bytes read (copied once out of the
   * transport's pooled buffer), owned by the callee from now on; {@code Buffer.wrap(chunk)} makes
   * it the user's Buffer without another copy.
   */
  void onRead(byte[] chunk);

  /** The peer sent FIN: nothing more will be read. The handle stays writable. */
  void onEof();

  /** Reading failed ({@code read ECONNRESET}); nothing more will be read. */
  void onError(JnetException error);

  /** The handle is closed, by {@link StreamHandle#close} or by the transport. */
  void onClose();
}
