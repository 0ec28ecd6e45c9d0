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
  private int highWaterMark = -1;

  private SocketOptions() {}

  private SocketOptions copy() {
    SocketOptions c = new SocketOptions();
    c.allowHalfOpen = allowHalfOpen;
    c.readable = readable;
    c.writable = writable;
    c.highWaterMark = highWaterMark;
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

  /** The stream high-water mark of both sides, in bytes (Node 24's default 64 KiB). */
  public SocketOptions highWaterMark(int bytes) {
    if (bytes < 0) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The property 'options.highWaterMark' is invalid. Received " + bytes);
    }
    SocketOptions c = copy();
    c.highWaterMark = bytes;
    return c;
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

  /** The high-water mark in bytes, or -1 for the default. */
  public int highWaterMark() {
    return highWaterMark;
  }
}
