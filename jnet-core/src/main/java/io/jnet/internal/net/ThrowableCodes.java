package io.jnet.internal.net;

import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import java.io.FileNotFoundException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds Node's error code in an exception thrown by Netty or the JDK.
 *
 * <p>Netty's native transport throws {@code NativeIoException}, which carries the errno; it and the
 * JDK otherwise throw plain exceptions whose message ends with the C library's {@code strerror}
 * text ("connect(..) failed: Connection refused"), and a few typed exceptions with no message at
 * all. The search walks the cause chain, because Netty wraps the first failure (a {@code
 * ClosedChannelException} for writes failed by a close carries the write error that caused the
 * close).
 */
final class ThrowableCodes {
  private ThrowableCodes() {}

  /** The code of {@code t} as a failure of {@code syscall}, or null when nothing names one. */
  static String find(Throwable t, String syscall) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    String fallback = null;
    for (Throwable e = t; e != null && seen.put(e, Boolean.TRUE) == null; e = e.getCause()) {
      if (e instanceof Errors.NativeIoException n) return UvError.codeOf(n.expectedErr());
      String byMessage = UvError.codeOfMessage(e.getMessage());
      if (byMessage == null) byMessage = jdkMessage(e.getMessage());
      if (byMessage != null) return byMessage;
      String byType = byType(e, syscall);
      if (byType != null && fallback == null) fallback = byType;
    }
    return fallback;
  }

  /**
   * True when {@code t} is a failure of the system, which has a Node error code: an {@link
   * java.io.IOException}, Netty's {@link ChannelException} around one, or one of the unchecked
   * exceptions the JDK's sockets throw for a call the OS would refuse (an address of the other
   * family, a connect already made or under way). False for anything else, a bug in jnet or an
   * {@code Error}, which must reach the uncaught handler instead of posing as an OS error.
   */
  static boolean isIoFailure(Throwable t) {
    return t instanceof java.io.IOException
        || t instanceof ChannelException
        || t instanceof UnsupportedAddressTypeException
        || t instanceof UnresolvedAddressException
        || t instanceof AlreadyConnectedException
        || t instanceof ConnectionPendingException
        || t instanceof NotYetConnectedException;
  }

  /** The JDK's own words for a few errors it reports without the C library's text. */
  private static String jdkMessage(String message) {
    if (message == null) return null;
    if (message.contains("Unix domain path too long")) return "ENAMETOOLONG";
    if (message.contains("Protocol family unavailable")) return "EAFNOSUPPORT";
    // The JDK's answer for an IPv6 socket where it runs without IPv6 (java.net.preferIPv4Stack).
    if (message.contains("IPv6 not available")) return "EAFNOSUPPORT";
    return null;
  }

  /** What an exception's type alone says; read after any errno or message in the chain. */
  private static String byType(Throwable e, String syscall) {
    if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
      return "ETIMEDOUT";
    }
    // Netty's native transport throws these without a message for ENOENT and *UNREACH.
    if (e instanceof FileNotFoundException) return "ENOENT";
    if (e instanceof NoRouteToHostException) return "EHOSTUNREACH";
    if (e instanceof PortUnreachableException) return "ECONNREFUSED";
    if (e instanceof ConnectException) return "ECONNREFUSED";
    if (e instanceof BindException) return "EADDRINUSE";
    if (e instanceof UnresolvedAddressException || e instanceof UnknownHostException) {
      return "EAI_NONAME";
    }
    if (e instanceof UnsupportedAddressTypeException) return "EAFNOSUPPORT";
    if (e instanceof AlreadyConnectedException) return "EISCONN";
    if (e instanceof ConnectionPendingException) return "EALREADY";
    if (e instanceof NotYetConnectedException) return "ENOTCONN";
    if (e instanceof ClosedChannelException) return closedCode(syscall);
    return null;
  }

  /**
   * A request on a channel that was closed under it: a write fails as a write to a peer that went
   * away ({@code EPIPE}), a connect as a request cancelled by close ({@code ECANCELED}, libuv's
   * status for requests of a closed handle), a shutdown as on a socket no longer connected.
   */
  private static String closedCode(String syscall) {
    switch (syscall) {
      case "write":
        return "EPIPE";
      case "connect":
        return "ECANCELED";
      case "shutdown":
        return "ENOTCONN";
      default:
        return "EBADF";
    }
  }
}
