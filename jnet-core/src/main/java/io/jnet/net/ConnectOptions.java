package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * Immutable options for {@code Net.connect} and {@code socket.connect}: Node's {@code
 * socket.connect(options)} object.
 *
 * <p>Start from {@link #port(int)} (TCP) or {@link #path(String)} (IPC) and refine: {@code
 * ConnectOptions.port(80).host("example.org").noDelay(true)}. Each refinement returns a new
 * instance. A port out of range is rejected when the options are used, with Node's {@code
 * ERR_SOCKET_BAD_PORT}, as Node does.
 */
public final class ConnectOptions {
  private Integer port;
  private String path;
  private String host = "localhost";
  private String localAddress;
  private int localPort;
  private int family;
  private boolean noDelay;
  private boolean keepAlive;
  private int keepAliveInitialDelay;
  private long timeout;
  private boolean allowHalfOpen;
  private Boolean autoSelectFamily;
  private Integer autoSelectFamilyAttemptTimeout;
  private Integer highWaterMark;
  private Integer readableHighWaterMark;
  private Integer writableHighWaterMark;
  private Lookup lookup;

  private ConnectOptions() {}

  private ConnectOptions copy() {
    ConnectOptions c = new ConnectOptions();
    c.blockList = blockList;
    c.signal = signal;
    c.onread = onread;
    c.fd = fd;
    c.port = port;
    c.path = path;
    c.host = host;
    c.localAddress = localAddress;
    c.localPort = localPort;
    c.family = family;
    c.noDelay = noDelay;
    c.keepAlive = keepAlive;
    c.keepAliveInitialDelay = keepAliveInitialDelay;
    c.timeout = timeout;
    c.allowHalfOpen = allowHalfOpen;
    c.autoSelectFamily = autoSelectFamily;
    c.autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeout;
    c.highWaterMark = highWaterMark;
    c.readableHighWaterMark = readableHighWaterMark;
    c.writableHighWaterMark = writableHighWaterMark;
    c.lookup = lookup;
    return c;
  }

  /**
   * TCP options for {@code port} on {@code localhost}.
   *
   * @param port the port, 0 to 65535
   * @return new options
   */
  public static ConnectOptions port(int port) {
    ConnectOptions c = new ConnectOptions();
    c.port = port;
    return c;
  }

  /**
   * IPC options for the Unix domain socket (or pipe) at {@code path}.
   *
   * @param path the IPC path
   * @return new options
   */
  public static ConnectOptions path(String path) {
    if (path == null) throw invalidType("options.path", "string", "null");
    ConnectOptions c = new ConnectOptions();
    c.path = path;
    return c;
  }

  /**
   * The host to connect to: a name to resolve or an IP address. Default {@code localhost}; null or
   * the empty string mean {@code localhost} too, as Node reads {@code host: null} and {@code ''}.
   *
   * @param host the host name or IP address
   * @return a copy of these options with this one changed
   */
  public ConnectOptions host(String host) {
    ConnectOptions c = copy();
    c.host = host == null || host.isEmpty() ? "localhost" : host;
    return c;
  }

  /**
   * The local address to bind before connecting.
   *
   * @param localAddress the local IP address
   * @return a copy of these options with this one changed
   */
  public ConnectOptions localAddress(String localAddress) {
    ConnectOptions c = copy();
    c.localAddress = localAddress;
    return c;
  }

  /**
   * The local port to bind before connecting; 0 lets the system choose.
   *
   * @param localPort the local port
   * @return a copy of these options with this one changed
   */
  public ConnectOptions localPort(int localPort) {
    ConnectOptions c = copy();
    c.localPort = localPort;
    return c;
  }

  /**
   * The IP family to resolve the host to: 0 (either), 4 or 6.
   *
   * @param family the family: 0, 4 or 6
   * @return a copy of these options with this one changed
   */
  public ConnectOptions family(int family) {
    // Checked at connect, and only for a name to look up, as Node does.
    ConnectOptions c = copy();
    c.family = family;
    return c;
  }

