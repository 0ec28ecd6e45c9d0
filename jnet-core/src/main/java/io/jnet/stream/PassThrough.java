package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * A transform that passes every chunk through unchanged: Node 24's {@code stream.PassThrough}, the
 * simplest in-memory duplex (what is written can be read).
 */
public class PassThrough extends Transform {
  /** A pass-through with Node's defaults. */
  public PassThrough() {
    this(StreamOptions.defaults());
  }

  /**
   * A pass-through with {@code options} (highWaterMark, encoding...).
   *
   * @param options the stream's options
   */
  public PassThrough(StreamOptions options) {
    super(options);
  }

  @Override
  protected void _transform(Buffer chunk, Callback callback) {
    push(chunk);
    callback.done();
  }

  // Chaining: the registration and mode methods return this PassThrough (a jnet extra).

  @Override
  public <T> PassThrough on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public PassThrough on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public PassThrough on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> PassThrough addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public PassThrough addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public PassThrough addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> PassThrough once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public PassThrough once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public PassThrough once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> PassThrough prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public PassThrough prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public PassThrough prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> PassThrough prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public PassThrough prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public PassThrough prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public PassThrough off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public PassThrough off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public PassThrough removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public PassThrough removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public PassThrough removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public PassThrough removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public PassThrough removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public PassThrough setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }

  @Override
  public PassThrough pause() {
    super.pause();
    return this;
  }

  @Override
  public PassThrough resume() {
    super.resume();
    return this;
  }

  @Override
  public PassThrough setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public PassThrough setEncoding(Encoding encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public PassThrough setEncoding(Charset charset) {
    super.setEncoding(charset);
    return this;
  }

  @Override
  public PassThrough setDefaultEncoding(String encoding) {
    super.setDefaultEncoding(encoding);
    return this;
  }
}
