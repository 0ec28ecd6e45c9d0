package io.jnet.internal.net;

import io.jnet.error.JnetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Node's system errors: the libuv code table and the message shapes of Node's {@code net} module.
 *
 * <p>Node reports a failed system call as an {@code Error} with {@code code} ({@code
 * ECONNREFUSED}), a negative {@code errno} (libuv's, which on Linux is minus the kernel's errno),
 * {@code syscall}, and {@code address}/{@code port} where one is involved. Three message shapes
 * exist, and which one Node uses depends on the call that failed:
 *
 * <ul>
 *   <li>{@link #listen}: {@code listen EADDRINUSE: address already in use 127.0.0.1:8080} (with
 *       libuv's description of the code);
 *   <li>{@link #connect} and {@link #bind}: {@code connect ECONNREFUSED 127.0.0.1:1};
 *   <li>{@link #stream}: {@code read ECONNRESET}, {@code write EPIPE};
 *   <li>{@link #lookup}: {@code getaddrinfo ENOTFOUND example.invalid}.
 * </ul>
 *
 * <p>Each takes the {@link Throwable} Netty or the JDK produced and finds the code in it: the errno
 * of Netty's native exceptions, else the exception's type, else the C library's {@code strerror}
 * text that the JDK and Netty put in their messages. Netty's native transport reports ENETUNREACH
 * and EHOSTUNREACH as one message-less {@code NoRouteToHostException}; jnet reports that one as
 * EHOSTUNREACH.
 */
public final class UvError {
  /** One row of libuv's table: the code, its (negative) errno, libuv's description. */
  record Code(String code, int errno, String description, String strerror) {}

  private static final Map<String, Code> BY_CODE = new HashMap<>();
  private static final Map<Integer, Code> BY_ERRNO = new HashMap<>();

  /** Codes by their C library text, longest first so that a text never shadows a longer one. */
  private static final List<Code> BY_STRERROR = new ArrayList<>();

  static {
    add("EPERM", -1, "operation not permitted", "Operation not permitted");
    add("ENOENT", -2, "no such file or directory", "No such file or directory");
    add("EINTR", -4, "interrupted system call", "Interrupted system call");
    add("EIO", -5, "i/o error", "Input/output error");
    add("EBADF", -9, "bad file descriptor", "Bad file descriptor");
    add("EAGAIN", -11, "resource temporarily unavailable", "Resource temporarily unavailable");
    add("ENOMEM", -12, "not enough memory", "Cannot allocate memory");
    add("EACCES", -13, "permission denied", "Permission denied");
    add("EFAULT", -14, "bad address in system call argument", "Bad address");
    add("EBUSY", -16, "resource busy or locked", "Device or resource busy");
    add("EEXIST", -17, "file already exists", "File exists");
    add("ENOTDIR", -20, "not a directory", "Not a directory");
    add("EISDIR", -21, "illegal operation on a directory", "Is a directory");
    add("EINVAL", -22, "invalid argument", "Invalid argument");
    add("ENFILE", -23, "file table overflow", "Too many open files in system");
    add("EMFILE", -24, "too many open files", "Too many open files");
    add("ENOSPC", -28, "no space left on device", "No space left on device");
    add("EPIPE", -32, "broken pipe", "Broken pipe");
    add("ENAMETOOLONG", -36, "name too long", "File name too long");
    add("ENOSYS", -38, "function not implemented", "Function not implemented");
    add("ENOTSOCK", -88, "socket operation on non-socket", "Socket operation on non-socket");
    add("EDESTADDRREQ", -89, "destination address required", "Destination address required");
    add("EMSGSIZE", -90, "message too long", "Message too long");
    add("EPROTOTYPE", -91, "protocol wrong type for socket", "Protocol wrong type for socket");
    add("ENOPROTOOPT", -92, "protocol not available", "Protocol not available");
    add("EPROTONOSUPPORT", -93, "protocol not supported", "Protocol not supported");
    add("ENOTSUP", -95, "operation not supported on socket", "Operation not supported");
    add(
        "EAFNOSUPPORT",
        -97,
        "address family not supported",
        "Address family not supported by protocol");
    add("EADDRINUSE", -98, "address already in use", "Address already in use");
    add("EADDRNOTAVAIL", -99, "address not available", "Cannot assign requested address");
    add("ENETDOWN", -100, "network is down", "Network is down");
    add("ENETUNREACH", -101, "network is unreachable", "Network is unreachable");
    add(
        "ECONNABORTED",
        -103,
        "software caused connection abort",
        "Software caused connection abort");
    add("ECONNRESET", -104, "connection reset by peer", "Connection reset");
    add("ENOBUFS", -105, "no buffer space available", "No buffer space available");
    add("EISCONN", -106, "socket is already connected", "Transport endpoint is already connected");
    add("ENOTCONN", -107, "socket is not connected", "Transport endpoint is not connected");
    add("ETIMEDOUT", -110, "connection timed out", "Connection timed out");
    add("ECONNREFUSED", -111, "connection refused", "Connection refused");
    add("EHOSTDOWN", -112, "host is down", "Host is down");
    add("EHOSTUNREACH", -113, "host is unreachable", "No route to host");
    add("EALREADY", -114, "connection already in progress", "Operation already in progress");
    add("ECANCELED", -125, "operation canceled", "Operation canceled");
    add("EOF", -4095, "end of file", null);
    add("EAI_AGAIN", -3001, "temporary failure", "Temporary failure in name resolution");
    add("EAI_FAIL", -3004, "permanent failure", "Non-recoverable failure in name resolution");
    add("EAI_FAMILY", -3005, "ai_family not supported", "ai_family not supported");
    add("EAI_NODATA", -3007, "no address", "No address associated with hostname");
    add("EAI_NONAME", -3008, "unknown node or service", "Name or service not known");
    BY_STRERROR.sort(Comparator.comparingInt((Code c) -> -c.strerror().length()));
  }

  private UvError() {}

  private static void add(String code, int errno, String description, String strerror) {
    Code c = new Code(code, errno, description, strerror);
    BY_CODE.put(code, c);
    BY_ERRNO.put(errno, c);
    if (strerror != null) BY_STRERROR.add(c);
  }

  /** libuv's negative errno for {@code code}, or 0 for a code it does not know. */
  public static int errno(String code) {
    Code c = BY_CODE.get(code);
    return c == null ? 0 : c.errno();
  }

  /** libuv's description of {@code code} ("address already in use"), or "unknown error". */
  public static String description(String code) {
    Code c = BY_CODE.get(code);
    return c == null ? "unknown error" : c.description();
  }

  /** The code of libuv's negative {@code errno} ("ECONNREFUSED" for -111), or "UNKNOWN". */
  public static String codeOf(int errno) {
    Code c = BY_ERRNO.get(errno);
    return c == null ? "UNKNOWN" : c.code();
  }

  /**
   * The code Node would report for {@code t}, an exception from Netty or the JDK that failed {@code
   * syscall}; "EIO" when nothing in it names a code.
   */
  public static String codeOf(Throwable t, String syscall) {
    String code = ThrowableCodes.find(t, syscall);
    return code != null ? code : "EIO";
  }

  /** The code whose C library text ({@code strerror}) occurs in {@code message}, or null. */
  static String codeOfMessage(String message) {
    if (message == null) return null;
    String lower = message.toLowerCase(Locale.ROOT);
    for (Code c : BY_STRERROR) {
      if (lower.contains(c.strerror().toLowerCase(Locale.ROOT))) return c.code();
    }
    return null;
  }

  /**
   * A failed listen (bind or listen) in Node's shape: {@code listen EADDRINUSE: address already in
   * use 127.0.0.1:8080}, or {@code ... /tmp/x.sock} for a path ({@code port} -1).
   */
  public static JnetException listen(Throwable t, String address, Integer port) {
    return listen(codeOf(t, "listen"), address, port, t);
  }

  /** {@link #listen(Throwable, String, int)} for a known code. */
  public static JnetException listen(String code, String address, Integer port, Throwable cause) {
    String message = "listen " + code + ": " + description(code) + details(address, port);
    return system(code, message, "listen", address, port, cause);
  }

  /**
   * A failed connect in Node's shape: {@code connect ECONNREFUSED 127.0.0.1:1}, or {@code connect
   * ENOENT /tmp/x.sock} for a path ({@code port} null: Node's error then has no port). {@code
   * local} is the bound local {@code address:port}, or null; Node appends it as {@code - Local
   * (10.0.0.1:5000)}.
   */
  public static JnetException connect(Throwable t, String address, Integer port, String local) {
    return connect(codeOf(t, "connect"), address, port, local, t);
  }

  /** {@link #connect(Throwable, String, int, String)} for a known code. */
  public static JnetException connect(
      String code, String address, Integer port, String local, Throwable cause) {
    String message = "connect " + code + details(address, port);
    if (local != null) message += " - Local (" + local + ")";
    return system(code, message, "connect", address, port, cause);
  }

  /** {@link #bind(Throwable, String, int)} for a known code; a port of 0 is no port, as in Node. */
  public static JnetException bind(String code, String address, int port) {
    return system(
        code,
        "bind " + code + details(address, port),
        "bind",
        address,
        port > 0 ? port : null,
        null);
  }

  /** A failed bind of a connecting socket's local address: {@code bind EADDRNOTAVAIL 10.0.0.1}. */
  public static JnetException bind(Throwable t, String address, int port) {
    return bind(codeOf(t, "bind"), address, port, t);
  }

  /** {@link #bind(Throwable, String, int)} for a known code. */
  public static JnetException bind(String code, String address, int port, Throwable cause) {
    return system(code, "bind " + code + details(address, port), "bind", address, port, cause);
  }

  /**
   * A failed call on a connected stream or a server, without address: {@code read ECONNRESET},
   * {@code write EPIPE}, {@code shutdown ENOTCONN}, {@code accept EMFILE}.
   */
  public static JnetException stream(Throwable t, String syscall) {
    return stream(codeOf(t, syscall), syscall, t);
  }

  /** {@link #stream(Throwable, String)} for a known code. */
  public static JnetException stream(String code, String syscall, Throwable cause) {
    return system(code, syscall + " " + code, syscall, null, null, cause);
  }

  /**
   * A failed name lookup: {@code getaddrinfo ENOTFOUND example.invalid}. Node names both "no such
   * name" (EAI_NONAME, -3008) and "no address" (EAI_NODATA, -3007) ENOTFOUND, keeping the errno;
   * other resolver failures keep their own code ({@code EAI_AGAIN}, -3001).
   */
  public static JnetException lookup(Throwable t, String hostname) {
    String uv = ThrowableCodes.find(t, "getaddrinfo");
    if (uv == null || !uv.startsWith("EAI_")) uv = "EAI_NONAME";
    return lookup(uv, hostname, t);
  }

  /** {@link #lookup(Throwable, String)} for a known libuv code such as {@code EAI_NONAME}. */
  public static JnetException lookup(String uvCode, String hostname, Throwable cause) {
    int errno = errno(uvCode);
    String code = "EAI_NONAME".equals(uvCode) || "EAI_NODATA".equals(uvCode) ? "ENOTFOUND" : uvCode;
    String message = "getaddrinfo " + code + (hostname == null ? "" : " " + hostname);
    return new JnetException("Error", code, message, errno, "getaddrinfo", null, null, cause);
  }

  /** Node sets {@code port} only when it is truthy: a pipe listen's -1 stays, 0 and none do not. */
  private static JnetException system(
      String code, String message, String syscall, String address, Integer port, Throwable cause) {
    return new JnetException(
        "Error",
        code,
        message,
        errno(code),
        syscall,
        address == null || address.isEmpty() ? null : address,
        port == null || port == 0 ? null : port,
        cause);
  }

  /** Node's {@code " address:port"}, {@code " address"} or nothing. */
  private static String details(String address, Integer port) {
    if (port != null && port > 0) return " " + address + ":" + port;
    if (address != null && !address.isEmpty()) return " " + address;
    return "";
  }
}
