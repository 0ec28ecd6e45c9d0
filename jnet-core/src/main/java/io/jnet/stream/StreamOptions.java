package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.loop.EventLoop;
import java.util.List;

/**
 * Immutable options for every kind of stream: Node's {@code new Readable(options)}, {@code new
 * Writable(options)} and {@code new Duplex(options)} object, implementations included.
 *
 * <p>Start from {@link #defaults()} and refine; each refinement returns a new instance: {@code
 * StreamOptions.defaults().highWaterMark(1024).allowHalfOpen(false)}. The implementation hooks
 * ({@link #read}, {@link #write}, {@link #writev}, {@link #finalHook}, {@link #destroy}, {@link
 * #construct}, {@link #transform}, {@link #flush}) play the role of Node's {@code options.read} and
 * friends: they make a stream from lambdas without a subclass. A subclass that overrides the
 * matching {@code _read}/{@code _write}... method wins over the option.
 *
 * <p>Defaults are Node 24's: a high-water mark of 64 KiB on each side (16 KiB before Node 22),
 * {@code allowHalfOpen}, {@code readable}, {@code writable}, {@code autoDestroy}, {@code emitClose}
 * and {@code decodeStrings} true, default encoding UTF-8, no read encoding. Object mode is out of
 * scope.
 */
public final class StreamOptions {
  /** Node 24's {@code getDefaultHighWaterMark(false)}: 64 KiB (16 KiB before Node 22). */
  public static final int DEFAULT_HIGH_WATER_MARK = 64 * 1024;

  private static final StreamOptions DEFAULTS = new StreamOptions();

  /** A Readable's {@code _read(size)}: push data into {@code stream}. */
  @FunctionalInterface
  public interface ReadHook {
    /**
     * Pushes about {@code size} bytes into {@code stream}, now or later.
     *
     * @param stream the stream to push into
     * @param size how many bytes the stream asks for
     */
    void read(Readable stream, int size);
  }

  /** A Writable's {@code _write(chunk, callback)}. */
  @FunctionalInterface
  public interface WriteHook {
    /**
     * Writes {@code chunk}.
     *
     * @param chunk the bytes to write
     * @param callback call once when the chunk is written, or with the error
     */
    void write(Buffer chunk, Callback callback);
  }

  /** A Writable's {@code _writev(chunks, callback)}: one batch of buffered chunks. */
  @FunctionalInterface
  public interface WritevHook {
    /**
     * Writes {@code chunks} in one go.
     *
     * @param chunks the buffered chunks, in write order
     * @param callback call once when every chunk is written, or with the error
     */
    void writev(List<Buffer> chunks, Callback callback);
  }

  /** A hook that only completes: {@code _final(callback)}, {@code _construct(callback)}. */
  @FunctionalInterface
  public interface CallbackHook {
    /**
     * Does the hook's work.
     *
     * @param callback call once when done, or with the error
     */
    void run(Callback callback);
  }

  /** A stream's {@code _destroy(err, callback)}. */
  @FunctionalInterface
  public interface DestroyHook {
    /**
     * Releases the stream's resources.
     *
     * @param error the error the stream is destroyed with, or null
     * @param callback call once when done, with the error to emit (or null)
     */
    void destroy(JnetException error, Callback callback);
  }

  /** A Transform's {@code _transform(chunk, callback)}: push output into {@code stream}. */
  @FunctionalInterface
  public interface TransformHook {
    /**
     * Transforms {@code chunk}, pushing any output into {@code stream}.
     *
     * @param stream the stream to push into
     * @param chunk the bytes written
     * @param callback call once when {@code chunk} is processed, or with the error
     */
    void transform(Transform stream, Buffer chunk, Callback callback);
  }

  /** A Transform's {@code _flush(callback)}: push the last output into {@code stream}. */
  @FunctionalInterface
  public interface FlushHook {
    /**
     * Pushes the last output into {@code stream}, after the last write.
     *
     * @param stream the stream to push into
     * @param callback call once when done, or with the error
     */
    void flush(Transform stream, Callback callback);
  }

