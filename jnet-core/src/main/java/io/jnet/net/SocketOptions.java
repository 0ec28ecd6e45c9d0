package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.events.AbortSignal;

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
    c.signal = signal;
    c.blockList = blockList;
    c.onread = onread;
    c.fd = fd;
    return c;
  }

  /**
   * Node's defaults: not half-open, readable and writable once connected.
   *
   * @return the default options
   */
  public static SocketOptions defaults() {
    return DEFAULTS;
  }

  /**
   * When true, the socket stays writable after the peer's end (no automatic {@code end()}).
   *
   * @param allowHalfOpen whether the writable side stays open after the peer's end
   * @return a copy of these options with this one changed
   */
  public SocketOptions allowHalfOpen(boolean allowHalfOpen) {
    SocketOptions c = copy();
    c.allowHalfOpen = allowHalfOpen;
    return c;
  }

  /**
   * Node's {@code readable}: with {@link #fd(int)}, false makes a socket that never reads, its
   * readable side over from the start ({@code readyState} 'writeOnly'), as in Node 24; without a
   * descriptor it changes nothing.
   *
   * @param readable Node's {@code readable} option
   * @return a copy of these options with this one changed
   */
  public SocketOptions readable(boolean readable) {
    SocketOptions c = copy();
    c.readable = readable;
    return c;
  }

  /**
   * Node's {@code writable}: with {@link #fd(int)}, false makes a socket whose writable side is
   * over from the start ({@code readyState} 'readOnly'; a write fails with {@code
   * ERR_STREAM_WRITE_AFTER_END}), as in Node 24; without a descriptor it changes nothing.
   *
   * @param writable Node's {@code writable} option
   * @return a copy of these options with this one changed
   */
  public SocketOptions writable(boolean writable) {
    SocketOptions c = copy();
    c.writable = writable;
    return c;
  }

  /**
   * The stream high-water mark of both sides, in bytes (Node 24's default 64 KiB); it wins over
   * {@link #readableHighWaterMark(int)} and {@link #writableHighWaterMark(int)}, as in Node.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public SocketOptions highWaterMark(int bytes) {
    SocketOptions c = copy();
    c.highWaterMark = checkHighWaterMark("highWaterMark", bytes);
    return c;
  }

  /**
   * Node's {@code readableHighWaterMark}: the readable side's high-water mark, in bytes.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
  public SocketOptions readableHighWaterMark(int bytes) {
    SocketOptions c = copy();
    c.readableHighWaterMark = checkHighWaterMark("readableHighWaterMark", bytes);
    return c;
  }

  /**
   * Node's {@code writableHighWaterMark}: the writable side's high-water mark, in bytes.
   *
   * @param bytes the high-water mark in bytes
   * @return a copy of these options with this one changed
   */
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

  /**
   * Whether the socket stays writable after the peer's end; false unless set.
   *
   * @return the option's value
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /**
   * Node's {@code readable} option, as given; true unless set.
   *
   * @return the option's value
   */
  public boolean readable() {
    return readable;
  }

  /**
   * Node's {@code writable} option, as given; true unless set.
   *
   * @return the option's value
   */
  public boolean writable() {
    return writable;
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

  // signal and blockList (Node 24's constructor options).

  private AbortSignal signal;
  private BlockList blockList;

  /**
   * Node's {@code signal}: aborting it destroys the socket with an {@code AbortError} ({@code
   * ABORT_ERR}, {@code "The operation was aborted"}, the signal's reason as its cause). A signal
   * already aborted destroys the socket on the next tick. Null (the default) is no signal.
   *
   * @param signal the signal, or null for none
   * @return a copy of these options with this one changed
   */
  public SocketOptions signal(AbortSignal signal) {
    SocketOptions c = copy();
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

  /**
   * Node 24's {@code blockList}: every {@code connect} of this socket refuses an address the list
   * blocks, with {@code ERR_IP_BLOCKED} (see {@link ConnectOptions#blockList}). Null (the default)
   * blocks nothing.
   *
   * @param blockList the block list, or null for none
   * @return a copy of these options with this one changed
   */
  public SocketOptions blockList(BlockList blockList) {
    SocketOptions c = copy();
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

  // onread (Node's reusable read buffer).

  private OnRead onread;

  /**
   * Node's {@code onread}; see {@link ConnectOptions#onread(io.jnet.buffer.Buffer,
   * OnRead.Callback)}.
   *
   * @param buffer the buffer each read fills, or what supplies it
   * @param callback receives each read
   * @return a copy of these options with this one changed
   */
  public SocketOptions onread(io.jnet.buffer.Buffer buffer, OnRead.Callback callback) {
    SocketOptions c = copy();
    c.onread = OnRead.of(buffer, callback);
    return c;
  }

  /**
   * Node's {@code onread} with a buffer function; see {@link ConnectOptions#onread}.
   *
   * @param buffer the buffer each read fills, or what supplies it
   * @param callback receives each read
   * @return a copy of these options with this one changed
   */
  public SocketOptions onread(
      java.util.function.Supplier<io.jnet.buffer.Buffer> buffer, OnRead.Callback callback) {
    SocketOptions c = copy();
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

  SocketOptions onread(OnRead onread) {
    SocketOptions c = copy();
    c.onread = onread;
    return c;
  }

  // fd (Node's new net.Socket({fd})).

  private int fd = -1;

  /**
   * Node's {@code fd}: the socket adopts the connected stream socket of file descriptor {@code fd}
   * (one a parent process or systemd handed over) instead of connecting: it is open at once and
   * reads from it, and owns the descriptor from then on. A descriptor bound but not connected yet
   * is connected itself by {@link Socket#connect(ConnectOptions)}, as in Node (a TCP one keeps its
   * bound port); the socket closes it when it closes, connected or not. Unlike Node, whose read of
   * a TCP descriptor not connected yet fails ({@code read ENOTCONN}) while a host name is looked
   * up, jnet waits for the connect; without a {@code connect()} in the call's loop turn, its read
   * fails as in Node ({@code read ENOTCONN}, {@code read EINVAL} for a Unix socket). A connect of
   * the other kind than the descriptor, or of one listening or connected already, answers as libuv
   * does in Node 24 (a Unix socket given an IP address connects the path the address names; a TCP
   * one given a path fails with {@code EINVAL}). A descriptor that is no stream socket makes the
   * constructor throw {@code ERR_INVALID_FD_TYPE} ({@code Unsupported fd type: FILE}, {@code TTY},
   * {@code UNKNOWN}), as in Node 24, and stays the caller's; so does one a socket adopted already
   * ({@code open EEXIST}). Unlike Node, which adopts a pipe or FIFO as a pipe socket, jnet refuses
   * it ({@code Unsupported fd type: PIPE}): Netty's epoll channels read with socket calls only.
   * Only the epoll transport can adopt a descriptor: elsewhere the constructor throws {@code
   * ERR_FEATURE_UNAVAILABLE_ON_PLATFORM}, where Node has no such limit, and leaves the descriptor
   * to its caller.
   *
   * @param fd the file descriptor, 0 or more
   * @return a copy of these options with this one changed
   * @throws JnetException {@code ERR_OUT_OF_RANGE} for a negative {@code fd}, as Node's constructor
   */
  public SocketOptions fd(int fd) {
    SocketOptions c = copy();
    c.fd = checkFd(fd);
    return c;
  }

  /** Node's check of {@code fd}: {@code ERR_OUT_OF_RANGE} for a negative one. */
  static int checkFd(int fd) {
    if (fd < 0) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"fd\" is out of range. It must be >= 0 && <= 2147483647. Received " + fd);
    }
    return fd;
  }

  /**
   * The file descriptor to adopt, or -1.
   *
   * @return the file descriptor, or -1 for none
   */
  public int fd() {
    return fd;
  }
}
