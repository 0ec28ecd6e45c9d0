package io.jnet.stream;

import io.jnet.buffer.Buffer;

/**
 * A duplex stream whose output is computed from its input: Node 20's {@code stream.Transform}.
 *
 * <p>An implementation overrides {@link #_transform} (or passes {@link StreamOptions#transform}):
 * for each written chunk it {@code push}es any output and then calls the callback; {@link #_flush}
 * pushes what is left when the writable side ends, after which the readable side ends. Backpressure
 * is the reader's: while the readable buffer is full, the callback of the chunk that filled it is
 * held back until the reader asks for more, so writes buffer up and {@code write} returns false.
 */
public class Transform extends Duplex {
  private final StreamOptions.TransformHook transformHook;
  private final StreamOptions.FlushHook flushHook;
  private final boolean hasFlush;

  /** The held back callback of the last transformed chunk; loop thread only. */
  private Callback pendingCallback;

  /** A transform with Node's defaults; override {@link #_transform}. */
  public Transform() {
    this(StreamOptions.defaults());
  }

  /** A transform with {@code options}. */
  public Transform(StreamOptions options) {
    super(options);
    this.transformHook = options.transform;
    this.flushHook = options.flush;
    this.hasFlush = options.flush != null || Hooks.overrides(this, "_flush");
    rs.clear(ReadableState.SYNC);
  }

  /**
   * Transforms one chunk: push the output, then call {@code callback}. Node's {@code _transform};
   * the default calls the {@code transform} option or fails with {@code
   * ERR_METHOD_NOT_IMPLEMENTED}.
   */
  protected void _transform(Buffer chunk, Callback callback) {
    if (transformHook == null) throw StreamErrors.methodNotImplemented("_transform()");
    transformHook.transform(this, chunk, callback);
  }

  /** Pushes the last output once the writable side ended; Node's {@code _flush}. */
  protected void _flush(Callback callback) {
    if (flushHook != null) {
      flushHook.flush(this, callback);
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
}
