package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stream with a readable side and a writable side, each with its own buffer and state: Node 24's
 * {@code stream.Duplex}, and what net's {@code Socket} is.
 *
 * <p>The readable side is {@link Readable}'s (this class extends it), the writable side is {@link
 * Writable}'s ({@link WritableStream}); their contracts hold unchanged. A socket implements it as
 * Node's does: it {@code push}es what it reads from the kernel (and stops reading when {@code push}
 * returns false, until {@link #_read} is called), writes batches in {@link #_writev}, sends FIN in
 * {@link #_final} and closes its handle in {@link #_destroy}.
 *
 * <h2>Event order, a contract (Node 24)</h2>
 *
 * <ul>
 *   <li>Each side keeps its own contract ({@link Readable}, {@link Writable}), with one {@code
 *       'error'} and one {@code 'close'} for both sides, {@code 'close'} always last.
 *   <li>{@code allowHalfOpen} (default true): when false, the readable side's {@code 'end'} ends
 *       the writable side on the next tick (by calling {@link #end()}, which a subclass may
 *       override), as net.Socket does by default.
 *   <li>With {@code autoDestroy}, the stream destroys itself ({@code 'close'}) once both {@code
 *       'end'} and {@code 'finish'} were emitted, whichever comes last.
 *   <li>{@code readable(false)} / {@code writable(false)} in the options make a side that is over
 *       from the start (ended, or finished).
 * </ul>
 *
 * <h2>For a socket</h2>
 *
 * <ul>
 *   <li>Reading: from each I/O read, {@code push(buffer)}; when it returns false, stop reading from
 *       the kernel until {@link #_read} is called again; at EOF, {@code pushEnd()}. Push on the
 *       stream's loop (or anywhere: it is handed over).
 *   <li>Writing: {@link #_writev} receives every chunk buffered while a write was in flight or the
 *       stream was corked; call its callback when the kernel took them. Until connected, simply
 *       hold the callback: later writes queue up in order and count in {@link #writableLength()}.
 *   <li>{@link #_final}: send FIN, then call back. {@link #_destroy}: close the handle, then call
 *       back with the error to emit. A socket that emits its own {@code 'close'} (with {@code
 *       hadError}) passes {@code emitClose(false)}.
 * </ul>
 */
public non-sealed class Duplex extends Readable implements WritableStream {
  final WritableState ws;
  private final boolean allowHalfOpen;

  /** A duplex stream with Node's defaults; override {@link #_read} and {@link #_write}. */
  public Duplex() {
    this(StreamOptions.defaults());
  }

  /**
   * A duplex stream with {@code options}.
   *
   * @param options the stream's options
   */
  public Duplex(StreamOptions options) {
    super(options, options.readable);
    this.allowHalfOpen = options.allowHalfOpen;
    boolean hasWritev = options.writev != null || Hooks.overrides(this, "_writev");
    boolean hasFinal = options.finalHook != null || Hooks.overrides(this, "_final");
    this.ws = new WritableState(this, options, options.writable, hasWritev, hasFinal);
    maybeConstruct(Hooks.overrides(this, "_construct"));
  }

  /**
   * Node's {@code allowHalfOpen}: whether the writable side stays open after {@code 'end'}.
   *
   * @return whether the writable side stays open after {@code 'end'}
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  @Override
  boolean writableSideOpen() {
    return ws.writable();
  }

  @Override
  boolean allowHalfOpenFlag() {
    return allowHalfOpen;
  }

  @Override
  void endWritableSide() {
    if (ws.writable() && !ws.has(WritableState.ENDING) && !destroyed()) end();
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
  public Duplex end(Buffer chunk, Consumer<JnetException> callback) {
    if (!onLoop()) {
      ws.handOver((Runnable) () -> ws.end(chunk, callback));
      return this;
    }
    ws.end(chunk, callback);
    return this;
  }

  @Override
  public Duplex end(String chunk, String encoding, Consumer<JnetException> callback) {
    Buffer b =
        chunk == null ? null : Buffer.from(chunk, encoding == null ? ws.defaultEncoding : encoding);
    return end(b, callback);
  }

  @Override
  public Duplex end() {
    return end((Buffer) null, null);
  }

  @Override
  public Duplex end(Consumer<JnetException> callback) {
    return end((Buffer) null, callback);
  }

  @Override
  public Duplex end(Buffer chunk) {
    return end(chunk, null);
  }

  @Override
  public Duplex end(String chunk) {
    return end(chunk, null, null);
  }

  @Override
  public Duplex end(String chunk, String encoding) {
    return end(chunk, encoding, null);
  }

  @Override
  public Duplex end(String chunk, Consumer<JnetException> callback) {
    return end(chunk, null, callback);
  }

  @Override
  public Duplex end(byte[] chunk) {
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
  public Duplex setDefaultEncoding(String encoding) {
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
  public Duplex destroy() {
    super.destroy();
    return this;
  }

  @Override
  public Duplex destroy(Throwable error) {
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
          ((Duplex) stream)._write(chunk, callback);
        }

        @Override
        public void doWritev(Stream stream, List<Buffer> chunks, Callback callback) {
          ((Duplex) stream)._writev(chunks, callback);
        }

        @Override
        public void doFinal(Stream stream, Callback callback) {
          ((Duplex) stream)._final(callback);
        }
      };

  @Override
  WritableState writeState() {
    return ws;
  }

  // Chaining: the registration and mode methods return this Duplex (a jnet extra).

  @Override
  public <T> Duplex on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Duplex on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Duplex on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> Duplex addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Duplex addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Duplex addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> Duplex once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Duplex once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Duplex once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Duplex prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Duplex prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Duplex prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Duplex prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Duplex prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Duplex prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Duplex off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public Duplex off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Duplex removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public Duplex removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Duplex removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public Duplex removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Duplex removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public Duplex setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }

  @Override
  public Duplex pause() {
    super.pause();
    return this;
  }

  @Override
  public Duplex resume() {
    super.resume();
    return this;
  }

  @Override
  public Duplex setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Duplex setEncoding(Encoding encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Duplex setEncoding(Charset charset) {
    super.setEncoding(charset);
    return this;
  }
}
