package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * Immutable options for {@code new Socket(options)}: Node's {@code net.Socket} constructor options.
 *
 * <p>{@code SocketOptions.defaults().allowHalfOpen(true)}; each refinement returns a new instance.
 */
public final class SocketOptions {
  private static final SocketOptions DEFAULTS = new SocketOptions();

  private boolean allowHalfOpen;
  private boolean readable = true;
  private boolean writable = true;
  private Integer highWaterMark;
  private Integer readableHighWaterMark;
  private Integer writableHighWaterMark;

  private SocketOptions() {}

  private SocketOptions copy() {
    SocketOptions c = new SocketOptions();
    c.allowHalfOpen = allowHalfOpen;
    c.readable = readable;
    c.writable = writable;
    c.highWaterMark = highWaterMark;
    c.readableHighWaterMark = readableHighWaterMark;
    c.writableHighWaterMark = writableHighWaterMark;
    return c;
  }

  /** Node's defaults: not half-open, readable and writable once connected. */
  public static SocketOptions defaults() {
    return DEFAULTS;
  }

  /** When true, the socket stays writable after the peer's end (no automatic {@code end()}). */
  public SocketOptions allowHalfOpen(boolean allowHalfOpen) {
    SocketOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /** Node's {@code readable}: only meaningful with a handle; kept for ports of Node code. */
  public SocketOptions readable(boolean readable) {
    SocketOptions c = copy();
    c.readable = readable;
    return c;
  }

  /** Node's {@code writable}: only meaningful with a handle; kept for ports of Node code. */
  public SocketOptions writable(boolean writable) {
    SocketOptions c = copy();
    c.writable = writable;
    return c;
  }

  /**
   * The stream high-water mark of both sides, in bytes (Node 24's default 64 KiB); it wins over
   * {@link #readableHighWaterMark(int)} and {@link #writableHighWaterMark(int)}, as in Node.
   */
  public SocketOptions highWaterMark(int bytes) {
    SocketOptions c = copy();
    c.highWaterMark = checkHighWaterMark("highWaterMark", bytes);
    return c;
  }

  /** Node's {@code readableHighWaterMark}: the readable side's high-water mark, in bytes. */
  public SocketOptions readableHighWaterMark(int bytes) {
    SocketOptions c = copy();
    c.readableHighWaterMark = checkHighWaterMark("readableHighWaterMark", bytes);
    return c;
  }

  /** Node's {@code writableHighWaterMark}: the writable side's high-water mark, in bytes. */
  public SocketOptions writableHighWaterMark(int bytes) {
    SocketOptions c = copy();
    c.writableHighWaterMark = checkHighWaterMark("writableHighWaterMark", bytes);
    return c;
  }

  /** Node's check of a high-water mark option: a negative one is invalid. */
  static int checkHighWaterMark(String name, int bytes) {
    if (bytes < 0) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The property 'options." + name + "' is invalid. Received " + bytes);
    }
    return bytes;
  }

  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  public boolean readable() {
    return readable;
  }

  public boolean writable() {
    return writable;
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
}
