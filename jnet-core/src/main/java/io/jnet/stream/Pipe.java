package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code src.pipe(dest)}: the listeners Node's {@code Readable.prototype.pipe} installs, with
 * its backpressure (pause the source when {@code dest.write} returns false, resume on {@code
 * 'drain'} once every waiting destination drained). Loop thread only.
 *
 * <p>The pipe itself is the source's {@code 'end'} and {@code 'data'} listener ({@link #accept}):
 * Node's {@code endFn} and {@code ondata}. Its four listeners on the destination are two small
 * objects ({@link OnClose}: {@code 'close'} and {@code 'error'}; {@link OnFinish}: {@code 'finish'}
 * and {@code 'unpipe'}), so that every registration stays a listener of its own without an object
 * apiece. Each is registered as a Consumer and tells its events apart by their argument, and the
 * ones Node registers with {@code once} remove themselves before they act, as Node's once wrapper
 * does: the emitter then holds all of them bare, without a wrapper object each.
 */
final class Pipe implements Runnable, Consumer<Object> {
  /** 'data' in whichever form it is emitted: Buffer, or String in text mode. */
  private static final Event<Object> ANY_DATA = Event.of("data");

  // The signals a pipe hears, as events of an argument: its listeners are Consumers, held bare.
  @SuppressWarnings("unchecked")
  private static final Event<Object> END = (Event<Object>) (Event<?>) Readable.END.asEvent();

  @SuppressWarnings("unchecked")
  private static final Event<Object> CLOSE = (Event<Object>) (Event<?>) Stream.CLOSE.asEvent();

  @SuppressWarnings("unchecked")
  private static final Event<Object> FINISH =
      (Event<Object>) (Event<?>) WritableStream.FINISH.asEvent();

  private final Readable src;
  final WritableStream dest;

  /** Node's {@code end} option: whether the source's end ends {@link #dest}. */
  private final boolean end;

  private boolean cleanedUp;
  private Runnable ondrain;

  /** The source's state; not a field, to keep the pipe small. */
  private ReadableState state() {
    return src.rs;
  }

  /** {@link #dest} as the stream it is; not a field, to keep the pipe small. */
  private Stream destStream() {
    return (Stream) dest;
  }

  /** The destination's {@code 'close'} and {@code 'error'} listener. */
  private final OnClose onclose = new OnClose();

  /** The destination's {@code 'finish'} and {@code 'unpipe'} listener. */
  private final OnFinish onfinish = new OnFinish();

  /**
   * Node's {@code onerror} and {@code onclose}: {@code 'error'} carries its error, {@code 'close'}
   * none or a Boolean. Registered as a Consumer for both, so the emitter holds it bare.
   */
  private final class OnClose implements Consumer<Object> {
    @Override
    public void accept(Object arg) {
      if (arg instanceof JnetException er) {
        onerror(er);
      } else {
        onclose();
      }
    }
  }

  /**
   * Node's {@code unpipe} and {@code onfinish}: {@code 'unpipe'} carries its source, {@code
   * 'finish'} nothing. Registered as a Consumer for both, as {@link OnClose}.
   */
  private final class OnFinish implements Consumer<Object> {
    @Override
    public void accept(Object arg) {
      if (arg instanceof Readable readable) {
        onunpipe(readable);
      } else {
        onfinish();
      }
    }
  }

  private Pipe(Readable src, WritableStream dest, boolean end) {
    this.src = src;
    this.dest = dest;
    this.end = end;
  }

  static void start(Readable src, WritableStream dest, boolean end) {
    assert src.onLoop() : "off the loop";
    ReadableState state = src.rs;
    Pipe p = new Pipe(src, dest, end);
    if (state.pipeCount() == 1 && !state.has(ReadableState.MULTI_AWAIT_DRAIN)) {
      state.set(ReadableState.MULTI_AWAIT_DRAIN);
      List<Pipe> waiting = new ArrayList<>(2);
      if (state.awaitDrainWriters != null) waiting.add((Pipe) state.awaitDrainWriters);
      state.awaitDrainWriters = waiting;
    }
    state.addPipe(p);
    if (state.has(ReadableState.END_EMITTED)) {
      src.loop.nextTick(p);
    } else {
      src.on(END, (Consumer<Object>) p); // once: onend() removes it first
    }
    p.destStream().on(WritableStream.UNPIPE, p.onfinish);
    src.on(ANY_DATA, (Consumer<Object>) p);
    p.destStream().prependListener(Stream.ERROR, p.onclose);
    p.destStream().on(CLOSE, p.onclose); // once: onclose() removes it first
    p.destStream().on(FINISH, p.onfinish); // once, as onclose
    p.destStream().emit(WritableStream.PIPE, src);
    if (dest.writableNeedDrain()) {
      p.pause();
    } else if (!state.has(ReadableState.FLOWING)) {
      src.resume();
    }
  }

  /**
   * The destination that the next buffer {@code src} pushes goes to and nowhere else: {@code src}
   * flows with nothing buffered and no decoder, its one {@code 'data'} listener is its one pipe's,
   * and that pipe's destination writes at once ({@link WritableState#writesThrough}); else null.
   * Loop thread only. What the destination's {@code _write} does with the buffer is its own affair:
   * the caller knows its class.
   */
  static Object straightDestination(Object stream) {
    if (!(stream instanceof Readable src)) return null;
    ReadableState state = src.rs;
    if (state.pipeCount() != 1
        || state.decoder() != null
        || state.length != 0
        || !state.has(ReadableState.FLOWING)
        || state.has(
            ReadableState.SYNC
                | ReadableState.ENDED
                | StreamState.DESTROYED
                | StreamState.ERRORED)) {
      return null;
    }
    Pipe p = state.pipe(0);
    if (p.cleanedUp || !src.isSoleDataListener(p)) return null;
    WritableState ws = p.destStream().writeState();
    return ws != null && ws.writesThrough() ? p.dest : null;
  }

