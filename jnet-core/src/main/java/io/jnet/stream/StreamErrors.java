package io.jnet.stream;

import io.jnet.error.JnetException;

/** Node's stream errors, with its codes and messages. */
final class StreamErrors {
  private StreamErrors() {}

  /** {@code write after end}: a write on a stream whose writable side has ended. */
  static JnetException writeAfterEnd() {
    return new JnetException("ERR_STREAM_WRITE_AFTER_END", "write after end");
  }

  /** A call on a destroyed stream; {@code method} is Node's name for the call ({@code write}). */
  static JnetException destroyed(String method) {
    return new JnetException(
        "ERR_STREAM_DESTROYED", "Cannot call " + method + " after a stream was destroyed");
  }

  /** A stream closed before it ended or finished. */
  static JnetException prematureClose() {
    return new JnetException("ERR_STREAM_PREMATURE_CLOSE", "Premature close");
  }

  /** {@code stream.push() after EOF}. */
  static JnetException pushAfterEof() {
    return new JnetException("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
  }

  /** {@code stream.unshift() after end event}. */
  static JnetException unshiftAfterEnd() {
    return new JnetException(
        "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
  }

  /** Calling {@code write(null)}. */
  static JnetException nullValues() {
    return JnetException.typeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream");
  }

  /** {@code read(n)} with {@code n} over 1 GiB. */
  static JnetException sizeOutOfRange(long n) {
    return JnetException.rangeError(
        "ERR_OUT_OF_RANGE",
        "The value of \"size\" is out of range. It must be <= 1GiB. Received " + n);
  }

  /** A hook's callback called twice. */
  static JnetException multipleCallback() {
    return new JnetException("ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
  }

  /** A hook neither overridden nor given in the options; {@code method} is like {@code _read()}. */
  static JnetException methodNotImplemented(String method) {
    return new JnetException(
        "ERR_METHOD_NOT_IMPLEMENTED", "The " + method + " method is not implemented");
  }

  /** {@code end()} with a callback on a stream that already finished. */
  static JnetException alreadyFinished(String method) {
    return new JnetException(
        "ERR_STREAM_ALREADY_FINISHED", "Cannot call " + method + " after a stream was finished");
  }

  /** {@code pipeline} with fewer than two streams. */
  static JnetException missingStreams() {
    return JnetException.typeError(
        "ERR_MISSING_ARGS", "The \"streams\" argument must be specified");
  }

  /** {@code pipeline} into a stream already closed or destroyed. */
  static JnetException unableToPipe() {
    return new JnetException(
        "ERR_STREAM_UNABLE_TO_PIPE", "Cannot pipe to a closed or destroyed stream");
  }
}
