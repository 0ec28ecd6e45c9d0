package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.util.List;
import java.util.function.Consumer;

/**
 * A destination of bytes: Node 24's {@code stream.Writable} in byte mode, on a jnet loop.
 *
 * <p>An implementation overrides {@link #_write} (or passes {@link StreamOptions#write}), and may
 * override {@link #_writev} to take several buffered chunks in one call (a socket writes them with
 * one system call), {@link #_final} to act after the last write, and {@link #_destroy}. Writes made
 * while one is in progress, or while {@link #cork() corked}, wait in a buffer in order.
 *
 * <h2>Event order, a contract (Node 24)</h2>
 *
 * <ul>
 *   <li>{@code write} returns false once {@link #writableLength()} {@code >= highWaterMark} (or the
 *       stream is destroyed or errored); then exactly one {@code 'drain'} follows, when the buffer
 *       emptied, just before the callback of the write that emptied it; no {@code 'drain'} once
 *       {@code end()} was called.
 *   <li>Write callbacks run in write order, never inside {@code write}: a write completed
 *       synchronously has its callback on the next tick.
 *   <li>{@code end()}: after the last write completed, {@code _final}; once its callback ran,
 *       {@code 'prefinish'}; on a later tick the callbacks given to {@code end}, then {@code
 *       'finish'}; then, with {@code autoDestroy}, {@code 'close'} on the next tick.
 *   <li>A write after {@code end()}: returns false, its callback gets {@code
 *       ERR_STREAM_WRITE_AFTER_END} on the next tick, and the stream is destroyed with that error
 *       ({@code 'error'}, {@code 'close'}).
 *   <li>{@code destroy(err)}: buffered writes and {@code end} callbacks fail with {@code
 *       ERR_STREAM_DESTROYED} (or the error); {@code 'error'} (if err) and {@code 'close'} follow
 *       on a later tick; never {@code 'finish'} after it. A write in progress completes normally.
 *   <li>A write whose {@code _write} failed: its callback, then the buffered ones, get the error,
 *       then {@code 'error'} and {@code 'close'}.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Any method may be called from any thread. Off the loop, a write (or {@code end}, {@code cork},
 * {@code uncork}) is handed to the loop in a queue that one wake-up empties, so one thread's calls
 * keep their order and many small writes leave as one {@code _writev} batch; a write's return value
 * is computed from the bytes buffered plus the bytes still in flight to the loop, and a false
 * return is always followed by {@code 'drain'}. Callbacks and listeners run on the stream's loop.
 */
