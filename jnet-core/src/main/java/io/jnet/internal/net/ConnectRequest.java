package io.jnet.internal.net;

/**
 * A connect in progress: libuv's {@code uv_connect_t}, which a socket destroyed while connecting
 * (or a Happy Eyeballs attempt that ran out of time) cancels.
 */
public interface ConnectRequest {
  /**
   * Abandons the connect and closes its socket; the callback then receives {@code ECANCELED}, as
   * libuv reports a connect whose handle was closed. Does nothing once the callback has run. Loop
   * thread only.
   */
  void cancel();
}