  int highWaterMark = -1;
  int readableHighWaterMark = -1;
  int writableHighWaterMark = -1;
  boolean allowHalfOpen = true;
  boolean readable = true;
  boolean writable = true;
  boolean autoDestroy = true;
  boolean emitClose = true;
  boolean decodeStrings = true;
  String defaultEncoding = "utf8";
  String encoding;
  ReadHook read;
  WriteHook write;
  WritevHook writev;
  CallbackHook finalHook;
  CallbackHook construct;
  DestroyHook destroy;
  TransformHook transform;
  FlushHook flush;
  EventLoop loop;

  private StreamOptions() {}

  /**
   * Node's defaults.
   *
   * @return new options with Node's defaults
   */
  public static StreamOptions defaults() {
    return DEFAULTS;
  }

  /** Whether any implementation hook (read, write, destroy...) is set. */
  boolean hasHooks() {
    return read != null
        || write != null
        || writev != null
        || finalHook != null
        || construct != null
        || destroy != null
        || transform != null
        || flush != null;
  }

  private StreamOptions copy() {
    StreamOptions c = new StreamOptions();
    c.highWaterMark = highWaterMark;
    c.readableHighWaterMark = readableHighWaterMark;
    c.writableHighWaterMark = writableHighWaterMark;
    c.allowHalfOpen = allowHalfOpen;
    c.readable = readable;
    c.writable = writable;
    c.autoDestroy = autoDestroy;
    c.emitClose = emitClose;
    c.decodeStrings = decodeStrings;
    c.defaultEncoding = defaultEncoding;
    c.encoding = encoding;
    c.read = read;
    c.write = write;
    c.writev = writev;
    c.finalHook = finalHook;
    c.construct = construct;
    c.destroy = destroy;
    c.transform = transform;
    c.flush = flush;
    c.loop = loop;
    return c;
  }

  /**
   * Both sides' high-water mark in bytes; 0 is valid (never read ahead, write returns false).
   *
   * @param bytes the high-water mark in bytes, 0 or more
   * @return a copy of these options with this one changed
   */
  public StreamOptions highWaterMark(int bytes) {
    StreamOptions c = copy();
    c.highWaterMark = checkHwm("options.highWaterMark", bytes);
    return c;
  }

  /**
   * The readable side's high-water mark; {@link #highWaterMark} wins when both are set.
   *
   * @param bytes the high-water mark in bytes, 0 or more
   * @return a copy of these options with this one changed
   */
  public StreamOptions readableHighWaterMark(int bytes) {
    StreamOptions c = copy();
    c.readableHighWaterMark = checkHwm("options.readableHighWaterMark", bytes);
    return c;
  }

  /**
   * The writable side's high-water mark; {@link #highWaterMark} wins when both are set.
   *
   * @param bytes the high-water mark in bytes, 0 or more
   * @return a copy of these options with this one changed
   */
  public StreamOptions writableHighWaterMark(int bytes) {
    StreamOptions c = copy();
    c.writableHighWaterMark = checkHwm("options.writableHighWaterMark", bytes);
    return c;
  }

  /**
   * Duplex only: false makes the readable side's {@code 'end'} end the writable side.
   *
   * @param allow whether a side may end while the other stays open
   * @return a copy of these options with this one changed
   */
  public StreamOptions allowHalfOpen(boolean allow) {
    StreamOptions c = copy();
    c.allowHalfOpen = allow;
    return c;
  }

  /**
   * Duplex only: false makes a stream whose readable side is ended from the start.
   *
   * @param readable whether the stream has a readable side
   * @return a copy of these options with this one changed
   */
  public StreamOptions readable(boolean readable) {
    StreamOptions c = copy();
    c.readable = readable;
    return c;
  }

  /**
   * Duplex only: false makes a stream whose writable side is finished from the start.
   *
   * @param writable whether the stream has a writable side
   * @return a copy of these options with this one changed
   */
  public StreamOptions writable(boolean writable) {
    StreamOptions c = copy();
    c.writable = writable;
    return c;
  }

  /**
   * Whether the stream destroys itself after {@code 'end'} and/or {@code 'finish'}.
   *
   * @param autoDestroy whether to destroy automatically
   * @return a copy of these options with this one changed
   */
  public StreamOptions autoDestroy(boolean autoDestroy) {
    StreamOptions c = copy();
    c.autoDestroy = autoDestroy;
    return c;
  }

  /**
   * Whether {@code 'close'} is emitted after the stream was destroyed.
   *
   * @param emitClose whether to emit {@code 'close'}
   * @return a copy of these options with this one changed
   */
  public StreamOptions emitClose(boolean emitClose) {
    StreamOptions c = copy();
    c.emitClose = emitClose;
    return c;
  }

