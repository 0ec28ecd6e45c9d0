package io.jnet.buffer;

import io.jnet.error.JnetException;
import java.math.BigInteger;

/** Node's buffer errors, with Node 24's codes and exact messages. */
final class Errors {
  private static final long TWO_32 = 1L << 32;

  private Errors() {}

  /** {@code ERR_OUT_OF_RANGE}: {@code The value of "name" is out of range. It must be R. ...}. */
  static JnetException outOfRange(String name, String range, long received) {
    String shown = Math.abs(received) > TWO_32 ? separated(Long.toString(received)) : "" + received;
    return outOfRangeShown(name, range, shown);
  }

  /** {@code ERR_OUT_OF_RANGE} for a BigInt value, shown as Node shows one ({@code 1_000n}). */
  static JnetException outOfRange(String name, String range, BigInteger received) {
    String s = received.toString();
    if (received.abs().compareTo(BigInteger.valueOf(TWO_32)) > 0) s = separated(s);
    return outOfRangeShown(name, range, s + "n");
  }

  private static JnetException outOfRangeShown(String name, String range, String shown) {
    return JnetException.rangeError(
        "ERR_OUT_OF_RANGE",
        "The value of \""
            + name
            + "\" is out of range. It must be "
            + range
            + ". Received "
            + shown);
  }

  /** Node's {@code validateOffset}: {@code >= min && <= max}. */
  static void checkOffset(long value, String name, long min, long max) {
    if (value < min || value > max) {
      throw outOfRange(name, ">= " + min + " && <= " + max, value);
    }
  }

  /**
   * {@code ERR_BUFFER_TOO_LARGE}, Node's {@code Cannot create a Buffer larger than N bytes}, with
   * jnet's limit: a size Node would accept but a Java array cannot hold.
   */
  static JnetException bufferTooLarge(long max) {
    return JnetException.rangeError(
        "ERR_BUFFER_TOO_LARGE", "Cannot create a Buffer larger than " + max + " bytes");
  }

  /** {@code ERR_BUFFER_OUT_OF_BOUNDS}, Node's message when no name is involved. */
  static JnetException bufferOutOfBounds() {
    return JnetException.rangeError(
        "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
  }

  /** {@code ERR_BUFFER_OUT_OF_BOUNDS} naming the argument: {@code "offset" is outside of ...}. */
  static JnetException bufferOutOfBounds(String name) {
    return JnetException.rangeError(
        "ERR_BUFFER_OUT_OF_BOUNDS", "\"" + name + "\" is outside of buffer bounds");
  }

  /** Node's {@code boundsError(value, length)} after a failed read or write of some bytes. */
  static JnetException boundsError(int offset, int lastValid) {
    if (lastValid < 0) return bufferOutOfBounds();
    return outOfRange("offset", ">= 0 and <= " + lastValid, offset);
  }

  /** {@code ERR_INVALID_ARG_TYPE} for a null where Node wants an instance of some types. */
  static JnetException invalidArgTypeNull(String name, String types) {
    return JnetException.typeError(
        "ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" argument must be an instance of " + types + ". Received null");
  }

  /** {@code ERR_INVALID_ARG_TYPE} with Node's whole message. */
  static JnetException invalidArgType(String message) {
    return JnetException.typeError("ERR_INVALID_ARG_TYPE", message);
  }

  /** {@code ERR_INVALID_ARG_VALUE}: {@code The argument 'value' is invalid. Received X}. */
  static JnetException invalidArgValue(String name, String shown) {
    return JnetException.typeError(
        "ERR_INVALID_ARG_VALUE", "The argument '" + name + "' is invalid. Received " + shown);
  }

  /** Node's {@code addNumericalSeparator}: {@code 4294967296} becomes {@code 4_294_967_296}. */
  static String separated(String digits) {
    int start = digits.startsWith("-") ? 1 : 0;
    StringBuilder res = new StringBuilder();
    int i = digits.length();
    for (; i >= start + 4; i -= 3) res.insert(0, "_" + digits.substring(i - 3, i));
    return digits.substring(0, i) + res;
  }
}
