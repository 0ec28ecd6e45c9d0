package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * A source of bytes: Node 24's {@code stream.Readable} in byte mode, on a jnet loop.
 *
 * <p>An implementation overrides {@link #_read(int)} (or passes {@link StreamOptions#read}) and
 * calls {@link #push(Buffer)} with data, {@code push(null)} at the end; {@code push} returning
 * false asks it to stop until {@code _read} is called again. A consumer either listens to {@link
 * #DATA} (flowing mode), or listens to {@link #READABLE} and calls {@link #read()} (paused mode),
 * or pipes the stream into a writable.
 *
 * <h2>Event order, a contract (Node 24)</h2>
 *
 * <ul>
 *   <li>{@code 'data'}* then {@code 'end'} at most once, and only after every pushed byte was
 *       consumed (emitted as {@code 'data'} or returned by {@code read}); then, with {@code
 *       autoDestroy}, {@code 'close'}. {@code 'end'} is always emitted on a later tick than the
 *       {@code push(null)} that caused it.
 *   <li>Adding a {@code 'data'} listener (or {@code resume()}, or {@code pipe}) switches to flowing
 *       mode on the next tick: {@code 'resume'} is emitted, then the buffered data flows. {@code
 *       pause()} emits {@code 'pause'} synchronously.
 *   <li>A {@code 'readable'} listener switches to paused mode; {@code 'readable'} is emitted on a
 *       later tick when data is buffered or the stream ended (once more just before {@code 'end'}).
 *   <li>{@code destroy(err)}: {@code 'error'} (if err) then {@code 'close'}, on a later tick, and
 *       no {@code 'data'} or {@code 'end'} after it.
 * </ul>
 *
 * <h2>Strings</h2>
 *
 * <p>After {@link #setEncoding(String)}, {@code 'data'} is emitted as {@link #TEXT} with Strings
 * and {@link #readText()} returns them. A {@link #DATA} listener on such a stream receives the
 * UTF-8 bytes of each string; a {@link #TEXT} listener on a stream without an encoding receives
 * each chunk decoded as UTF-8. Both keys name Node's one {@code 'data'} event.
 *
 * <h2>Threads</h2>
 *
 * <p>Any method may be called from any thread; off the loop it is handed to the loop, and {@link
 * #push} returns a flag computed from the buffered length plus the bytes still in flight. {@link
 * #read()} off the loop waits for the loop to answer: never call it from another loop's thread.
 * Listeners run on the stream's loop. Unlike Node, there is no object mode.
 */
public class Readable extends Stream {
  /** Node's {@code 'data'}, as bytes. */
  public static final Event<Buffer> DATA = Event.of("data");

  /** Node's {@code 'data'}, as text: the form emitted after {@link #setEncoding(String)}. */
  public static final Event<String> TEXT = Event.of("data");

  /** Node's {@code 'end'}: every byte was consumed and there will be no more. */
  public static final Signal END = Signal.of("end");

  /** Node's {@code 'readable'}: data can be read with {@link #read()}, or the stream ended. */
  public static final Signal READABLE = Signal.of("readable");

  /** Node's {@code 'pause'}. */
  public static final Signal PAUSE = Signal.of("pause");

  /** Node's {@code 'resume'}. */
  public static final Signal RESUME = Signal.of("resume");

  static {
    io.jnet.internal.stream.StreamAccess.register(Pipe::straightDestination);
  }

  final ReadableState rs;

  /** A readable stream with Node's defaults; override {@link #_read(int)}. */
  public Readable() {
    this(StreamOptions.defaults());
  }

  /**
   * A readable stream with {@code options} (its {@code read} hook, encoding, highWaterMark...).
   *
   * @param options the stream's options
   */
  public Readable(StreamOptions options) {
    this(options, true);
  }

  Readable(StreamOptions options, boolean readable) {
    super(options);
    this.rs = new ReadableState(this, options, readable);
    if (!(this instanceof Duplex)) maybeConstruct(Hooks.overrides(this, "_construct"));
  }

  /** Whether {@code listener} is this stream's one {@code 'data'} listener. Loop thread only. */
  final boolean isSoleDataListener(Object listener) {
    return isSoleListener(DATA, listener);
  }

  @Override
  ReadableState readState() {
    return rs;
  }

  @Override
  WritableState writeState() {
    return null;
  }

  /**
   * Asks the implementation for about {@code size} bytes: push them, now or later, then wait for
   * the next call. Node's {@code _read}; the default calls the {@code read} option or fails with
   * {@code ERR_METHOD_NOT_IMPLEMENTED}.
   *
   * @param size the length in bytes
   */
  protected void _read(int size) {
    if (optionHooks.read == null) throw StreamErrors.methodNotImplemented("_read()");
    optionHooks.read.read(this, size);
  }

  // Producing.

  /**
   * Adds {@code chunk} to the stream, or ends it when {@code chunk} is null (Node's {@code
   * push(null)}). Returns false once the buffer holds {@link #readableHighWaterMark()} bytes or
   * more: stop pushing until {@code _read} is called again.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean push(Buffer chunk) {
    return pushObject(chunk, null, false);
  }

  /**
   * Pushes a copy of {@code chunk}; null ends the stream.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean push(byte[] chunk) {
    return pushObject(chunk == null ? null : Buffer.from(chunk), null, false);
  }

  /**
   * Pushes the remaining bytes of {@code chunk} (copied); null ends the stream.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean push(ByteBuffer chunk) {
    return pushObject(chunk == null ? null : copy(chunk), null, false);
  }

  /**
   * Pushes {@code chunk} encoded as UTF-8 (or the default encoding); null ends the stream.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean push(String chunk) {
    return pushObject(chunk, null, false);
  }

  /**
   * Pushes {@code chunk} encoded with Node's {@code encoding} ({@code "hex"}, {@code "latin1"}).
   *
   * @param chunk the data; null ends the stream
   * @param encoding the encoding's Node name; null means UTF-8
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean push(String chunk, String encoding) {
    return pushObject(chunk, encoding, false);
  }

  /**
   * Ends the stream: Node's {@code push(null)}.
   *
   * @return false, as Node's {@code push(null)} returns on the loop
   */
  public boolean pushEnd() {
    return pushObject(null, null, false);
  }

  /**
   * Puts {@code chunk} back at the front of the buffer, for the next read. Node's {@code unshift}.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean unshift(Buffer chunk) {
    return pushObject(chunk, null, true);
  }

  /**
   * Puts {@code chunk} back at the front of the buffer, as text in the default encoding.
   *
   * @param chunk the data; null ends the stream
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean unshift(String chunk) {
    return pushObject(chunk, null, true);
  }

  /**
   * Puts {@code chunk} back at the front of the buffer, as text in {@code encoding}.
   *
   * @param chunk the data; null ends the stream
   * @param encoding the encoding's Node name; null means UTF-8
   * @return false when the buffer reached the high-water mark: push no more until {@code _read}
   */
  public boolean unshift(String chunk, String encoding) {
    return pushObject(chunk, encoding, true);
  }

  private boolean pushObject(Object chunk, String encoding, boolean front) {
    if (onLoop()) return rs.push(chunk, encoding, front);
    int len =
        chunk instanceof Buffer b ? b.length() : chunk == null ? 0 : ((String) chunk).length();
    int inFlight = rs.addPendingPush(len);
    int buffered = rs.length + inFlight;
    boolean ret =
        chunk != null
            && !rs.has(ReadableState.ENDED)
            && (buffered < rs.highWaterMark || buffered == 0);
    loop.execute(
        () -> {
          rs.addPendingPush(-len);
          rs.push(chunk, encoding, front);
        });
    return ret;
  }

  static Buffer copy(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return Buffer.wrap(bytes);
  }

  // Consuming.

  /**
   * Node's {@code read()}: everything buffered (one chunk when flowing), or null.
   *
   * @return the bytes, or null
   */
  public Buffer read() {
    return asBuffer(readObject(ReadableState.READ_ALL));
  }

  /**
   * Node's {@code read(n)}: exactly {@code n} bytes, or null until that many are buffered (all that
   * is left once the stream ended). {@code read(0)} only triggers a refill.
   *
   * @param n how many bytes (chars, once an encoding is set) to read
   * @return the bytes, or null
   */
  public Buffer read(int n) {
    return asBuffer(readObject(n));
  }

  /**
   * {@link #read()} as text: Strings after {@link #setEncoding}, else UTF-8 decoded.
   *
   * @return the text, or null
   */
  public String readText() {
    return asText(readObject(ReadableState.READ_ALL));
  }

  /**
   * {@link #read(int)} as text; {@code n} counts chars once an encoding is set.
   *
   * @param n how many bytes (chars, once an encoding is set) to read
   * @return the text, or null
   */
  public String readText(int n) {
    return asText(readObject(n));
  }

  private Object readObject(int n) {
    return onLoop() ? rs.read(n) : Hooks.askLoop(this, () -> rs.read(n));
  }

  private static Buffer asBuffer(Object chunk) {
    if (chunk == null || chunk instanceof Buffer) return (Buffer) chunk;
    return Buffer.from((String) chunk);
  }

  private static String asText(Object chunk) {
    if (chunk == null || chunk instanceof String) return (String) chunk;
    return ((Buffer) chunk).toString("utf8");
  }

  /**
   * Decodes data to Strings in {@code encoding} from now on (buffered data included).
   *
   * @param encoding the encoding's Node name; null means UTF-8
   * @return this stream
   */
  public Readable setEncoding(String encoding) {
    if (!onLoop()) {
      loop.execute(() -> rs.setEncoding(encoding));
      return this;
    }
    rs.setEncoding(encoding);
    return this;
  }

  /**
   * {@link #setEncoding(String)} with a jnet {@link Encoding} constant.
   *
   * @param encoding the encoding to decode with
   * @return this stream
   */
  public Readable setEncoding(Encoding encoding) {
    return setEncoding(encoding == null ? null : encoding.nodeName());
  }

  /**
   * {@link #setEncoding(String)} with a {@link Charset} that is one of Node's encodings (UTF-8,
   * UTF-16LE, ISO-8859-1; see {@link Encoding#forCharset(Charset)}), a jnet extra.
   *
   * @param charset one of Node's encodings as a charset
   * @return this stream
   * @throws JnetException {@code ERR_UNKNOWN_ENCODING} for any other charset, at the call
   */
  public Readable setEncoding(Charset charset) {
    return setEncoding(charset == null ? null : Encoding.forCharset(charset).nodeName());
  }

  /**
   * Switches to flowing mode (on the next tick); Node's {@code resume}.
   *
   * @return this stream
   */
  public Readable resume() {
    if (!onLoop()) {
      loop.execute(rs::resume);
      return this;
    }
    rs.resume();
    return this;
  }

  /**
   * Leaves flowing mode; {@code 'pause'} is emitted at once. Node's {@code pause}.
   *
   * @return this stream
   */
  public Readable pause() {
    if (!onLoop()) {
      loop.execute(rs::pause);
      return this;
    }
    rs.pause();
    return this;
  }

  /**
   * Whether {@code pause()} was called, or the stream is explicitly not flowing.
   *
   * @return whether the stream is paused
   */
  public boolean isPaused() {
    return rs.isPaused();
  }

  // Pipes.

  /**
   * Node's {@code pipe(dest)}: writes everything to {@code dest}, then ends it; returns dest. The
   * source pauses while {@code dest.write} returns false and resumes on {@code 'drain'} (with
   * several destinations, once all of them drained). Both streams should belong to the same loop:
   * the pipe runs on the source's.
   *
   * @param <W> the type of the destination
   * @param dest the destination
   * @return {@code dest}
   */
  public <W extends WritableStream> W pipe(W dest) {
    return pipe(dest, true);
  }

  /**
   * Node's {@code pipe(dest, {end})}: with {@code end} false, dest is left open at the end.
   *
   * @param <W> the type of the destination
   * @param dest the destination
   * @param end whether {@code dest} is ended when this stream ends
   * @return {@code dest}
   */
  public <W extends WritableStream> W pipe(W dest, boolean end) {
    if (!onLoop()) {
      loop.execute(() -> Pipe.start(this, dest, end));
      return dest;
    }
    Pipe.start(this, dest, end);
    return dest;
  }

  /**
   * Stops piping to every destination; Node's {@code unpipe()}.
   *
   * @return this stream
   */
  public Readable unpipe() {
    if (!onLoop()) {
      loop.execute(() -> Pipe.unpipe(this, null));
      return this;
    }
    Pipe.unpipe(this, null);
    return this;
  }

  /**
   * Stops piping to {@code dest}; Node's {@code unpipe(dest)}.
   *
   * @param dest the destination
   * @return this stream
   */
  public Readable unpipe(WritableStream dest) {
    if (!onLoop()) {
      loop.execute(() -> Pipe.unpipe(this, dest));
      return this;
    }
    Pipe.unpipe(this, dest);
    return this;
  }

  // State, safe from any thread.

  /**
   * Node's {@code readable}: not destroyed, errored, ended or disabled.
   *
   * @return whether the readable side can still deliver data
   */
  public boolean readable() {
    return !rs.has(
        StreamState.DISABLED
            | StreamState.DESTROYED
            | StreamState.ERROR_EMITTED
            | ReadableState.END_EMITTED);
  }

  /**
   * Node's {@code readableFlowing}: null before any consumer, then true or false.
   *
   * @return null, true or false
   */
  public Boolean readableFlowing() {
    return rs.flowing();
  }

  /**
   * Node's {@code readableEnded}: {@code 'end'} was emitted.
   *
   * @return whether {@code 'end'} was emitted
   */
  public boolean readableEnded() {
    return rs.has(ReadableState.END_EMITTED);
  }

  /**
   * Bytes (chars, once an encoding is set) buffered and not yet read.
   *
   * @return the buffered length
   */
  public int readableLength() {
    return rs.length;
  }

  /**
   * Node's {@code readableHighWaterMark}.
   *
   * @return the high-water mark
   */
  public int readableHighWaterMark() {
    return rs.highWaterMark;
  }

  /**
   * Node's {@code readableEncoding}: the encoding given to setEncoding, or null.
   *
   * @return the encoding, or null
   */
  public String readableEncoding() {
    return rs.encoding();
  }

  /**
   * Node's {@code readableDidRead}: some {@code 'data'} was emitted.
   *
   * @return whether data was emitted
   */
  public boolean readableDidRead() {
    return rs.has(ReadableState.DATA_EMITTED);
  }

  /**
   * Node's {@code readableAborted}: destroyed or errored before {@code 'end'}.
   *
   * @return whether the readable side was aborted
   */
  public boolean readableAborted() {
    return !rs.has(StreamState.DISABLED)
        && rs.has(StreamState.DESTROYED | StreamState.ERRORED)
        && !rs.has(ReadableState.END_EMITTED);
  }

  @Override
  public Readable destroy() {
    super.destroy();
    return this;
  }

  @Override
  public Readable destroy(Throwable error) {
    super.destroy(error);
    return this;
  }

  // Listeners: a 'data' listener starts the flow, a 'readable' one switches to paused mode.

  @Override
  public <T> Readable on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    afterListenerAdded(event);
    return this;
  }

  @Override
  public Readable on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    afterListenerAdded(event);
    return this;
  }

  @Override
  public <T> Readable addListener(Event<T> event, Consumer<? super T> listener) {
    return on(event, listener);
  }

  @Override
  public Readable addListener(Event<?> event, Runnable listener) {
    return on(event, listener);
  }

  @Override
  public <T> Readable once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    afterListenerAdded(event);
    return this;
  }

  @Override
  public Readable once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    afterListenerAdded(event);
    return this;
  }

  @Override
  public Readable off(Event<?> event, Object listener) {
    super.off(event, listener);
    afterListenerRemoved(event);
    return this;
  }

  @Override
  public Readable removeListener(Event<?> event, Object listener) {
    return off(event, listener);
  }

  @Override
  public Readable removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    if (event.name().equals("readable")) onLoopOrLater(rs::onReadableListenerRemoved);
    return this;
  }

  @Override
  public Readable removeAllListeners() {
    super.removeAllListeners();
    onLoopOrLater(rs::onReadableListenerRemoved);
    return this;
  }

  private void afterListenerAdded(Event<?> event) {
    String name = event.name();
    if (name.equals("data")) {
      if (onLoop()) {
        rs.onDataListener(); // no task to make on the loop, where most listeners are added
      } else {
        loop.execute(rs::onDataListener);
      }
    } else if (name.equals("readable")) {
      onLoopOrLater(rs::onReadableListener);
    }
  }

  private void afterListenerRemoved(Event<?> event) {
    if (event.name().equals("readable")) onLoopOrLater(rs::onReadableListenerRemoved);
  }

  private void onLoopOrLater(Runnable task) {
    if (onLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  /** Converts 'data' between its byte and text forms for listeners of the other form. */
  @Override
  protected Object adaptArgument(Event<?> listenerKey, Event<?> emitted, Object arg) {
    if (listenerKey == DATA && arg instanceof String s) return Buffer.from(s);
    if (listenerKey == TEXT && arg instanceof Buffer b) return b.toString("utf8");
    return arg;
  }

  // Chaining: the registration and mode methods return this Readable (a jnet extra).

  @Override
  public Readable on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public Readable addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public Readable once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Readable prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Readable prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Readable prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Readable prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Readable prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Readable prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Readable off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Readable removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Readable removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Readable setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }
}
