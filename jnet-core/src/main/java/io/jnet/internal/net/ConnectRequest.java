package io.jnet.internal.net;

import io.jnet.net.AddressInfo;

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

  /**
   * The local address of the connecting TCP socket once the kernel bound it (at the connect call),
   * else null; null for a pipe. Any thread.
   */
  default AddressInfo localAddress() {
    return null;
  }
}