  static void unpipe(Readable src, WritableStream dest) {
    assert src.onLoop() : "off the loop";
    ReadableState state = src.rs;
    if (state.pipeCount() == 0) return;
    if (dest == null) {
      List<Pipe> all = state.removePipes();
      src.pause();
      for (Pipe p : all) p.destStream().emit(WritableStream.UNPIPE, src);
      return;
    }
    int index = -1;
    for (int i = 0; i < state.pipeCount(); i++) {
      if (state.pipe(i).dest == dest) {
        index = i;
        break;
      }
    }
    if (index < 0) return;
    Pipe p = state.removePipe(index);
    if (state.pipeCount() == 0) src.pause();
    p.destStream().emit(WritableStream.UNPIPE, src);
  }

  private void onunpipe(Readable readable) {
    if (readable == src && !cleanedUp && !state().hasPipe(this)) cleanup();
  }

  /** The source's {@code 'end'} when it had already ended: see {@link #onend}. */
  @Override
  public void run() {
    onend();
  }

  /** The source's {@code 'end'}: Node's {@code endFn}, {@code onend} (ends dest) or unpipe. */
  private void onend() {
    src.off(Readable.END, this);
    if (end) {
      dest.end();
    } else {
      unpipe();
    }
  }

  private void cleanup() {
    destStream().off(Stream.CLOSE, onclose);
    destStream().off(WritableStream.FINISH, onfinish);
    if (ondrain != null) destStream().off(WritableStream.DRAIN, ondrain);
    destStream().off(Stream.ERROR, onclose);
    destStream().off(WritableStream.UNPIPE, onfinish);
    src.off(Readable.END, this);
    src.off(ANY_DATA, this);
    cleanedUp = true;
    WritableState ws = destStream().writeState();
    boolean awaiting = state().awaitDrainWriters != null;
    if (ondrain != null && awaiting && (ws == null || ws.has(WritableState.NEED_DRAIN))) {
      ondrain.run();
    }
  }

  private void pause() {
    if (!cleanedUp) {
      int n = state().pipeCount();
      if (n == 1 && state().pipe(0) == this) {
        state().awaitDrainWriters = this;
        state().clear(ReadableState.MULTI_AWAIT_DRAIN);
      } else if (n > 1 && state().hasPipe(this)) {
        List<Pipe> waiting = waitingList();
        if (!waiting.contains(this)) waiting.add(this);
      }
      src.pause();
    }
    if (ondrain == null) {
      ondrain = this::pipeOnDrain;
      destStream().on(WritableStream.DRAIN, ondrain);
    }
  }

  private void pipeOnDrain() {
    if (state().awaitDrainWriters == this) {
      state().awaitDrainWriters = null;
    } else if (state().has(ReadableState.MULTI_AWAIT_DRAIN)) {
      waitingList().remove(this);
    }
    Object waiting = state().awaitDrainWriters;
    if ((waiting == null || (waiting instanceof List<?> l && l.isEmpty()))
        && src.listenerCount(Readable.DATA) > 0) {
      src.resume();
    }
  }

  /**
   * The source's set of waiting pipes in MULTI_AWAIT_DRAIN mode, made anew should a single writer
   * be there instead, as Node's {@code awaitDrainWriters.add} finds its set.
   */
  @SuppressWarnings("unchecked")
  private List<Pipe> waitingList() {
    if (state().awaitDrainWriters instanceof List<?> l) return (List<Pipe>) l;
    List<Pipe> waiting = new ArrayList<>(2);
    if (state().awaitDrainWriters != null) waiting.add((Pipe) state().awaitDrainWriters);
    state().awaitDrainWriters = waiting;
    return waiting;
  }

  /** The source's {@code 'data'}: Node's {@code ondata}; or its {@code 'end'}, which has none. */
  @Override
  public void accept(Object chunk) {
    if (chunk == null) {
      onend();
      return;
    }
    boolean ret = chunk instanceof String s ? dest.write(s) : dest.write((Buffer) chunk);
    if (!ret) pause();
  }

  private void onerror(JnetException er) {
    unpipe();
    destStream().off(Stream.ERROR, onclose);
    if (destStream().listenerCount(Stream.ERROR) == 0) {
      StreamState s =
          destStream().writeState() != null ? destStream().writeState() : destStream().readState();
      if (s != null && !s.has(StreamState.ERROR_EMITTED)) {
        destStream().errorOrDestroy(er, false);
      } else {
        destStream().emit(Stream.ERROR, er);
      }
    }
  }

  private void onclose() {
    destStream().off(Stream.CLOSE, onclose);
    destStream().off(WritableStream.FINISH, onfinish);
    unpipe();
  }

  private void onfinish() {
    destStream().off(WritableStream.FINISH, onfinish);
    destStream().off(Stream.CLOSE, onclose);
    unpipe();
  }

  private void unpipe() {
    src.unpipe(dest);
  }
}
