package io.jnet.stream;

import io.jnet.error.JnetException;
import java.util.function.Consumer;

/**
 * Node's {@code lib/internal/streams/end-of-stream.js}: calls back once a stream is done (ended,
 * finished, errored or closed), with {@code ERR_STREAM_PREMATURE_CLOSE} when it closed before
 * ending. Loop thread only.
 */
final class EndOfStream {
  private final Stream stream;
  private final boolean readable;
  private final boolean writable;
  private final ReadableState rState;
  private final WritableState wState;
  private Consumer<JnetException> callback;
  private boolean willEmitClose;
  private boolean writableFinished;
  private boolean readableFinished;

  private final Runnable onfinish = this::onfinish;
  private final Runnable onend = this::onend;
  private final Runnable onclose = this::onclose;
  private final Consumer<JnetException> onerror = this::onerror;

  private EndOfStream(
      Stream stream, boolean readable, boolean writable, Consumer<JnetException> callback) {
    this.stream = stream;
    this.readable = readable;
    this.writable = writable;
    this.rState = stream.readState();
    this.wState = stream.writeState();
    this.callback = callback;
  }

  /** Whether {@code stream} has a readable side that is not disabled. */
  static boolean isReadableNodeStream(Stream s) {
    ReadableState r = s.readState();
    return r != null && !r.has(StreamState.DISABLED);
  }

  /** Whether {@code stream} has a writable side that is not disabled. */
  static boolean isWritableNodeStream(Stream s) {
    WritableState w = s.writeState();
    return w != null && !w.has(StreamState.DISABLED);
  }

  static boolean isReadableFinished(Stream s, boolean strict) {
    if (!isReadableNodeStream(s)) return false;
    ReadableState r = s.readState();
    if (r.has(StreamState.ERRORED)) return false;
    return r.has(ReadableState.END_EMITTED)
        || (!strict && r.has(ReadableState.ENDED) && r.length == 0);
  }

  static boolean isWritableFinished(Stream s, boolean strict) {
    if (!isWritableNodeStream(s)) return false;
    WritableState w = s.writeState();
    if (w.has(WritableState.FINISHED)) return true;
    if (w.has(StreamState.ERRORED)) return false;
    return !strict && w.has(WritableState.ENDED) && w.length == 0;
  }

  /** Node's {@code isReadable}: null (no readable side) is false here. */
  static boolean isReadable(Stream s) {
    if (s.readState() == null) return false;
    if (s.destroyed()) return false;
    return isReadableNodeStream(s) && ((Readable) s).readable() && !isReadableFinished(s, true);
  }

  static Boolean isWritable(Stream s) {
    WritableState w = s.writeState();
    if (w == null) return null;
    if (s.destroyed()) return false;
    return isWritableNodeStream(s) && w.writable() && !w.has(WritableState.ENDING);
  }

  private static boolean willEmitClose(Stream s) {
    StreamState st = s.writeState() != null ? s.writeState() : s.readState();
    return st.has(StreamState.AUTO_DESTROY)
        && st.has(StreamState.EMIT_CLOSE)
        && !st.has(StreamState.CLOSED);
  }

  private static boolean isClosed(Stream s) {
    WritableState w = s.writeState();
    ReadableState r = s.readState();
    return (w != null && w.has(StreamState.CLOSED)) || (r != null && r.has(StreamState.CLOSED));
  }

  /** Node's {@code eos(stream, {readable, writable}, callback)}; returns the cleanup. */
  static Runnable eos(
      Stream stream, Boolean readable, Boolean writable, Consumer<JnetException> callback) {
    boolean r = readable != null ? readable : isReadableNodeStream(stream);
    boolean w = writable != null ? writable : isWritableNodeStream(stream);
    EndOfStream e = new EndOfStream(stream, r, w, callback);
    e.start();
    return e::cleanup;
  }

  private void start() {
    willEmitClose =
        willEmitClose(stream)
            && isReadableNodeStream(stream) == readable
            && isWritableNodeStream(stream) == writable;
    writableFinished = isWritableFinished(stream, false);
    readableFinished = isReadableFinished(stream, false);
    boolean closed = isClosed(stream);

    stream.on(Readable.END, onend);
    stream.on(WritableStream.FINISH, onfinish);
    stream.on(Stream.ERROR, onerror);
    stream.on(Stream.CLOSE, onclose);

    if (closed) {
      stream.loop.nextTick(onclose);
    } else if ((wState != null && wState.has(StreamState.ERROR_EMITTED))
        || (rState != null && rState.has(StreamState.ERROR_EMITTED))) {
      if (!willEmitClose) stream.loop.nextTick(onclose);
    } else if (!readable
        && (!willEmitClose || isReadable(stream))
        && (writableFinished || Boolean.FALSE.equals(isWritable(stream)))) {
      stream.loop.nextTick(onclose);
    } else if (!writable
        && (!willEmitClose || Boolean.TRUE.equals(isWritable(stream)))
        && (readableFinished || !isReadable(stream))) {
      stream.loop.nextTick(onclose);
    }
  }

  private void call(JnetException err) {
    Consumer<JnetException> cb = callback;
    if (cb == null) return;
    callback = null;
    cb.accept(err);
  }

  private boolean streamReadable() {
    return stream instanceof Readable r && r.readable();
  }

  private boolean streamWritable() {
    return stream instanceof WritableStream w && w.writable();
  }

  private void onfinish() {
    writableFinished = true;
    if (stream.destroyed()) willEmitClose = false;
    if (willEmitClose && (!streamReadable() || readable)) return;
    if (!readable || readableFinished) call(null);
  }

  private void onend() {
    readableFinished = true;
    if (stream.destroyed()) willEmitClose = false;
    if (willEmitClose && (!streamWritable() || writable)) return;
    if (!writable || writableFinished) call(null);
  }

  private void onerror(JnetException err) {
    call(err);
  }

  private void onclose() {
    JnetException errored = null;
    if (wState != null && wState.errored != null) errored = wState.errored;
    if (errored == null && rState != null) errored = rState.errored;
    if (errored != null) {
      call(errored);
      return;
    }
    if (readable && !readableFinished && isReadableNodeStream(stream)) {
      if (!isReadableFinished(stream, false)) {
        call(StreamErrors.prematureClose());
        return;
      }
    }
    if (writable && !writableFinished) {
      if (!isWritableFinished(stream, false)) {
        call(StreamErrors.prematureClose());
        return;
      }
    }
    call(null);
  }

  private void cleanup() {
    callback = null;
    stream.off(WritableStream.FINISH, onfinish);
    stream.off(Readable.END, onend);
    stream.off(Stream.ERROR, onerror);
    stream.off(Stream.CLOSE, onclose);
  }
}
