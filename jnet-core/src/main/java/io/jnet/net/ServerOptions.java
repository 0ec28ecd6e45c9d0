package io.jnet.net;

/**
 * Immutable options for {@code Net.createServer(options)}: Node's server options object.
 *
 * <p>{@code ServerOptions.defaults().allowHalfOpen(true).pauseOnConnect(true)}; each refinement
 * returns a new instance. The socket options ({@code noDelay}, {@code keepAlive}...) apply to every
 * accepted connection.
 */
public final class ServerOptions {
  private static final ServerOptions DEFAULTS = new ServerOptions();

  private boolean allowHalfOpen;
  private boolean pauseOnConnect;
  private boolean noDelay;
  private boolean keepAlive;
  private int keepAliveInitialDelay;
  private int highWaterMark = -1;

  private ServerOptions() {}

  private ServerOptions copy() {
    ServerOptions c = new ServerOptions();
    c.blockList = blockList;
    c.allowHalfOpen = allowHalfOpen;
    c.pauseOnConnect = pauseOnConnect;
    c.noDelay = noDelay;
    c.keepAlive = keepAlive;
    c.keepAliveInitialDelay = keepAliveInitialDelay;
    c.highWaterMark = highWaterMark;
    return c;
  }

  /** Node's defaults: every option off. */
  public static ServerOptions defaults() {
    return DEFAULTS;
  }

  /** When true, accepted sockets stay writable after the peer's end. */
  public ServerOptions allowHalfOpen(boolean allowHalfOpen) {
    ServerOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /** When true, accepted sockets start paused: nothing is read until {@code resume()}. */
  public ServerOptions pauseOnConnect(boolean pauseOnConnect) {
    ServerOptions c = copy();
    c.pauseOnConnect = pauseOnConnect;
    return c;
  }

  /** Disables Nagle's algorithm on accepted sockets. */
  public ServerOptions noDelay(boolean noDelay) {
    ServerOptions c = copy();
    c.noDelay = noDelay;
    return c;
  }

  /** Enables TCP keep-alive on accepted sockets. */
  public ServerOptions keepAlive(boolean keepAlive) {
    ServerOptions c = copy();
    c.keepAlive = keepAlive;
    return c;
  }

  /** The idle time in milliseconds before the first keep-alive probe. */
  public ServerOptions keepAliveInitialDelay(int millis) {
    ServerOptions c = copy();
    c.keepAliveInitialDelay = millis;
    return c;
  }

  /**
   * The stream high-water mark of accepted sockets, in bytes. As in Node, the value is checked only
   * when a connection is accepted: a negative one then fails as an uncaught error.
   */
  public ServerOptions highWaterMark(int bytes) {
    ServerOptions c = copy();
    c.highWaterMark = bytes;
    return c;
  }

  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  public boolean pauseOnConnect() {
    return pauseOnConnect;
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

  /** The high-water mark in bytes, or -1 for the default. */
  public int highWaterMark() {
    return highWaterMark;
  }

  // blockList (Node 24).

  private BlockList blockList;

  /**
   * Node 24's {@code blockList}: a connection from an address the list blocks is closed as soon as
   * it is accepted, with no event (no {@code 'connection'}, no {@code 'drop'}), as in Node. The
   * list is read at each accept, so rules added later apply. Null (the default) blocks nothing.
   */
  public ServerOptions blockList(BlockList blockList) {
    ServerOptions c = copy();
    c.blockList = blockList;
    return c;
  }

  /** The block list, or null. */
  public BlockList blockList() {
    return blockList;
  }
}
