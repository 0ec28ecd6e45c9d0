package io.jnet.stream;

import io.jnet.buffer.Buffer;

/**
 * A transform that passes every chunk through unchanged: Node 20's {@code stream.PassThrough}, the
 * simplest in-memory duplex (what is written can be read).
 */
public class PassThrough extends Transform {
  /** A pass-through with Node's defaults. */
  public PassThrough() {
    this(StreamOptions.defaults());
  }

  /** A pass-through with {@code options} (highWaterMark, encoding...). */
  public PassThrough(StreamOptions options) {
    super(options);
  }

  @Override
  protected void _transform(Buffer chunk, Callback callback) {
    push(chunk);
    callback.done();
  }
}
