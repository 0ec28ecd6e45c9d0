package io.jnet.stream;

import io.jnet.error.JnetException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The functions of Node's {@code stream} module: {@code pipeline} and {@code finished}.
 *
 * <h2>pipeline</h2>
 *
 * <p>{@code pipeline(a, b, c, callback)} pipes {@code a} into {@code b} into {@code c} with
 * backpressure, and calls {@code callback} once, on a later tick: with null when the last stream
 * finished, or with the first error of any stream. On an error (or a premature close) every stream
 * not yet done is destroyed: with the error, else with {@code ERR_STREAM_DESTROYED} ({@code "Cannot
 * call pipe after a stream was destroyed"}). It returns the last stream, as Node's does. A stream
 * after the first that is already closed or destroyed makes it throw {@code
 * ERR_STREAM_UNABLE_TO_PIPE} at the call, and the callback never runs (Node 24).
 *
 * <h2>finished</h2>
 *
 * <p>{@code finished(stream, callback)} calls {@code callback} once when the stream is done:
 * readable side ended and/or writable side finished (with null), or errored (with the error), or
 * closed before that ({@code ERR_STREAM_PREMATURE_CLOSE}). It returns a cleanup that removes its
 * listeners.
 *
 * <h2>Blocking views</h2>
 *
 * <p>{@link #inputStream} and {@link #outputStream} adapt a stream to {@code java.io} for code on
 * other threads, keeping the stream's backpressure.
 *
 * <p>pipeline and finished may be called from any thread; the work runs on the first stream's loop
 * (all streams of a pipeline should share one loop), and callbacks run there.
 */
public final class Streams {
  private Streams() {}

  /**
   * Node's {@code stream.finished(stream, callback)}; returns the cleanup.
   *
   * @param stream the stream
   * @param callback called once with null when the stream or pipeline is done, or with its error
   * @return the cleanup: running it removes the listeners this call added
   */
  public static Runnable finished(Stream stream, Consumer<JnetException> callback) {
    Objects.requireNonNull(stream, "stream == null");
    Objects.requireNonNull(callback, "callback == null");
    if (stream.onLoop()) return EndOfStream.eos(stream, null, null, callback);
    // Tasks from one thread run in order: the cleanup task always finds the listeners installed.
    Runnable[] cleanup = new Runnable[1];
    stream.loop.execute(() -> cleanup[0] = EndOfStream.eos(stream, null, null, callback));
    return () -> stream.loop.execute(() -> cleanup[0].run());
  }

  /**
   * Node's {@code stream.finished(stream, {readable, writable}, callback)}: {@code readable} false
   * does not wait for {@code 'end'}, {@code writable} false does not wait for {@code 'finish'}.
   *
   * @param stream the stream
   * @param readable whether to wait for {@code 'end'}
   * @param writable whether to wait for {@code 'finish'}
   * @param callback called once with null when the stream or pipeline is done, or with its error
   * @return the cleanup: running it removes the listeners this call added
   */
  public static Runnable finished(
      Stream stream, boolean readable, boolean writable, Consumer<JnetException> callback) {
    Objects.requireNonNull(stream, "stream == null");
    Objects.requireNonNull(callback, "callback == null");
    if (stream.onLoop()) return EndOfStream.eos(stream, readable, writable, callback);
    Runnable[] cleanup = new Runnable[1];
    stream.loop.execute(() -> cleanup[0] = EndOfStream.eos(stream, readable, writable, callback));
    return () -> stream.loop.execute(() -> cleanup[0].run());
  }

  /**
   * Node's {@code pipeline(source, destination, callback)}; returns destination.
   *
   * @param <W> the type of the destination
   * @param source the first stream
   * @param destination the last stream
   * @param callback called once with null when the stream or pipeline is done, or with its error
   * @return the last stream
   */
  public static <W extends WritableStream> W pipeline(
      Readable source, W destination, Consumer<JnetException> callback) {
    pipeline(List.of(source, (Stream) destination), callback);
    return destination;
  }

  /**
   * Node's {@code pipeline(source, transform, destination, callback)}; returns destination.
   *
   * @param <W> the type of the destination
   * @param source the first stream
   * @param transform the stream between
   * @param destination the last stream
   * @param callback called once with null when the stream or pipeline is done, or with its error
   * @return the last stream
   */
  public static <W extends WritableStream> W pipeline(
      Readable source, Duplex transform, W destination, Consumer<JnetException> callback) {
    pipeline(List.of(source, transform, (Stream) destination), callback);
    return destination;
  }

  /**
   * Node's {@code pipeline(streams, callback)}: the first stream is a {@link Readable}, the last a
   * {@link WritableStream}, those between are {@link Duplex}es. Returns the last stream.
   *
   * @param streams the streams, first to last
   * @param callback called once with null when the stream or pipeline is done, or with its error
   * @return the last stream
   */
  public static Stream pipeline(List<? extends Stream> streams, Consumer<JnetException> callback) {
    Objects.requireNonNull(callback, "callback == null");
    if (streams == null || streams.size() < 2) throw StreamErrors.missingStreams();
    List<Stream> list = new ArrayList<>(streams);
    for (int i = 0; i < list.size(); i++) {
      Stream s = Objects.requireNonNull(list.get(i), "streams[" + i + "] == null");
      if (i < list.size() - 1 && !(s instanceof Readable)) {
        throw invalidStream(i, "Readable");
      }
      if (i > 0 && !(s instanceof WritableStream)) throw invalidStream(i, "Writable");
    }
    Stream first = list.get(0);
    if (first.onLoop()) {
      new PipelineRun(list, callback).start();
      return list.get(list.size() - 1);
    }
    for (int i = 1; i < list.size(); i++) {
      if (PipelineRun.unusable(list.get(i))) throw StreamErrors.unableToPipe();
    }
    first.loop.execute(() -> startHandedOver(list, callback));
    return list.get(list.size() - 1);
  }

  /**
   * Starts a pipeline called off the loop. A stream destroyed after the call's check cannot make
   * the call throw any more: the callback gets the error instead (a jnet difference, as threads
   * are).
   */
  private static void startHandedOver(List<Stream> list, Consumer<JnetException> callback) {
    try {
      new PipelineRun(list, callback).start();
    } catch (JnetException e) {
      if (!"ERR_STREAM_UNABLE_TO_PIPE".equals(e.code())) throw e;
      list.get(0).loop.nextTick(() -> callback.accept(e));
    }
  }

  private static JnetException invalidStream(int i, String kind) {
    return JnetException.typeError(
        "ERR_INVALID_ARG_TYPE",
        "The \"streams[" + i + "]\" argument must be a " + kind + " stream");
  }

  /**
   * A blocking {@link InputStream} view of {@code stream}, for another thread (a virtual thread,
   * say): it consumes the stream and keeps its backpressure. A jnet addition. Never read it on the
   * stream's loop thread.
   *
   * @param stream the stream
   * @return the blocking view
   */
  public static InputStream inputStream(Readable stream) {
    Objects.requireNonNull(stream, "stream == null");
    return new BlockingInput(stream);
  }

  /**
   * A blocking {@link OutputStream} view of {@code stream}: writes wait for {@code 'drain'}, {@code
   * close} ends the stream and waits for {@code 'finish'}. A jnet addition. Never write it on the
   * stream's loop thread.
   *
   * @param stream the stream
   * @return the blocking view
   */
  public static OutputStream outputStream(WritableStream stream) {
    Objects.requireNonNull(stream, "stream == null");
    return new BlockingOutput(stream);
  }

  /** Node's {@code destroyer(stream, err)} of destroy.js: destroys unless already done. */
  static void destroyer(Stream stream, JnetException err) {
    if (stream.destroyed()) return;
    stream.destroyFromMachinery(err);
  }
}
