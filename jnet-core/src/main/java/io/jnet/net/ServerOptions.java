package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.loop.EventLoops;

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
    c.loopCount = loopCount;
    c.loops = loops;
    return c;
  }

  /**
   * Node's defaults: every option off.
   *
   * @return the default options
   */
  public static ServerOptions defaults() {
    return DEFAULTS;
  }

  /**
   * When true, accepted sockets stay writable after the peer's end.
   *
   * @param allowHalfOpen whether the writable side stays open after the peer's end
   * @return a copy of these options with this one changed
   */
  public ServerOptions allowHalfOpen(boolean allowHalfOpen) {
    ServerOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /**
   * When true, accepted sockets start paused: nothing is read until {@code resume()}.
   *
   * @param pauseOnConnect whether accepted sockets start paused
   * @return a copy of these options with this one changed
   */
  public ServerOptions pauseOnConnect(boolean pauseOnConnect) {
    ServerOptions c = copy();
    c.pauseOnConnect = pauseOnConnect;
    return c;
  }

  /**
   * Disables Nagle's algorithm on accepted sockets.
   *
   * @param noDelay whether to disable Nagle's algorithm
   * @return a copy of these options with this one changed
   */
  public ServerOptions noDelay(boolean noDelay) {
    ServerOptions c = copy();
    c.noDelay = noDelay;
    return c;
  }

  /**
   * Enables TCP keep-alive on accepted sockets.
   *
   * @param keepAlive whether to enable TCP keep-alive
   * @return a copy of these options with this one changed
   */
  public ServerOptions keepAlive(boolean keepAlive) {
    ServerOptions c = copy();
    c.keepAlive = keepAlive;
    return c;
  }

  /**
   * The idle time in milliseconds before the first keep-alive probe.
   *
   * @param millis the time in milliseconds
   * @return a copy of these options with this one changed
   */
  public ServerOptions keepAliveInitialDelay(int millis) {
    ServerOptions c = copy();
    c.keepAliveInitialDelay = millis;
    return c;
  }

  /**
   * The stream high-water mark of accepted sockets, in bytes. As in Node, the value is checked only
   * when a connection is accepted: a negative one then fails as an uncaught error.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public ServerOptions highWaterMark(int bytes) {
    ServerOptions c = copy();
    c.highWaterMark = bytes;
    return c;
  }

  /**
   * Whether accepted sockets stay writable after the peer's end; false unless set.
   *
   * @return the option's value
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /**
   * Whether accepted sockets start paused; false unless set.
   *
   * @return the option's value
   */
  public boolean pauseOnConnect() {
    return pauseOnConnect;
  }

  /**
   * Whether accepted sockets disable Nagle's algorithm; false unless set.
   *
   * @return the option's value
   */
  public boolean noDelay() {
    return noDelay;
  }

  /**
   * Whether accepted sockets enable TCP keep-alive; false unless set.
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
   * The high-water mark in bytes, or -1 for the default.
   *
   * @return the high-water mark in bytes, or -1 for the default
   */
  public int highWaterMark() {
    return highWaterMark;
  }

  // blockList (Node 24).

  private BlockList blockList;

  /**
   * Node 24's {@code blockList}: a connection from an address the list blocks is closed as soon as
   * it is accepted, with no event (no {@code 'connection'}, no {@code 'drop'}), as in Node. The
   * list is read at each accept, so rules added later apply. Null (the default) blocks nothing.
   *
   * @param blockList the block list, or null for none
   * @return a copy of these options with this one changed
   */
  public ServerOptions blockList(BlockList blockList) {
    ServerOptions c = copy();
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

  // loops (a jnet extra).

  private int loopCount = 1;
  private EventLoops loops;

  /**
   * Spreads the accepted connections over {@code n} loops, so that one server uses {@code n} cores:
   * the default loop and {@code n - 1} loops of jnet's shared set ({@link EventLoops#shared}). 1,
   * the default, is Node's model: every connection on the server's own loop. See {@link
   * #loops(EventLoops)} for what this changes.
   *
   * @throws JnetException {@code ERR_OUT_OF_RANGE} when {@code n < 1}
   * @param n how many loops, 1 or more
   * @return a copy of these options with this one changed
   */
  public ServerOptions loops(int n) {
    if (n < 1) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"loops\" is out of range. It must be >= 1. Received " + n);
    }
    ServerOptions c = copy();
    c.loopCount = n;
    c.loops = null;
    return c;
  }

  /**
   * Spreads the accepted connections over the loops of {@code group} (a jnet extra; null: the
   * server's own loop only, Node's model). The server still accepts on its own loop and emits its
   * own events there ({@code 'listening'}, {@code 'drop'}, {@code 'error'}, {@code 'close'}); each
   * accepted socket goes to the next loop of the group in turn, lives there for good, and its
   * {@code 'connection'} is emitted there. See {@link Server} for what listeners may assume.
   *
   * @param group the loops to spread connections over
   * @return a copy of these options with this one changed
   */
  public ServerOptions loops(EventLoops group) {
    ServerOptions c = copy();
    c.loops = group;
    c.loopCount = group == null ? 1 : group.size();
    return c;
  }

  /**
   * The loops connections are spread over, or null for the server's own loop only (the default, and
   * {@code loops(1)}).
   *
   * @return the group of loops, or null for the server's own loop only
   */
  public EventLoops loops() {
    if (loops != null) return loops;
    return loopCount > 1 ? EventLoops.shared(loopCount) : null;
  }
}
