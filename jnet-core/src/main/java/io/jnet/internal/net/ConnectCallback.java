package io.jnet.internal.net;

import io.jnet.error.JnetException;

/** Completion of a connect request: the connected handle, or Node's error. */
@FunctionalInterface
public interface ConnectCallback {
  /** Exactly one of {@code handle} and {@code error} is non-null. */
  void done(StreamHandle handle, JnetException error);
}
