package io.jnet.error;

/**
 * An error with Node's {@code code}: what jnet throws at a bad call and passes to {@code 'error'}
 * listeners.
 *
 * <p>Node's errors are plain {@code Error} objects with extra properties. jnet keeps the same
 * properties as accessors: {@link #code()} ({@code "ECONNREFUSED"}, {@code "ERR_OUT_OF_RANGE"}),
 * and for system errors {@link #errno()}, {@link #syscall()}, {@link #address()} and {@link
 * #port()}. {@link #getMessage()} is shaped like Node's ({@code connect ECONNREFUSED 127.0.0.1:1}),
 * and {@link #name()} is Node's error class ({@code TypeError}, {@code RangeError}, {@code Error}).
 *
 * <p>Unlike Node, every jnet error is one unchecked Java type; switch on {@link #code()} rather
 * than on the class.
 *
 * <h2>Absent properties</h2>
 *
 * <p>A property Node leaves {@code undefined} is null here: {@link #errno()} and {@link #port()}
 * are boxed so that {@code "" + e.port()} prints a number or {@code null} where Node prints a
 * number or {@code undefined}. Node gives a port only when it has a non-zero one: a failed TCP
 * connect carries its port, a failed connect to a pipe carries none (null), and a failed listen on
 * a pipe carries Node's -1.
 */
public class JnetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Node's {@code code}, or null; see {@link #code()}. */
  private final String code;

  /** Node's error class name; see {@link #name()}. */
  private final String name;

  /** Node's negative errno, or null; see {@link #errno()}. */
  private final Integer errno;

  /** The failed system call, or null; see {@link #syscall()}. */
  private final String syscall;

  /** The address of a system error, or null; see {@link #address()}. */
  private final String address;

  /** The port of a system error, or null; see {@link #port()}. */
  private final Integer port;

  /**
   * An error of class {@code Error} with {@code code} and {@code message}.
   *
   * @param code Node's error code, or null for none
   * @param message the message, as Node's
   */
  public JnetException(String code, String message) {
    this("Error", code, message, null, null, null, null, null);
  }

  /**
   * An error of class {@code Error} with {@code code}, {@code message} and a cause.
   *
   * @param code Node's error code, or null for none
   * @param message the message, as Node's
   * @param cause the cause, or null
   */
  public JnetException(String code, String message, Throwable cause) {
    this("Error", code, message, null, null, null, null, cause);
  }

  /**
   * The general form: {@code name} is Node's class name ({@code "TypeError"}), {@code errno} is
   * Node's negative errno; {@code errno}, {@code syscall}, {@code address} and {@code port} are
   * null where Node's error has no such property.
   *
   * @param name Node's error class name, such as {@code "TypeError"}; null means {@code "Error"}
   * @param code Node's error code, or null for none
   * @param message the message, as Node's
   * @param errno Node's negative errno, or null
   * @param syscall the system call that failed, or null
   * @param address the address involved, or null
   * @param port the port involved, or null
   * @param cause the cause, or null
   */
  public JnetException(
      String name,
      String code,
      String message,
      Integer errno,
      String syscall,
      String address,
      Integer port,
      Throwable cause) {
    super(message, cause);
    this.name = name == null ? "Error" : name;
    this.code = code;
    this.errno = errno;
    this.syscall = syscall;
    this.address = address;
    this.port = port;
  }

  /**
   * Node's {@code TypeError} with {@code code}: thrown for arguments of the wrong type.
   *
   * @param code Node's error code, or null for none
   * @param message the message, as Node's
   * @return the error
   */
  public static JnetException typeError(String code, String message) {
    return new JnetException("TypeError", code, message, null, null, null, null, null);
  }

  /**
   * Node's {@code RangeError} with {@code code}: thrown for arguments out of range.
   *
   * @param code Node's error code, or null for none
   * @param message the message, as Node's
   * @return the error
   */
  public static JnetException rangeError(String code, String message) {
    return new JnetException("RangeError", code, message, null, null, null, null, null);
  }

  /**
   * Returns {@code t} itself when it is a JnetException, else a plain {@code Error} without code
   * whose message is {@code t}'s and whose cause is {@code t}: how a Java exception passed to
   * {@code destroy(err)} travels through jnet's {@code 'error'} events.
   *
   * @param t the exception to wrap
   * @return {@code t} itself, or a JnetException caused by it
   */
  public static JnetException wrap(Throwable t) {
    if (t instanceof JnetException j) return j;
    return new JnetException(
        "Error", null, String.valueOf(t.getMessage()), null, null, null, null, t);
  }

  /**
   * Node's error code, such as {@code "ECONNRESET"} or {@code "ERR_STREAM_DESTROYED"}, or null for
   * a plain error that has none (Node's {@code new Error('boom')}).
   *
   * @return the code, or null
   */
  public String code() {
    return code;
  }

  /**
   * Node's error class name: {@code "Error"}, {@code "TypeError"} or {@code "RangeError"}.
   *
   * @return the error class name
   */
  public String name() {
    return name;
  }

  /**
   * Node's (negative) errno for system errors; null for errors that have none.
   *
   * @return the negative errno, or null
   */
  public Integer errno() {
    return errno;
  }

  /**
   * The system call that failed ({@code "connect"}, {@code "listen"}), or null.
   *
   * @return the system call, or null
   */
  public String syscall() {
    return syscall;
  }

  /**
   * The address involved in a system error, or null.
   *
   * @return the address, or null
   */
  public String address() {
    return address;
  }

  /**
   * The port involved in a system error, or null where Node's error has none (a connect to a pipe,
   * an error that is not about an address); a failed listen on a pipe has Node's -1.
   *
   * @return the port, or null
   */
  public Integer port() {
    return port;
  }

  /**
   * Shaped like Node's headline: {@code TypeError [ERR_X]: message} for Node's own errors, {@code
   * Error: connect ECONNREFUSED 127.0.0.1:1} for system errors, whose message holds the code.
   */
  @Override
  public String toString() {
    if (code == null) return name + ": " + getMessage();
    return code.startsWith("ERR_")
        ? name + " [" + code + "]: " + getMessage()
        : name + ": " + getMessage();
  }
}
