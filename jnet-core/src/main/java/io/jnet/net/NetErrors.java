package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * Node's {@code net} errors, with its codes and messages, and the argument checks that throw them.
 */
final class NetErrors {
  private NetErrors() {}

  /** A connect without options: Node's {@code net.connect()}. */
  static JnetException missingConnectArgs() {
    return JnetException.typeError(
        "ERR_MISSING_ARGS", "The \"options\" or \"port\" or \"path\" argument must be specified");
  }

  static JnetException serverAlreadyListen() {
    return new JnetException(
        "ERR_SERVER_ALREADY_LISTEN",
        "Listen method has been called more than once without closing.");
  }

  static JnetException serverNotRunning() {
    return new JnetException("ERR_SERVER_NOT_RUNNING", "Server is not running.");
  }

  static JnetException socketClosed() {
    return new JnetException("ERR_SOCKET_CLOSED", "Socket is closed");
  }

  static JnetException socketClosedBeforeConnection() {
    return new JnetException(
        "ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
        "Socket closed before the connection was established");
  }

  /** A write after the peer's FIN on a socket that does not allow half-open. */
  static JnetException endedByOtherParty() {
    return new JnetException(
        "Error",
        "EPIPE",
        "This socket has been ended by the other party",
        null,
        null,
        null,
        null,
        null);
  }

  static JnetException invalidHandleType() {
    return JnetException.typeError("ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent");
  }

  static JnetException invalidIp(String address) {
    return JnetException.typeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + address);
  }

  /** Node's {@code validatePort}: {@code name} is {@code "options.port"} or {@code "Port"}. */
  static int checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw JnetException.rangeError(
          "ERR_SOCKET_BAD_PORT",
          name + " should be >= 0 and < 65536. Received type number (" + port + ").");
    }
    return port;
  }

  /** Node's {@code getTimerDuration(msecs, 'msecs')}. */
  static long checkTimeout(long msecs) {
    if (msecs < 0) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"msecs\" is out of range. It must be a non-negative finite number. Received "
              + msecs);
    }
    return msecs;
  }

  static JnetException invalidArgType(String name, String expected, Object received) {
    return JnetException.typeError(
        "ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" argument must be of type " + expected + ". Received " + received);
  }
}
