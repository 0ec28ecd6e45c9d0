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
   * Accepting failed ({@code accept EMFILE}); the server keeps listening. The transport pauses
   * accepting for a moment and then resumes by itself.
   */
  void onError(JnetException error);
}
