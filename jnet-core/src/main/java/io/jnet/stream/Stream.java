package io.jnet.stream;

import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.EventEmitter;
import io.jnet.events.Signal;
import io.jnet.loop.EventLoop;

/**
 * The common base of every stream: its loop, and destruction ({@code destroy}, {@code 'error'},
 * {@code 'close'}) as Node's {@code lib/internal/streams/destroy.js} does it.
 *
 * <h2>Destruction, as in Node 24</h2>
 *
 * <p>{@link #destroy(Throwable)} marks the stream destroyed at once ({@link #destroyed()} is true
 * when it returns), then calls {@code _destroy(err, callback)}; after that callback, on the next
 * tick, {@code 'error'} (if there was an error, at most once per stream) and then {@code 'close'}
 * (unless {@code emitClose} is false) are emitted. A second destroy does nothing. A stream still
 * being constructed ({@code _construct}) is destroyed once construction is over.
 *
 * <h2>Threads</h2>
 *
 * <p>A stream belongs to the loop of the thread that made it ({@link EventLoop#current()}), else to
 * the default loop (or to {@link StreamOptions#loop}), and emits only on that loop's thread. Every
 * public method may be called from any thread: off the loop it is handed to the loop with {@code
 * execute}, so one thread's calls keep their order. State readers ({@link #destroyed()}, {@link
 * #errored()}...) read volatile state and are right from any thread.
 */
public abstract class Stream extends EventEmitter {
  /** Node's {@code 'close'}: the stream and its resources are released; always the last event. */
  public static final Signal CLOSE = Signal.of("close");

  /** Node's {@code 'error'}: emitted at most once, just before {@code 'close'}. */
  public static final Event<JnetException> ERROR = EventEmitter.ERROR;

  /** The loop this stream belongs to and emits on. */
  final EventLoop loop;

  /**
   * Where the implementation hooks given as options are read ({@code read}, {@code write}, {@code
   * destroy}...): the options themselves when they set one, else the shared defaults, so that a
   * stream holds one reference for them all and no copy of options that only set sizes.
   */
  final StreamOptions optionHooks;

  /** A destroy that waits for construction to end; loop thread only. */
  private boolean destroyAfterConstruct;

  private JnetException destroyAfterConstructError;

  Stream(StreamOptions options) {
    EventLoop current = options.loop != null ? options.loop : EventLoop.current();
    this.loop = current != null ? current : EventLoop.defaultLoop();
    this.optionHooks = options.hasHooks() ? options : StreamOptions.defaults();
  }

  /** The readable side's state, or null. */
  abstract ReadableState readState();

  /** The writable side's state, or null. */
  abstract WritableState writeState();

  /** Whether the writable side is open (Node's {@code stream.writable}); false without one. */
  boolean writableSideOpen() {
    return false;
  }

  /** Duplex only: Node's {@code allowHalfOpen}. */
  boolean allowHalfOpenFlag() {
    return true;
  }

  /** Node's {@code end()} of the writable side, used when the readable side ends a Duplex. */
  void endWritableSide() {}

  /**
   * Makes a destroyed stream usable again, as Node's internal {@code undestroy} does for {@code
   * net.Socket}'s reconnect: both sides are open, unended and error-free, and whatever was buffered
   * stays. Loop thread only; for subclasses that reopen their resource.
   */
  protected final void undestroy() {
    ReadableState r = readState();
    if (r != null) {
      r.clear(
          StreamState.CLOSED
              | StreamState.CLOSE_EMITTED
              | StreamState.DESTROYED
              | StreamState.ERRORED
              | StreamState.ERROR_EMITTED
              | ReadableState.READING
              | ReadableState.ENDED
              | ReadableState.END_EMITTED);
      r.set(StreamState.CONSTRUCTED);
      r.errored = null;
      if (r.has(StreamState.DISABLED)) r.set(ReadableState.ENDED | ReadableState.END_EMITTED);
    }
    WritableState w = writeState();
    if (w != null) {
      w.clear(
          StreamState.CLOSED
              | StreamState.CLOSE_EMITTED
              | StreamState.DESTROYED
              | StreamState.ERRORED
              | StreamState.ERROR_EMITTED
              | WritableState.FINAL_CALLED
              | WritableState.PREFINISHED
              | WritableState.ENDED
              | WritableState.ENDING
              | WritableState.FINISHED);
      w.set(StreamState.CONSTRUCTED);
      w.errored = null;
      if (w.has(StreamState.DISABLED)) {
        w.set(WritableState.ENDED | WritableState.ENDING | WritableState.FINISHED);
      }
    }
  }

