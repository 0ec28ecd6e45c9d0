package io.jnet.net;

/**
 * Immutable options for {@code server.listen(options)}: Node's listen options object.
 *
 * <p>Start from {@link #port(int)} (TCP; 0 lets the system choose) or {@link #path(String)} (IPC),
 * then refine: {@code ListenOptions.port(0).host("127.0.0.1").backlog(128)}. Without a host, the
 * server listens on {@code ::} (dual-stack), or on {@code 0.0.0.0} where IPv6 is missing, as Node
 * does.
 *
 * <h2>IPC paths</h2>
 *
 * <p>A path is a Unix domain socket on every transport (epoll's domain channels, or the JDK's
 * {@code UnixDomainSocketAddress} on NIO). As in Node: a path whose file exists is {@code
 * EADDRINUSE}, never taken over; {@code close()} removes the file the server made; {@link
 * #readableAll} and {@link #writableAll} set its mode to read or write permission for everyone and
 * nothing else (both: {@code 0666}), as Node 24's libuv does. A name starting with a NUL character
 * is a Linux abstract socket on epoll; the JDK cannot bind those, so NIO refuses them with {@code
 * EINVAL}.
 *
 * <p>As in Node 24, a path longer than 108 bytes (the size of Linux's {@code sun_path}) is refused
 * with {@code EINVAL}, at listen ({@code 'error'}) and at connect, and no file is made. Windows
 * pipe names ({@code \\?\pipe\name}, {@code \\.\pipe\name}) are ordinary relative or absolute paths
 * on Unix, as they are to Node there. jnet does not serve Windows named pipes: on Windows such a
 * name goes to the JDK's Unix domain sockets like any other path, which is not what a Node server
 * on Windows listens on.
 */
public final class ListenOptions {
  private int port = -1;
  private String path;
  private String host;
  private int backlog = 511;
  private boolean exclusive;
  private boolean ipv6Only;
  private boolean readableAll;
  private boolean writableAll;
  private boolean reusePort;

  private ListenOptions() {}

  private ListenOptions copy() {
    ListenOptions c = new ListenOptions();
    c.port = port;
    c.path = path;
    c.host = host;
    c.backlog = backlog;
    c.exclusive = exclusive;
    c.ipv6Only = ipv6Only;
    c.readableAll = readableAll;
    c.writableAll = writableAll;
    c.reusePort = reusePort;
    return c;
  }

  /** TCP options for {@code port}; 0 lets the system choose. */
  public static ListenOptions port(int port) {
    ListenOptions c = new ListenOptions();
    c.port = port;
    return c;
  }

  /** IPC options for a Unix domain socket at {@code path}. */
  public static ListenOptions path(String path) {
    if (path == null) throw ConnectOptions.invalidType("options.path", "string", "null");
    ListenOptions c = new ListenOptions();
    c.path = path;
    return c;
  }

  /** The host to listen on: an IP address or a name to resolve first. */
  public ListenOptions host(String host) {
    ListenOptions c = copy();
    c.host = host;
    return c;
  }

  /** The length of the queue of pending connections (Node's default 511). */
  public ListenOptions backlog(int backlog) {
    ListenOptions c = copy();
    c.backlog = backlog;
    return c;
  }

  /** Node's cluster switch; jnet has no cluster, so it changes nothing (kept for ports). */
  public ListenOptions exclusive(boolean exclusive) {
    ListenOptions c = copy();
    c.exclusive = exclusive;
    return c;
  }

  /** Listen on IPv6 only, refusing IPv4-mapped connections on {@code ::}. */
  public ListenOptions ipv6Only(boolean ipv6Only) {
    ListenOptions c = copy();
    c.ipv6Only = ipv6Only;
    return c;
  }

  /**
   * IPC: make the socket file readable by all users (mode {@code 0444}, or {@code 0666} with {@link
   * #writableAll}); not with an abstract name ({@code ERR_INVALID_ARG_VALUE} at listen).
   */
  public ListenOptions readableAll(boolean readableAll) {
    ListenOptions c = copy();
    c.readableAll = readableAll;
    return c;
  }

  /**
   * IPC: make the socket file writable by all users (mode {@code 0222}, or {@code 0666} with {@link
   * #readableAll}); not with an abstract name ({@code ERR_INVALID_ARG_VALUE} at listen).
   */
  public ListenOptions writableAll(boolean writableAll) {
    ListenOptions c = copy();
    c.writableAll = writableAll;
    return c;
  }

  /**
   * Node 24's {@code reusePort}: TCP only, sets {@code SO_REUSEPORT} so that several servers bind
   * the same port (each with this option) and the kernel spreads incoming connections among them
   * (Linux 3.9+ and a few BSDs). A bind where the system has no such option fails with {@code
   * listen ENOTSUP}; a server on the port without it fails with {@code EADDRINUSE}, and so does one
   * without it on a port a reusePort server holds. Ignored for a path, as in Node.
   *
   * <p>With jnet this is how one port is served by several loops each with its own listening
   * socket: make one server per loop (a server belongs to the loop of the thread that makes it),
   * each listening with this option.
   */
  public ListenOptions reusePort(boolean reusePort) {
    ListenOptions c = copy();
    c.reusePort = reusePort;
    return c;
  }

  /** The port, or -1 for IPC options. */
  public int port() {
    return port;
  }

  /** Whether a port was given (any value: {@code listen} checks its range). */
  public boolean hasPort() {
    return path == null;
  }

  /** The IPC path, or null for TCP options. */
  public String path() {
    return path;
  }

  /** The host, or null for all interfaces. */
  public String host() {
    return host;
  }

  public int backlog() {
    return backlog;
  }

  public boolean exclusive() {
    return exclusive;
  }

  public boolean ipv6Only() {
    return ipv6Only;
  }

  public boolean readableAll() {
    return readableAll;
  }

  public boolean writableAll() {
    return writableAll;
  }

  public boolean reusePort() {
    return reusePort;
  }
}
