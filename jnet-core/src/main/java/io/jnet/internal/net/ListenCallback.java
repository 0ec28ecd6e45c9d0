package io.jnet.internal.net;

import io.jnet.error.JnetException;

/** Completion of a listen request: the listening handle, or Node's {@code listen} error. */
@FunctionalInterface
public interface ListenCallback {
  /** Exactly one of {@code server} and {@code error} is non-null. */
  void done(ServerHandle server, JnetException error);
}