  /**
   * Disables Nagle's algorithm once connected.
   *
   * @param noDelay whether to disable Nagle's algorithm
   * @return a copy of these options with this one changed
   */
  public ConnectOptions noDelay(boolean noDelay) {
    ConnectOptions c = copy();
    c.noDelay = noDelay;
    return c;
  }

  /**
   * Enables TCP keep-alive once connected.
   *
   * @param keepAlive whether to enable TCP keep-alive
   * @return a copy of these options with this one changed
   */
  public ConnectOptions keepAlive(boolean keepAlive) {
    ConnectOptions c = copy();
    c.keepAlive = keepAlive;
    return c;
  }

  /**
   * The idle time in milliseconds before the first keep-alive probe.
   *
   * @param millis the time in milliseconds
   * @return a copy of these options with this one changed
   */
  public ConnectOptions keepAliveInitialDelay(int millis) {
    ConnectOptions c = copy();
    c.keepAliveInitialDelay = millis;
    return c;
  }

  /**
   * Calls {@code socket.setTimeout(millis)} before connecting; 0 disables.
   *
   * @param millis the time in milliseconds
   * @return a copy of these options with this one changed
   */
  public ConnectOptions timeout(long millis) {
    ConnectOptions c = copy();
    c.timeout = millis;
    return c;
  }