public non-sealed class Writable extends Stream implements WritableStream {
  final WritableState ws;

  /** A writable stream with Node's defaults; override {@link #_write}. */
  public Writable() {
    this(StreamOptions.defaults());
  }

  /**
   * A writable stream with {@code options} (its {@code write} hook, highWaterMark...).
   *
   * @param options the stream's options
   */
  public Writable(StreamOptions options) {
    super(options);
    boolean hasWritev = options.writev != null || Hooks.overrides(this, "_writev");
    boolean hasFinal = options.finalHook != null || Hooks.overrides(this, "_final");
    this.ws = new WritableState(this, options, true, hasWritev, hasFinal);
    maybeConstruct(Hooks.overrides(this, "_construct"));
  }

  @Override
  ReadableState readState() {
    return null;
  }

  // The writable side: every method may be called from any thread.

  @Override
  public boolean write(Buffer chunk, Consumer<JnetException> callback) {
    if (chunk == null) throw StreamErrors.nullValues();
    return ws.write(chunk, callback);
  }

  @Override
  public boolean write(String chunk, String encoding, Consumer<JnetException> callback) {
    if (chunk == null) throw StreamErrors.nullValues();
    return ws.write(Buffer.from(chunk, encoding == null ? ws.defaultEncoding : encoding), callback);
  }

  @Override
  public Writable end(Buffer chunk, Consumer<JnetException> callback) {
    if (!onLoop()) {
      ws.handOver((Runnable) () -> ws.end(chunk, callback));
      return this;
    }
    ws.end(chunk, callback);
    return this;
  }

  @Override
  public Writable end(String chunk, String encoding, Consumer<JnetException> callback) {
    Buffer b =
        chunk == null ? null : Buffer.from(chunk, encoding == null ? ws.defaultEncoding : encoding);
    return end(b, callback);
  }

  @Override
  public Writable end() {
    return end((Buffer) null, null);
  }

  @Override
  public Writable end(Consumer<JnetException> callback) {
    return end((Buffer) null, callback);
  }

  @Override
  public Writable end(Buffer chunk) {
    return end(chunk, null);
  }

  @Override
  public Writable end(String chunk) {
    return end(chunk, null, null);
  }

  @Override
  public Writable end(String chunk, String encoding) {
    return end(chunk, encoding, null);
  }

  @Override
  public Writable end(String chunk, Consumer<JnetException> callback) {
    return end(chunk, null, callback);
  }

  @Override
  public Writable end(byte[] chunk) {
    return end(chunk == null ? null : Buffer.wrap(chunk), null);
  }

  @Override
  public void cork() {
    if (!onLoop()) {
      ws.handOver((Runnable) ws::cork);
      return;
    }
    ws.cork();
  }

  @Override
  public void uncork() {
    if (!onLoop()) {
      ws.handOver((Runnable) ws::uncork);
      return;
    }
    ws.uncork();
  }

  @Override
  public Writable setDefaultEncoding(String encoding) {
    ws.defaultEncoding = Encoding.of(encoding).nodeName();
    return this;
  }

  @Override
  public boolean writable() {
    return ws.writable();
  }

  @Override
  public int writableLength() {
    return ws.writableLength();
  }

  @Override
  public List<Buffer> writableBuffer() {
    return onLoop() ? ws.buffered() : Hooks.askLoop(this, ws::buffered);
  }

  @Override
  public int writableHighWaterMark() {
    return ws.highWaterMark;
  }

  @Override
  public boolean writableFinished() {
    return ws.has(WritableState.FINISHED);
  }

  @Override
  public boolean writableEnded() {
    return ws.has(WritableState.ENDING);
  }

  @Override
  public boolean writableNeedDrain() {
    return ws.needDrain();
  }

  @Override
  public int writableCorked() {
    return ws.corked();
  }

  @Override
  public boolean writableAborted() {
    return !ws.has(StreamState.DISABLED)
        && ws.has(StreamState.DESTROYED | StreamState.ERRORED)
        && !ws.has(WritableState.FINISHED);
  }

  @Override
  public Writable destroy() {
    super.destroy();
    return this;
  }

  @Override
  public Writable destroy(Throwable error) {
    super.destroy(error);
    return this;
  }

  // The implementation's hooks.

  /**
   * Writes one chunk; call {@code callback} once it is written (or failed). Node's {@code _write};
   * the default calls the {@code write} option, else {@code _writev} with one chunk when that is
   * implemented, else fails with {@code ERR_METHOD_NOT_IMPLEMENTED}.
   *
   * @param chunk the bytes to write
   * @param callback call once when every chunk is written, or with the error
   */
  protected void _write(Buffer chunk, Callback callback) {
    if (optionHooks.write != null) {
      optionHooks.write.write(chunk, callback);
    } else if (ws.has(WritableState.HAS_WRITEV)) {
      _writev(List.of(chunk), callback);
    } else {
      throw StreamErrors.methodNotImplemented("_write()");
    }
  }

  /**
   * Writes a batch of chunks that were buffered (behind a write in progress, or a cork) in one go.
   * Node's {@code _writev}; only called when overridden or given as the {@code writev} option.
   *
   * @param chunks the buffered chunks, in write order
   * @param callback call once when every chunk is written, or with the error
   */
  protected void _writev(List<Buffer> chunks, Callback callback) {
    if (optionHooks.writev != null) {
      optionHooks.writev.writev(chunks, callback);
    } else {
      WriteHooks.writeEach(HOOKS, this, chunks, 0, callback);
    }
  }

  /**
   * Runs after the last write completed, before {@code 'finish'}: Node's {@code _final}.
   *
   * @param callback call once when every chunk is written, or with the error
   */
  protected void _final(Callback callback) {
    if (optionHooks.finalHook != null) {
      optionHooks.finalHook.run(callback);
    } else {
      callback.done();
    }
  }

  static final WriteHooks HOOKS =
      new WriteHooks() {
        @Override
        public void doWrite(Stream stream, Buffer chunk, Callback callback) {
          ((Writable) stream)._write(chunk, callback);
        }

        @Override
        public void doWritev(Stream stream, List<Buffer> chunks, Callback callback) {
          ((Writable) stream)._writev(chunks, callback);
        }

        @Override
        public void doFinal(Stream stream, Callback callback) {
          ((Writable) stream)._final(callback);
        }
      };

  @Override
  WritableState writeState() {
    return ws;
  }

  // Chaining: the registration and mode methods return this Writable (a jnet extra).

  @Override
  public <T> Writable on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Writable on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Writable on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> Writable addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Writable addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Writable addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> Writable once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Writable once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Writable once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Writable prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Writable prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Writable prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Writable prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Writable prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Writable prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Writable off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public Writable off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Writable removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public Writable removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Writable removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public Writable removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Writable removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public Writable setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }
}