  /**
   * The loop this stream belongs to: every event of this stream is emitted on its thread.
   *
   * @return the stream's loop
   */
  public final EventLoop loop() {
    return loop;
  }

  // Destroy.

  /**
   * Node's {@code destroy()}: releases the stream without an error.
   *
   * @return this stream
   */
  public Stream destroy() {
    return destroy(null);
  }

  /**
   * Node's {@code destroy(err)}: releases the stream; {@code error}, if not null, is emitted as
   * {@code 'error'} (wrapped as {@link JnetException#wrap} does) before {@code 'close'}.
   *
   * @param error the error to emit, or null
   * @return this stream
   */
  public Stream destroy(Throwable error) {
    JnetException err = error == null ? null : JnetException.wrap(error);
    if (!loop.inLoop()) {
      loop.execute(() -> destroyOnLoop(err));
      return this;
    }
    destroyOnLoop(err);
    return this;
  }

  /**
   * What the stream machinery calls where Node calls {@code stream.destroy(err)} (autoDestroy,
   * errors): the public, overridable {@link #destroy(Throwable)}.
   */
  final void destroyFromMachinery(JnetException err) {
    destroy(err);
  }

  /**
   * Whether {@link #destroy} was called. Safe from any thread.
   *
   * @return whether the stream was destroyed
   */
  public boolean destroyed() {
    ReadableState r = readState();
    WritableState w = writeState();
    if (r != null && w != null) return r.has(StreamState.DESTROYED) && w.has(StreamState.DESTROYED);
    StreamState s = r != null ? r : w;
    return s.has(StreamState.DESTROYED);
  }

  /**
   * The error the stream was destroyed or failed with, or null. Safe from any thread.
   *
   * @return the error, or null
   */
  public JnetException errored() {
    WritableState w = writeState();
    if (w != null && w.errored != null) return w.errored;
    ReadableState r = readState();
    return r == null ? null : r.errored;
  }

  /**
   * Whether the stream finished destroying ({@code _destroy}'s callback ran).
   *
   * @return whether the stream is closed
   */
  public boolean closed() {
    StreamState s = writeState() != null ? writeState() : readState();
    return s.has(StreamState.CLOSED);
  }

  /**
   * Releases the stream's resources; call {@code callback} when done, with the error to emit (by
   * default the one given). Node's {@code _destroy}.
   *
   * @param error the error the stream is destroyed with, or null
   * @param callback call once when done, with the error to emit (or null)
   */
  protected void _destroy(JnetException error, Callback callback) {
    if (optionHooks.destroy != null) {
      optionHooks.destroy.destroy(error, callback);
    } else {
      callback.done(error);
    }
  }

  /**
   * Prepares the stream before any {@code _read} or {@code _write}; runs on the next tick after
   * construction when overridden (or given as an option). Node's {@code _construct}.
   *
   * @param callback call once when done, or with the error
   */
  protected void _construct(Callback callback) {
    if (optionHooks.construct != null) {
      optionHooks.construct.run(callback);
    } else {
      callback.done();
    }
  }

  void destroyOnLoop(JnetException err) {
    assert onLoop() : "off the loop";
    ReadableState r = readState();
    WritableState w = writeState();
    if (w != null) w.beforeDestroy();
    if ((w != null && w.has(StreamState.DESTROYED))
        || (r != null && r.has(StreamState.DESTROYED))) {
      return;
    }
    checkError(err, w, r);
    if (w != null) w.set(StreamState.DESTROYED);
    if (r != null) r.set(StreamState.DESTROYED);
    StreamState s = w != null ? w : r;
    if (!s.has(StreamState.CONSTRUCTED)) {
      destroyAfterConstruct = true;
      destroyAfterConstructError = err;
    } else {
      runDestroy(err);
    }
  }

  private void runDestroy(JnetException err) {
    Callback onDestroy = new OnDestroy();
    try {
      _destroy(err, onDestroy);
    } catch (RuntimeException e) {
      onDestroy.fail(e);
    }
  }

  /** The callback handed to {@code _destroy}: runs once, on the loop. */
  private final class OnDestroy implements Callback {
    private boolean called;

