package io.jnet.loop;

import io.jnet.error.JnetException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * The default uncaught-exception handler of every loop: reports through {@link System.Logger}
 * (logger {@code io.jnet}), so an application's logging decides where it goes.
 *
 * <p>An {@code 'error'} that jnet emitted and nobody listened to (a {@link JnetException} with a
 * code, such as {@code ECONNRESET}) is one line at {@code ERROR}: its code, message and where it
 * came from; its stack trace, which shows only jnet's own frames, is logged at {@code DEBUG}. Any
 * other throwable is the program's own exception from a callback, logged at {@code ERROR} with its
 * stack trace, as Node prints an uncaught exception.
 */
final class UncaughtLog implements Consumer<Throwable> {
  static final UncaughtLog INSTANCE = new UncaughtLog();

  private static final Logger LOG = System.getLogger("io.jnet");

  private UncaughtLog() {}

  @Override
  public void accept(Throwable t) {
    if (t instanceof JnetException && ((JnetException) t).code() != null) {
      JnetException e = (JnetException) t;
      LOG.log(Level.ERROR, oneLine(e));
      if (LOG.isLoggable(Level.DEBUG)) LOG.log(Level.DEBUG, "stack of " + e.code(), e);
      return;
    }
    LOG.log(Level.ERROR, "uncaught exception in a jnet callback: " + t, t);
  }

  /** {@code uncaught error ECONNRESET: read ECONNRESET (at Socket.java:123)}. */
  static String oneLine(JnetException e) {
    StringBuilder sb = new StringBuilder("uncaught error ").append(e.code()).append(": ");
    sb.append(e.getMessage());
    StackTraceElement where = where(e);
    if (where != null) {
      sb.append(" (at ").append(where.getFileName()).append(':').append(where.getLineNumber());
      sb.append(')');
    }
    return sb.toString();
  }

  /** Where the error was made: its first frame outside the JDK and the transport. */
  private static StackTraceElement where(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("io.netty.")) continue;
      if (frame.getFileName() != null) return frame;
    }
    return null;
  }
}
