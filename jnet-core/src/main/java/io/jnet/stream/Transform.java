package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * A duplex stream whose output is computed from its input: Node 24's {@code stream.Transform}.
 *
 * <p>An implementation overrides {@link #_transform} (or passes {@link StreamOptions#transform}):
 * for each written chunk it {@code push}es any output and then calls the callback; {@link #_flush}
 * pushes what is left when the writable side ends, after which the readable side ends. Backpressure
 * is the reader's: while the readable buffer is full, the callback of the chunk that filled it is
 * held back until the reader asks for more, so writes buffer up and {@code write} returns false.
 */
public class Transform extends Duplex {
  private final boolean hasFlush;

  /** The held back callback of the last transformed chunk; loop thread only. */
  private Callback pendingCallback;

  /** A transform with Node's defaults; override {@link #_transform}. */
  public Transform() {
    this(StreamOptions.defaults());
  }

  /**
   * A transform with {@code options}.
   *
   * @param options the stream's options
   */
  public Transform(StreamOptions options) {
    super(options);
    this.hasFlush = options.flush != null || Hooks.overrides(this, "_flush");
    rs.clear(ReadableState.SYNC);
  }

  /**
   * Transforms one chunk: push the output, then call {@code callback}. Node's {@code _transform};
   * the default calls the {@code transform} option or fails with {@code
   * ERR_METHOD_NOT_IMPLEMENTED}.
   *
   * @param chunk the bytes written
   * @param callback call once when done, or with the error
   */
  protected void _transform(Buffer chunk, Callback callback) {
    if (optionHooks.transform == null) throw StreamErrors.methodNotImplemented("_transform()");
    optionHooks.transform.transform(this, chunk, callback);
  }

  /**
   * Pushes the last output once the writable side ended; Node's {@code _flush}.
   *
   * @param callback call once when done, or with the error
   */
  protected void _flush(Callback callback) {
    if (optionHooks.flush != null) {
      optionHooks.flush.flush(this, callback);
    } else {
      callback.done();
    }
  }

  @Override
  protected void _write(Buffer chunk, Callback callback) {
    int lengthBefore = rs.length;
    _transform(
        chunk,
        err -> {
          if (!onLoop()) {
            loop.execute(() -> afterTransform(err, lengthBefore, callback));
          } else {
            afterTransform(err, lengthBefore, callback);
          }
        });
  }

  private void afterTransform(
      io.jnet.error.JnetException err, int lengthBefore, Callback callback) {
    if (err != null) {
      callback.done(err);
      return;
    }
    if (rs.has(ReadableState.ENDED)) {
      loop.nextTick(callback::done);
    } else if (ws.has(WritableState.ENDED)
        || lengthBefore == rs.length
        || rs.length < rs.highWaterMark) {
      callback.done();
    } else {
      pendingCallback = callback;
    }
  }

  @Override
  protected void _read(int size) {
    Callback cb = pendingCallback;
    if (cb != null) {
      pendingCallback = null;
      cb.done();
    }
  }

  @Override
  protected void _final(Callback callback) {
    if (hasFlush && !destroyed()) {
      _flush(
          err -> {
            if (err != null) {
              callback.done(err);
              return;
            }
            pushEnd();
            callback.done();
          });
    } else {
      pushEnd();
      callback.done();
    }
  }

  // Chaining: the registration and mode methods return this Transform (a jnet extra).

  @Override
  public <T> Transform on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Transform on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Transform on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> Transform addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Transform addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Transform addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> Transform once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Transform once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Transform once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Transform prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Transform prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Transform prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Transform prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Transform prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Transform prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Transform off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public Transform off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Transform removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public Transform removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Transform removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public Transform removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Transform removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public Transform setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }

  @Override
  public Transform pause() {
    super.pause();
    return this;
  }

  @Override
  public Transform resume() {
    super.resume();
    return this;
  }

  @Override
  public Transform setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Transform setEncoding(Encoding encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Transform setEncoding(Charset charset) {
    super.setEncoding(charset);
    return this;
  }

  @Override
  public Transform setDefaultEncoding(String encoding) {
    super.setDefaultEncoding(encoding);
    return this;
  }
}