    @Override
    public void done(JnetException err) {
      if (!loop.inLoop()) {
        loop.execute(() -> done(err));
        return;
      }
      if (called) return;
      called = true;
      ReadableState r = readState();
      WritableState w = writeState();
      checkError(err, w, r);
      if (w != null) w.set(StreamState.CLOSED);
      if (r != null) r.set(StreamState.CLOSED);
      if (err != null) {
        loop.nextTick(() -> emitErrorCloseNT(err));
      } else {
        loop.nextTick(this::emitClose);
      }
    }

    private void emitClose() {
      emitCloseNT();
    }
  }

  private static void checkError(JnetException err, WritableState w, ReadableState r) {
    if (err == null) return;
    if (w != null) w.error(err);
    if (r != null) r.error(err);
  }

  private void emitErrorCloseNT(JnetException err) {
    emitErrorNT(err);
    emitCloseNT();
  }

  private void emitCloseNT() {
    ReadableState r = readState();
    WritableState w = writeState();
    if (w != null) w.set(StreamState.CLOSE_EMITTED);
    if (r != null) r.set(StreamState.CLOSE_EMITTED);
    if ((w != null && w.has(StreamState.EMIT_CLOSE))
        || (r != null && r.has(StreamState.EMIT_CLOSE))) {
      emit(CLOSE);
    }
  }

  final void emitErrorNT(JnetException err) {
    ReadableState r = readState();
    WritableState w = writeState();
    if ((w != null && w.has(StreamState.ERROR_EMITTED))
        || (r != null && r.has(StreamState.ERROR_EMITTED))) {
      return;
    }
    if (w != null) w.set(StreamState.ERROR_EMITTED);
    if (r != null) r.set(StreamState.ERROR_EMITTED);
    emit(ERROR, err);
  }

  /**
   * Node's {@code errorOrDestroy}: destroys an autoDestroy stream with {@code err}, else records
   * and emits it ({@code sync}: on the next tick).
   */
  final void errorOrDestroy(JnetException err, boolean sync) {
    ReadableState r = readState();
    WritableState w = writeState();
    if ((w != null && w.has(StreamState.DESTROYED))
        || (r != null && r.has(StreamState.DESTROYED))) {
      return;
    }
    if ((r != null && r.has(StreamState.AUTO_DESTROY))
        || (w != null && w.has(StreamState.AUTO_DESTROY))) {
      destroyFromMachinery(err);
    } else if (err != null) {
      checkError(err, w, r);
      if (sync) {
        loop.nextTick(() -> emitErrorNT(err));
      } else {
        emitErrorNT(err);
      }
    }
  }

  // Construct.

  /** Starts {@code _construct} on the next tick when the stream has one; from constructors. */
  final void maybeConstruct(boolean hasConstruct) {
    if (!hasConstruct && optionHooks.construct == null) return;
    ReadableState r = readState();
    WritableState w = writeState();
    if (r != null) r.clear(StreamState.CONSTRUCTED);
    if (w != null) w.clear(StreamState.CONSTRUCTED);
    onLoopNextTick(this::constructNT);
  }

  private void constructNT() {
    Callback onConstruct =
        err -> {
          if (loop.inLoop()) {
            loop.nextTick(() -> afterConstruct(err));
          } else {
            loop.execute(() -> afterConstruct(err));
          }
        };
    try {
      _construct(onConstruct);
    } catch (RuntimeException e) {
      onConstruct.fail(e);
    }
  }

  private void afterConstruct(JnetException err) {
    ReadableState r = readState();
    WritableState w = writeState();
    StreamState s = w != null ? w : r;
    if (s.has(StreamState.CONSTRUCTED)) {
      errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
      return;
    }
    if (r != null) r.set(StreamState.CONSTRUCTED);
    if (w != null) w.set(StreamState.CONSTRUCTED);
    if (s.has(StreamState.DESTROYED)) {
      if (destroyAfterConstruct) {
        destroyAfterConstruct = false;
        JnetException first = destroyAfterConstructError;
        runDestroy(first != null ? first : err);
      }
    } else if (err != null) {
      errorOrDestroy(err, true);
    } else {
      loop.nextTick(
          () -> {
            if (r != null) r.onConstructed();
            if (w != null) w.onConstructed();
          });
    }
  }

  // Threads.

  /** Runs {@code task} on the next tick of this stream's loop, from any thread. */
  final void onLoopNextTick(Runnable task) {
    if (loop.inLoop()) {
      loop.nextTick(task);
    } else {
      loop.execute(task);
    }
  }

  /** Whether the caller is on this stream's loop, where the state machines run. */
  final boolean onLoop() {
    return loop.inLoop();
  }
}
