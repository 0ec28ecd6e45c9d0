package io.jnet.internal.net;

import io.jnet.error.JnetException;

/** Receives what a {@link ServerHandle} accepts: Node's {@code onconnection}. */
public interface ServerListener {
  /**
   * A connection was accepted: {@code handle} is open and not reading; set its listener before
   * starting to read.
   */
  void onConnection(StreamHandle handle);

  /**
   * Accepting failed ({@code accept EMFILE}); the server keeps listening, pausing for a second. A
   * full descriptor table is reported only when libuv's trick cannot run (see {@code AcceptGuard}):
   * normally the waiting connections are closed unseen and nothing is reported, as in Node.
   */
  void onError(JnetException error);

  /**
   * The loop the connection being accepted will live on, or null (the default) for the listening
   * loop itself, where {@link #onConnection} then runs inside the accept. Called on the listening
   * loop, once per accepted connection, before anything else sees it; for another loop, {@link
   * #onConnection} (or, should the hand-over fail, {@link #onConnectionLost}) follows on that loop.
   */
  default ConnectionLoop connectionLoop() {
    return null;
  }

  /**
   * Whether accepted TCP connections start with Nagle's algorithm off (the server's {@code
   * noDelay}), so that the socket is set once; false (the default) leaves it on, as in Node.
   */
  default boolean noDelay() {
    return false;
  }

  /**
   * Whether {@link #onConnection} starts reading every connection before it returns (Node's {@code
   * pauseOnConnect} false), so that the handle can be registered ready to read; false (the default)
   * registers it not reading.
   */
  default boolean readsAtOnce() {
    return false;
  }

  /**
   * A connection handed to another loop could not be registered there and was closed unseen. Called
   * on that loop.
   */
  default void onConnectionLost() {}
}
