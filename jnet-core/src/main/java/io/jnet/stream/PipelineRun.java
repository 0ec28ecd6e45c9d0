package io.jnet.stream;

import io.jnet.error.JnetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code pipeline(...)} in progress: Node 24's {@code pipelineImpl} for streams. Loop thread
 * only.
 */
final class PipelineRun {
  private final List<Stream> streams;
  private Consumer<JnetException> callback;
  private final List<Destroyer> destroys = new ArrayList<>();
  private final List<Runnable> lastStreamCleanup = new ArrayList<>();
  private JnetException error;
  private int finishCount;

  PipelineRun(List<Stream> streams, Consumer<JnetException> callback) {
    this.streams = streams;
    this.callback = callback;
  }

  /** Per stream: destroys it when the pipeline fails, unless it is already done. */
  private static final class Destroyer {
    final Stream stream;
    boolean finished;
    Runnable cleanup;

    Destroyer(Stream stream, boolean reading, boolean writing) {
      this.stream = stream;
      stream.on(Stream.CLOSE, () -> finished = true);
      cleanup = EndOfStream.eos(stream, reading, writing, err -> finished = err == null);
    }

    void destroy(JnetException err) {
      if (finished) return;
      finished = true;
      Streams.destroyer(stream, err != null ? err : StreamErrors.destroyed("pipe"));
    }
  }

  /**
   * Pipes the streams together. Throws {@code ERR_STREAM_UNABLE_TO_PIPE} when a stream after the
   * first is closed or destroyed, as Node 24 does, having set up the streams before it (Node's
   * order: each stream checks the next before it is wired).
   */
  void start() {
    assert streams.get(0).onLoop() : "off the loop";
    Stream ret = null;
    int n = streams.size();
    for (int i = 0; i < n; i++) {
      Stream stream = streams.get(i);
      boolean reading = i < n - 1;
      boolean writing = i > 0;
      boolean isLast = i == n - 1;
      if (!isLast && unusable(streams.get(i + 1))) throw StreamErrors.unableToPipe();
      Destroyer d = new Destroyer(stream, reading, writing);
      destroys.add(d);
      if (isLast && EndOfStream.isReadable(stream)) lastStreamCleanup.add(d.cleanup);
      Consumer<JnetException> onError =
          err -> {
            if (err != null
                && !"AbortError".equals(err.name())
                && !"ERR_STREAM_PREMATURE_CLOSE".equals(err.code())) {
              finish(err);
            }
          };
      stream.on(Stream.ERROR, onError);
      if (isLast && EndOfStream.isReadable(stream)) {
        lastStreamCleanup.add(() -> stream.off(Stream.ERROR, onError));
      }
      if (i > 0) {
        finishCount += 2;
        pipe((Readable) ret, stream);
      }
      ret = stream;
    }
  }

  /** Node's {@code next.closed || next.destroyed}: a stream no pipe may write into. */
  static boolean unusable(Stream next) {
    return next.closed() || next.destroyed();
  }

  private void finish(JnetException err) {
    finishImpl(err, --finishCount == 0);
  }

  private void finishImpl(JnetException err, boolean last) {
    if (err != null && (error == null || "ERR_STREAM_PREMATURE_CLOSE".equals(error.code()))) {
      error = err;
    }
    if (error == null && !last) return;
    while (!destroys.isEmpty()) destroys.remove(0).destroy(error);
    if (last) {
      if (error == null) lastStreamCleanup.forEach(Runnable::run);
      Consumer<JnetException> cb = callback;
      callback = null;
      JnetException e = error;
      if (cb != null) streams.get(0).loop.nextTick(() -> cb.accept(e));
    }
  }

  private void pipe(Readable src, Stream dst) {
    boolean[] ended = new boolean[1];
    dst.on(
        Stream.CLOSE,
        () -> {
          if (!ended[0]) finish(StreamErrors.prematureClose());
        });
    src.pipe((WritableStream) dst, false);
    Runnable endFn =
        () -> {
          ended[0] = true;
          ((WritableStream) dst).end();
        };
    if (EndOfStream.isReadableFinished(src, true)) {
      src.loop.nextTick(endFn);
    } else {
      src.once(Readable.END, endFn);
    }
    EndOfStream.eos(
        src,
        true,
        false,
        err -> {
          ReadableState r = src.rs;
          if (err != null
              && "ERR_STREAM_PREMATURE_CLOSE".equals(err.code())
              && r.has(ReadableState.ENDED)
              && !r.has(StreamState.ERRORED | StreamState.ERROR_EMITTED)) {
            src.once(Readable.END, () -> finish(null));
            src.once(Stream.ERROR, this::finish);
          } else {
            finish(err);
          }
        });
    EndOfStream.eos(dst, false, true, this::finish);
  }
}