  /**
   * When true, the socket stays writable after the peer's end (no automatic {@code end()}).
   *
   * @param allowHalfOpen whether the writable side stays open after the peer's end
   * @return a copy of these options with this one changed
   */
  public ConnectOptions allowHalfOpen(boolean allowHalfOpen) {
    ConnectOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /**
   * Node's Happy Eyeballs switch; unset means {@code Net.getDefaultAutoSelectFamily()}.
   *
   * @param autoSelectFamily whether to race the addresses of both families
   * @return a copy of these options with this one changed
   */
  public ConnectOptions autoSelectFamily(boolean autoSelectFamily) {
    ConnectOptions c = copy();
    c.autoSelectFamily = autoSelectFamily;
    return c;
  }

  /**
   * How long one Happy Eyeballs attempt may take, in milliseconds: below 1, {@code connect} throws
   * {@code ERR_OUT_OF_RANGE}; below 10, it waits 10, as Node does.
   *
   * @param millis the time in milliseconds
   * @return a copy of these options with this one changed
   */
  public ConnectOptions autoSelectFamilyAttemptTimeout(int millis) {
    ConnectOptions c = copy();
    c.autoSelectFamilyAttemptTimeout = millis;
    return c;
  }

  /**
   * The stream high-water mark of both sides, in bytes; it wins over {@link
   * #readableHighWaterMark(int)} and {@link #writableHighWaterMark(int)}, as in Node.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public ConnectOptions highWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.highWaterMark = SocketOptions.checkHighWaterMark("highWaterMark", bytes);
    return c;
  }

  /**
   * Node's {@code readableHighWaterMark}: the readable side's high-water mark, in bytes.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public ConnectOptions readableHighWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.readableHighWaterMark = SocketOptions.checkHighWaterMark("readableHighWaterMark", bytes);
    return c;
  }

  /**
   * Node's {@code writableHighWaterMark}: the writable side's high-water mark, in bytes.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public ConnectOptions writableHighWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.writableHighWaterMark = SocketOptions.checkHighWaterMark("writableHighWaterMark", bytes);
    return c;
  }

  /**
   * Resolves names with {@code lookup} instead of the system resolver: Node's {@code lookup}.
   *
   * @param lookup the resolver
   * @return a copy of these options with this one changed
   */
  public ConnectOptions lookup(Lookup lookup) {
    ConnectOptions c = copy();
    c.lookup = lookup;
    return c;
  }

  /**
   * The resolver given with {@link #lookup(Lookup)}, or null for the system's.
   *
   * @return the resolver, or null
   */
  public Lookup lookup() {
    return lookup;
  }

  /**
   * The port, or null for IPC options.
   *
   * @return the port, or null for IPC options
   */
  public Integer port() {
    return port;
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
   * The host to connect to; {@code localhost} unless set.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The local address to bind, or null for none.
   *
   * @return the local address, or null
   */
  public String localAddress() {
    return localAddress;
  }

  /**
   * The local port to bind; 0 lets the system choose.
   *
   * @return the local port
   */
  public int localPort() {
    return localPort;
  }

  /**
   * The IP family to resolve to: 0 (either, the default), 4 or 6.
   *
   * @return the family
   */
  public int family() {
    return family;
  }

  /**
   * Whether Nagle's algorithm is disabled once connected; false unless set.
   *
   * @return the option's value
   */
  public boolean noDelay() {
    return noDelay;
  }

  /**
   * Whether TCP keep-alive is enabled once connected; false unless set.
   *
   * @return the option's value
   */
  public boolean keepAlive() {
    return keepAlive;
  }

  /**
   * The idle time in milliseconds before the first keep-alive probe; 0 unless set.
   *
   * @return the delay in milliseconds
   */
  public int keepAliveInitialDelay() {
    return keepAliveInitialDelay;
  }

  /**
   * The idle timeout in milliseconds set before connecting; 0 (none) unless set.
   *
   * @return the timeout in milliseconds
   */
  public long timeout() {
    return timeout;
  }

  /**
   * Whether the socket stays writable after the peer's end; false unless set.
   *
   * @return the option's value
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /**
   * Whether Happy Eyeballs is on for these options, or null for the default.
   *
   * @return whether Happy Eyeballs is on, or null for the default
   */
  public Boolean autoSelectFamily() {
    return autoSelectFamily;
  }

  /**
   * The attempt timeout in milliseconds, or null for the default.
   *
   * @return the timeout in milliseconds, or null for the default
   */
  public Integer autoSelectFamilyAttemptTimeout() {
    return autoSelectFamilyAttemptTimeout;
  }

  /**
   * The high-water mark of both sides in bytes, or null when not set.
   *
   * @return the high-water mark in bytes, or null
   */
  public Integer highWaterMark() {
    return highWaterMark;
  }

  /**
   * The readable side's high-water mark in bytes, or null when not set.
   *
   * @return the high-water mark in bytes, or null
   */
  public Integer readableHighWaterMark() {
    return readableHighWaterMark;
  }

  /**
   * The writable side's high-water mark in bytes, or null when not set.
   *
   * @return the high-water mark in bytes, or null
   */
  public Integer writableHighWaterMark() {
    return writableHighWaterMark;
  }

  /** The constructor options of the socket these options connect: Node passes them on. */
  SocketOptions socketOptions() {
    SocketOptions so = SocketOptions.defaults().allowHalfOpen(allowHalfOpen);
    if (highWaterMark != null) so = so.highWaterMark(highWaterMark);
    if (readableHighWaterMark != null) so = so.readableHighWaterMark(readableHighWaterMark);
    if (writableHighWaterMark != null) so = so.writableHighWaterMark(writableHighWaterMark);
    return so;
  }

  static JnetException invalidType(String name, String expected, String received) {
    return JnetException.typeError(
        "ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" property must be of type " + expected + ". Received " + received);
  }

  // blockList (Node 24).

  private BlockList blockList;

  /**
   * Node 24's {@code blockList}, a socket option: {@code Net.connect} gives it to the socket it
   * makes, and {@code socket.connect(options)} ignores it, as in Node 24 (give it to {@link
   * SocketOptions#blockList} instead): an address the list blocks is never connected to. With one
   * address the socket emits {@code 'connectionAttempt'}, then is destroyed with {@code
   * ERR_IP_BLOCKED}; in a family race the address counts as a failed attempt ({@code
   * 'connectionAttemptFailed'} with that error) and the next one is tried. Null (the default)
   * blocks nothing.
   *
   * @param blockList the block list, or null for none
   * @return a copy of these options with this one changed
   */
  public ConnectOptions blockList(BlockList blockList) {
    ConnectOptions c = copy();
    c.blockList = blockList;
    return c;
  }

  /**
   * The block list, or null.
   *
   * @return the block list, or null
   */
  public BlockList blockList() {
    return blockList;
  }

  // signal (Node's AbortSignal option).

  private io.jnet.events.AbortSignal signal;

  /**
   * Node's {@code signal}, a socket option: {@code Net.connect} gives it to the socket it makes
   * (see {@link SocketOptions#signal}), and {@code socket.connect(options)} ignores it, as in Node
   * 24. Aborting it destroys the socket with an {@code AbortError} ({@code ABORT_ERR}). Unlike Node
   * 24, which emits that error for a signal already aborted and then connects all the same, jnet
   * destroys the socket on the next tick and never connects.
   *
   * @param signal the signal, or null for none
   * @return a copy of these options with this one changed
   */
  public ConnectOptions signal(io.jnet.events.AbortSignal signal) {
    ConnectOptions c = copy();
    c.signal = signal;
    return c;
  }

  /**
   * The abort signal, or null.
   *
   * @return the signal, or null
   */
  public io.jnet.events.AbortSignal signal() {
    return signal;
  }

  // onread (Node's reusable read buffer).

  private OnRead onread;

  /**
   * Node's {@code onread}, a socket option ({@code Net.connect} gives it to the socket it makes,
   * {@code socket.connect(options)} ignores it, as in Node 24): every read lands in {@code buffer},
   * reused, and is handed to {@code callback} with the number of bytes read, instead of being
   * emitted as {@code 'data'}. A callback that returns false stops reading until {@code resume()}
   * or {@code read(0)}. As in Node, {@code 'end'} and {@code 'close'} are emitted as usual, and the
   * bytes in {@code buffer} are valid only during the call; see {@link OnRead}. Unlike Node, which
   * checks nothing here, a null buffer or callback throws {@code ERR_INVALID_ARG_TYPE} at once.
   *
   * @param buffer the buffer each read fills, or what supplies it
   * @param callback receives each read
   * @return a copy of these options with this one changed
   */
  public ConnectOptions onread(io.jnet.buffer.Buffer buffer, OnRead.Callback callback) {
    ConnectOptions c = copy();
    c.onread = OnRead.of(buffer, callback);
    return c;
  }

  /**
   * Node's {@code onread} with a buffer function: {@code buffer} is asked for the buffer of each
   * read (it may hand out the same one each time).
   *
   * @param buffer the buffer each read fills, or what supplies it
   * @param callback receives each read
   * @return a copy of these options with this one changed
   */
  public ConnectOptions onread(
      java.util.function.Supplier<io.jnet.buffer.Buffer> buffer, OnRead.Callback callback) {
    ConnectOptions c = copy();
    c.onread = OnRead.of(buffer, callback);
    return c;
  }

  /**
   * The onread option, or null.
   *
   * @return the onread option, or null
   */
  public OnRead onread() {
    return onread;
  }

  // fd (Node's new net.Socket({fd}) through net.connect).

  private int fd = -1;

  /**
   * Node's {@code fd}, a socket option: {@code Net.connect} gives it to the socket it makes (see
   * {@link SocketOptions#fd}), which then connects that descriptor (one bound but not connected
   * yet) to this port or path, as Node's {@code net.connect({fd, path})}; {@code
   * socket.connect(options)} ignores it. Only the epoll transport can adopt a descriptor: elsewhere
   * {@code Net.connect} throws {@code ERR_FEATURE_UNAVAILABLE_ON_PLATFORM}, where Node has no such
   * limit.
   *
   * @param fd the file descriptor, 0 or more
   * @return a copy of these options with this one changed
   * @throws JnetException {@code ERR_OUT_OF_RANGE} for a negative {@code fd}, as Node's constructor
   */
  public ConnectOptions fd(int fd) {
    ConnectOptions c = copy();
    c.fd = SocketOptions.checkFd(fd);
    return c;
  }

  /**
   * The file descriptor the socket adopts, or -1.
   *
   * @return the file descriptor, or -1 for none
   */
  public int fd() {
    return fd;
  }
}