  /**
   * Node's {@code decodeStrings}, accepted for parity. Unlike Node, jnet always encodes a written
   * string before {@code _write}, so {@code _write} always gets a Buffer and {@code writableLength}
   * counts bytes.
   *
   * @param decodeStrings ignored: strings are always encoded
   * @return a copy of these options with this one changed
   */
  public StreamOptions decodeStrings(boolean decodeStrings) {
    StreamOptions c = copy();
    c.decodeStrings = decodeStrings;
    return c;
  }

  /**
   * The encoding of strings written without one; Node's names ({@code "utf8"}, {@code "hex"}).
   *
   * @param encoding the encoding's Node name, or null
   * @return a copy of these options with this one changed
   */
  public StreamOptions defaultEncoding(String encoding) {
    Encoding.of(encoding);
    StreamOptions c = copy();
    c.defaultEncoding = encoding == null ? "utf8" : encoding;
    return c;
  }

  /**
   * Readable side: decode data to strings in this encoding, as {@code setEncoding} does.
   *
   * @param encoding the encoding's Node name, or null
   * @return a copy of these options with this one changed
   */
  public StreamOptions encoding(String encoding) {
    if (encoding != null) Encoding.of(encoding);
    StreamOptions c = copy();
    c.encoding = encoding;
    return c;
  }

  /**
   * The readable side's {@code _read}.
   *
   * @param read the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions read(ReadHook read) {
    StreamOptions c = copy();
    c.read = read;
    return c;
  }

  /**
   * The writable side's {@code _write}.
   *
   * @param write the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions write(WriteHook write) {
    StreamOptions c = copy();
    c.write = write;
    return c;
  }

  /**
   * The writable side's {@code _writev}: given, buffered chunks are handed over in batches.
   *
   * @param writev the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions writev(WritevHook writev) {
    StreamOptions c = copy();
    c.writev = writev;
    return c;
  }

  /**
   * The writable side's {@code _final}: runs after the last write, before {@code 'finish'}.
   *
   * @param finalHook the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions finalHook(CallbackHook finalHook) {
    StreamOptions c = copy();
    c.finalHook = finalHook;
    return c;
  }

  /**
   * {@code _construct}: runs on the next tick; reads and writes wait for its callback.
   *
   * @param construct the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions construct(CallbackHook construct) {
    StreamOptions c = copy();
    c.construct = construct;
    return c;
  }

  /**
   * {@code _destroy}: releases resources; its callback's error is the one emitted.
   *
   * @param destroy the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions destroy(DestroyHook destroy) {
    StreamOptions c = copy();
    c.destroy = destroy;
    return c;
  }

  /**
   * The loop the stream belongs to and emits on. By default, the loop of the thread that makes the
   * stream ({@link EventLoop#current()}), else the default loop. A jnet addition: Node has one
   * loop.
   *
   * @param loop the loop, or null for the default choice
   * @return a copy of these options with this one changed
   */
  public StreamOptions loop(EventLoop loop) {
    StreamOptions c = copy();
    c.loop = loop;
    return c;
  }

  /**
   * Transform only: {@code _transform}.
   *
   * @param transform the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions transform(TransformHook transform) {
    StreamOptions c = copy();
    c.transform = transform;
    return c;
  }

  /**
   * Transform only: {@code _flush}.
   *
   * @param flush the hook
   * @return a copy of these options with this one changed
   */
  public StreamOptions flush(FlushHook flush) {
    StreamOptions c = copy();
    c.flush = flush;
    c.loop = loop;
    return c;
  }

  int readableHwm() {
    if (highWaterMark >= 0) return highWaterMark;
    return readableHighWaterMark >= 0 ? readableHighWaterMark : DEFAULT_HIGH_WATER_MARK;
  }

  int writableHwm() {
    if (highWaterMark >= 0) return highWaterMark;
    return writableHighWaterMark >= 0 ? writableHighWaterMark : DEFAULT_HIGH_WATER_MARK;
  }

  private static int checkHwm(String name, int bytes) {
    if (bytes < 0) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE", "The property '" + name + "' is invalid. Received " + bytes);
    }
    return bytes;
  }
}
