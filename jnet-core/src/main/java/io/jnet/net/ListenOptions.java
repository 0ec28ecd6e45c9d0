package io.jnet.net;

import io.jnet.events.AbortSignal;

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
 * is a Linux abstract socket on epoll and io_uring; the JDK cannot bind those, so NIO refuses them
 * with {@code EINVAL}.
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
    c.signal = signal;
    c.fd = fd;
    c.reusePort = reusePort;
    return c;
  }

  /**
   * TCP options for {@code port}; 0 lets the system choose.
   *
   * @param port the port, 0 (OS-chosen) to 65535
   * @return new options
   */
  public static ListenOptions port(int port) {
    ListenOptions c = new ListenOptions();
    c.port = port;
    return c;
  }

  /**
   * IPC options for a Unix domain socket at {@code path}.
   *
   * @param path the IPC path
   * @return new options
   */
  public static ListenOptions path(String path) {
    if (path == null) throw ConnectOptions.invalidType("options.path", "string", "null");
    ListenOptions c = new ListenOptions();
    c.path = path;
    return c;
  }

  /**
   * The host to listen on: an IP address or a name to resolve first.
   *
   * @param host the address or name to listen on
   * @return a copy of these options with this one changed
   */
  public ListenOptions host(String host) {
    ListenOptions c = copy();
    c.host = host;
    return c;
  }

  /**
   * The length of the queue of pending connections (Node's default 511).
   *
   * @param backlog the length of the pending-connection queue
   * @return a copy of these options with this one changed
   */
  public ListenOptions backlog(int backlog) {
    ListenOptions c = copy();
    c.backlog = backlog;
    return c;
  }

  /**
   * Node's cluster switch; jnet has no cluster, so it changes nothing (kept for ports).
   *
   * @param exclusive ignored: jnet has no cluster
   * @return a copy of these options with this one changed
   */
  public ListenOptions exclusive(boolean exclusive) {
    ListenOptions c = copy();
    c.exclusive = exclusive;
    return c;
  }

  /**
   * Listen on IPv6 only, refusing IPv4-mapped connections on {@code ::}. Unlike Node, on the NIO
   * transport a server on {@code ::} still accepts IPv4: the JDK has no {@code IPV6_V6ONLY} option.
   *
   * @param ipv6Only whether to refuse IPv4-mapped connections
   * @return a copy of these options with this one changed
   */
  public ListenOptions ipv6Only(boolean ipv6Only) {
    ListenOptions c = copy();
    c.ipv6Only = ipv6Only;
    return c;
  }

  /**
   * IPC: make the socket file readable by all users (mode {@code 0444}, or {@code 0666} with {@link
   * #writableAll}); not with an abstract name ({@code ERR_INVALID_ARG_VALUE} at listen).
   *
   * @param readableAll whether all users may read the socket file
   * @return a copy of these options with this one changed
   */
  public ListenOptions readableAll(boolean readableAll) {
    ListenOptions c = copy();
    c.readableAll = readableAll;
    return c;
  }

  /**
   * IPC: make the socket file writable by all users (mode {@code 0222}, or {@code 0666} with {@link
   * #readableAll}); not with an abstract name ({@code ERR_INVALID_ARG_VALUE} at listen).
   *
   * @param writableAll whether all users may write the socket file
   * @return a copy of these options with this one changed
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
   *
   * @param reusePort whether to set {@code SO_REUSEPORT}
   * @return a copy of these options with this one changed
   */
  public ListenOptions reusePort(boolean reusePort) {
    ListenOptions c = copy();
    c.reusePort = reusePort;
    return c;
  }

  /**
   * The port, or -1 for IPC options.
   *
   * @return the port, or -1 when none was given
   */
  public int port() {
    return port;
  }

  /**
   * Whether a port was given (any value: {@code listen} checks its range).
   *
   * @return whether a port was given
   */
  public boolean hasPort() {
    return path == null;
  }

  /**
   * The IPC path, or null for TCP options.
   *
   * @return the IPC path, or null
   */
  public String path() {
    return path;
  }

  /**
   * The host, or null for all interfaces.
   *
   * @return the host, or null
   */
  public String host() {
    return host;
  }

  /**
   * The length of the pending-connection queue; 511 unless set, as in Node.
   *
   * @return the queue length
   */
  public int backlog() {
    return backlog;
  }

  /**
   * Node's cluster switch, as given; jnet has no cluster.
   *
   * @return the option's value
   */
  public boolean exclusive() {
    return exclusive;
  }

  /**
   * Whether an IPv6 listener refuses IPv4-mapped connections; false unless set.
   *
   * @return the option's value
   */
  public boolean ipv6Only() {
    return ipv6Only;
  }

  /**
   * Whether an IPC socket is made readable by all users; false unless set.
   *
   * @return the option's value
   */
  public boolean readableAll() {
    return readableAll;
  }

  /**
   * Whether an IPC socket is made writable by all users; false unless set.
   *
   * @return the option's value
   */
  public boolean writableAll() {
    return writableAll;
  }

  // signal (Node's AbortSignal option).

  private AbortSignal signal;

  /**
   * Node's {@code signal}: aborting it closes the server, as {@code server.close()} does. A signal
   * already aborted at the call lets the listen bind, then closes the server on the next tick,
   * before {@code 'listening'}, as in Node 24. Null (the default) is no signal.
   *
   * @param signal the signal, or null for none
   * @return a copy of these options with this one changed
   */
  public ListenOptions signal(AbortSignal signal) {
    ListenOptions c = copy();
    c.signal = signal;
    return c;
  }

  /**
   * The abort signal, or null.
   *
   * @return the signal, or null
   */
  public AbortSignal signal() {
    return signal;
  }

  // fd (Node's listen({fd})).

  private int fd = -1;

  /**
   * Listens on the socket of file descriptor {@code fd}, already bound and listening (systemd's
   * socket activation hands one over as descriptor 3), or bound only (it is then made to listen
   * with {@link #backlog}, as in Node 24): Node's {@code listen({fd})}. The server owns the
   * descriptor from then on and closes it on {@code close()}, or when its {@code listen(2)} fails
   * ({@code 'error'} with that errno: {@code listen EINVAL} for an unbound Unix socket). A
   * descriptor that is no stream socket is {@code 'error'} {@code listen EINVAL} and stays open, as
   * in Node 24. Only the epoll transport can adopt a descriptor: elsewhere {@code listen} throws
   * {@code ERR_FEATURE_UNAVAILABLE_ON_PLATFORM}, where Node has no such limit.
   *
   * @param fd the file descriptor, 0 or more
   * @return new options
   * @throws io.jnet.error.JnetException {@code ERR_INVALID_ARG_VALUE} for a negative {@code fd}, as
   *     Node's listen does
   */
  public static ListenOptions fd(int fd) {
    if (fd < 0) {
      throw io.jnet.error.JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The argument 'options' must have the property \"port\" or \"path\". Received { fd: "
              + fd
              + " }");
    }
    ListenOptions c = new ListenOptions();
    c.fd = fd;
    return c;
  }

  /**
   * The file descriptor to listen on, or -1.
   *
   * @return the file descriptor, or -1 for none
   */
  public int fd() {
    return fd;
  }

  /**
   * Whether {@code SO_REUSEPORT} is asked for.
   *
   * @return whether the option is set
   */
  public boolean reusePort() {
    return reusePort;
  }
}
