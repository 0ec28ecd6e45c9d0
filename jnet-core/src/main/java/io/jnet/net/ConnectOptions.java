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

  /** TCP options for {@code port} on {@code localhost}. */
  public static ConnectOptions port(int port) {
    ConnectOptions c = new ConnectOptions();
    c.port = port;
    return c;
  }

  /** IPC options for the Unix domain socket (or pipe) at {@code path}. */
  public static ConnectOptions path(String path) {
    if (path == null) throw invalidType("options.path", "string", "null");
    ConnectOptions c = new ConnectOptions();
    c.path = path;
    return c;
  }

  /**
   * The host to connect to: a name to resolve or an IP address. Default {@code localhost}; null or
   * the empty string mean {@code localhost} too, as Node reads {@code host: null} and {@code ''}.
   */
  public ConnectOptions host(String host) {
    ConnectOptions c = copy();
    c.host = host == null || host.isEmpty() ? "localhost" : host;
    return c;
  }

  /** The local address to bind before connecting. */
  public ConnectOptions localAddress(String localAddress) {
    ConnectOptions c = copy();
    c.localAddress = localAddress;
    return c;
  }

  /** The local port to bind before connecting; 0 lets the system choose. */
  public ConnectOptions localPort(int localPort) {
    ConnectOptions c = copy();
    c.localPort = localPort;
    return c;
  }

  /** The IP family to resolve the host to: 0 (either), 4 or 6. */
  public ConnectOptions family(int family) {
    // Checked at connect, and only for a name to look up, as Node does.
    ConnectOptions c = copy();
    c.family = family;
    return c;
  }

  /** Disables Nagle's algorithm once connected. */
  public ConnectOptions noDelay(boolean noDelay) {
    ConnectOptions c = copy();
    c.noDelay = noDelay;
    return c;
  }

  /** Enables TCP keep-alive once connected. */
  public ConnectOptions keepAlive(boolean keepAlive) {
    ConnectOptions c = copy();
    c.keepAlive = keepAlive;
    return c;
  }

  /** The idle time in milliseconds before the first keep-alive probe. */
  public ConnectOptions keepAliveInitialDelay(int millis) {
    ConnectOptions c = copy();
    c.keepAliveInitialDelay = millis;
    return c;
  }

  /** Calls {@code socket.setTimeout(millis)} before connecting; 0 disables. */
  public ConnectOptions timeout(long millis) {
    ConnectOptions c = copy();
    c.timeout = millis;
    return c;
  }

  /** When true, the socket stays writable after the peer's end (no automatic {@code end()}). */
  public ConnectOptions allowHalfOpen(boolean allowHalfOpen) {
    ConnectOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /** Node's Happy Eyeballs switch; unset means {@code Net.getDefaultAutoSelectFamily()}. */
  public ConnectOptions autoSelectFamily(boolean autoSelectFamily) {
    ConnectOptions c = copy();
    c.autoSelectFamily = autoSelectFamily;
    return c;
  }

  /**
   * How long one Happy Eyeballs attempt may take, in milliseconds: below 1, {@code connect} throws
   * {@code ERR_OUT_OF_RANGE}; below 10, it waits 10, as Node does.
   */
  public ConnectOptions autoSelectFamilyAttemptTimeout(int millis) {
    ConnectOptions c = copy();
    c.autoSelectFamilyAttemptTimeout = millis;
    return c;
  }

  /**
   * The stream high-water mark of both sides, in bytes; it wins over {@link
   * #readableHighWaterMark(int)} and {@link #writableHighWaterMark(int)}, as in Node.
   */
  public ConnectOptions highWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.highWaterMark = SocketOptions.checkHighWaterMark("highWaterMark", bytes);
    return c;
  }

  /** Node's {@code readableHighWaterMark}: the readable side's high-water mark, in bytes. */
  public ConnectOptions readableHighWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.readableHighWaterMark = SocketOptions.checkHighWaterMark("readableHighWaterMark", bytes);
    return c;
  }

  /** Node's {@code writableHighWaterMark}: the writable side's high-water mark, in bytes. */
  public ConnectOptions writableHighWaterMark(int bytes) {
    ConnectOptions c = copy();
    c.writableHighWaterMark = SocketOptions.checkHighWaterMark("writableHighWaterMark", bytes);
    return c;
  }

  /** Resolves names with {@code lookup} instead of the system resolver: Node's {@code lookup}. */
  public ConnectOptions lookup(Lookup lookup) {
    ConnectOptions c = copy();
    c.lookup = lookup;
    return c;
  }

  /** The resolver given with {@link #lookup(Lookup)}, or null for the system's. */
  public Lookup lookup() {
    return lookup;
  }

  /** The port, or null for IPC options. */
  public Integer port() {
    return port;
  }

  /** The IPC path, or null for TCP options. */
  public String path() {
    return path;
  }

  public String host() {
    return host;
  }

  public String localAddress() {
    return localAddress;
  }

  public int localPort() {
    return localPort;
  }

  public int family() {
    return family;
  }

  public boolean noDelay() {
    return noDelay;
  }

  public boolean keepAlive() {
    return keepAlive;
  }

  public int keepAliveInitialDelay() {
    return keepAliveInitialDelay;
  }

  public long timeout() {
    return timeout;
  }

  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /** Whether Happy Eyeballs is on for these options, or null for the default. */
  public Boolean autoSelectFamily() {
    return autoSelectFamily;
  }

  /** The attempt timeout in milliseconds, or null for the default. */
  public Integer autoSelectFamilyAttemptTimeout() {
    return autoSelectFamilyAttemptTimeout;
  }

  /** The high-water mark of both sides in bytes, or null when not set. */
  public Integer highWaterMark() {
    return highWaterMark;
  }

  /** The readable side's high-water mark in bytes, or null when not set. */
  public Integer readableHighWaterMark() {
    return readableHighWaterMark;
  }

  /** The writable side's high-water mark in bytes, or null when not set. */
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
   * Node 24's {@code blockList}: an address the list blocks is never connected to. With one address
   * the socket emits {@code 'connectionAttempt'}, then is destroyed with {@code ERR_IP_BLOCKED}; in
   * a family race the address counts as a failed attempt ({@code 'connectionAttemptFailed'} with
   * that error) and the next one is tried. Null (the default) blocks nothing.
   */
  public ConnectOptions blockList(BlockList blockList) {
    ConnectOptions c = copy();
    c.blockList = blockList;
    return c;
  }

  /** The block list, or null. */
  public BlockList blockList() {
    return blockList;
  }
}
