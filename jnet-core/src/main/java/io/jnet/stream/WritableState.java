package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;

/**
 * The writable side's state machine: Node 24's {@code WritableState} and the functions of {@code
 * lib/internal/streams/writable.js} (write, buffer, cork, end, prefinish, finish).
 *
 * <p>Loop thread only, except the volatile fields, which any thread may read. The hot path (a write
 * with room, completed synchronously or later) allocates nothing: the callback handed to {@code
 * _write} is this state itself ({@link #done}), the user's callback waits in a field. What only
 * some streams need (the queue of writes from other threads, the buffer behind a write in flight,
 * the ticks) is made on first use, so that an idle socket holds little more than this object.
 */
final class WritableState extends StreamState implements Callback, Runnable {
  static final int ENDED = 1 << FIRST_OWN_BIT;
  static final int SYNC = ENDED << 1;
  static final int FINAL_CALLED = ENDED << 2;
  static final int NEED_DRAIN = ENDED << 3;
  static final int ENDING = ENDED << 4;
  static final int FINISHED = ENDED << 5;
  static final int WRITING = ENDED << 6;
  static final int BUFFER_PROCESSING = ENDED << 7;
  static final int PREFINISHED = ENDED << 8;
  static final int ALL_NOOP = ENDED << 9;
  static final int EXPECT_WRITE_CB = ENDED << 10;
  static final int AFTER_WRITE_PENDING = ENDED << 11;
  static final int AFTER_WRITE_TICK_INFO = ENDED << 12;
  static final int HAS_WRITEV = ENDED << 13;
  static final int HAS_FINAL = ENDED << 14;

  /** True while taking in handed-over writes: they are buffered, as when corked. */
  static final int BATCHING = ENDED << 15;

  /** Corked ({@code cork()} more often than {@code uncork()}): the depth is {@link #corked()}. */
  static final int CORKED = ENDED << 17;

  /**
   * The stream is a {@link Duplex}: its hooks are {@link Duplex#HOOKS}, else {@link Writable}'s.
   */
  static final int DUPLEX_HOOKS = ENDED << 16;

  final Stream stream;

  /** Node's name of the encoding of strings written without one. Any thread. */
  volatile String defaultEncoding;

  /** Bytes accepted and not yet written. Loop thread writes, any thread reads. */
  volatile int length;

  /**
   * Operations handed over from other threads, in order; see {@link #handOver}. Null until the
   * first, then set once (under this).
   */
  private volatile HandOver handedOver;

  /**
   * The queue of operations handed over from other threads, with its counts: made by the first
   * hand-over, so that a stream written on its loop only never has one. It is the loop task that
   * takes them in ({@link #run}).
   */
  static final class HandOver extends ConcurrentLinkedQueue<Object> implements Runnable {
    private static final long serialVersionUID = 1L;

    private final transient WritableState state;

    /** Bytes written from other threads and not yet taken in by the loop. */
    volatile int pending;

    /** How many handed-over operations the loop has not taken in yet (0: no task scheduled). */
    volatile int count;

    static final AtomicIntegerFieldUpdater<HandOver> PENDING =
        AtomicIntegerFieldUpdater.newUpdater(HandOver.class, "pending");

    static final AtomicIntegerFieldUpdater<HandOver> COUNT =
        AtomicIntegerFieldUpdater.newUpdater(HandOver.class, "count");

    HandOver(WritableState state) {
      this.state = state;
    }

    @Override
    public void run() {
      state.takeHandedOver(this);
    }
  }

  /** Chunks one hand-over batch may hold before they go to {@code _writev}. */
  private static final int MAX_BATCH = 1024;

  private int writelen;
  private Consumer<JnetException> writecb;
  private int pendingcb;

  /**
   * What waits: the shared empty {@link #NOTHING_WAITS} until the first chunk, finish callback,
   * tick or cork waits (only {@link #waitingOfOwn} adds, and it replaces the shared one first),
   * then the stream's own. Loop thread writes; another thread reads it only after seeing {@link
   * #CORKED}.
   */
  private Waiting waiting = NOTHING_WAITS;

  /**
   * What waits for the stream: chunks behind the current write (or a cork), with their callbacks
   * (NOOP if none); the callbacks of {@code end()} waiting for {@code 'finish'}; the tick that will
   * run the callbacks of writes completed synchronously; the cork's depth. One object, made when
   * the first waits, so that a stream whose writes never wait carries one field for them. Loop
   * thread only, but {@link #corked}.
   */
  private static final class Waiting {
    final ArrayDeque<Buffer> chunks;
    final ArrayDeque<Consumer<JnetException>> callbacks;
    List<Consumer<JnetException>> onFinished;

    /** Node's {@code afterWriteTickInfo}: the pending tick, or null. */
    AfterWriteTick afterWriteTickInfo;

    /** Nesting depth of cork() while {@link #CORKED}. Loop thread writes, any thread reads. */
    volatile int corked;

    Waiting(int capacity) {
      chunks = new ArrayDeque<>(capacity);
      callbacks = new ArrayDeque<>(capacity);
    }
  }

  private static final Waiting NOTHING_WAITS = new Waiting(0);

  /** The stream's own {@link #waiting}, made on first use. */
  private Waiting waitingOfOwn() {
    Waiting w = waiting;
    if (w == NOTHING_WAITS) waiting = w = new Waiting(4); // grows when corked
    return w;
  }

  /** Node's {@code corked}: the depth of cork(); any thread. */
  int corked() {
    return has(CORKED) ? waiting.corked : 0;
  }

  private static final Consumer<JnetException> NOOP = e -> {};

  WritableState(
      Stream stream, StreamOptions o, boolean writable, boolean hasWritev, boolean hasFinal) {
    super(o, o.writableHwm());
    this.stream = stream;
    this.defaultEncoding = io.jnet.buffer.Encoding.of(o.defaultEncoding).nodeName();
    int f = SYNC | ALL_NOOP;
    if (hasWritev) f |= HAS_WRITEV;
    if (hasFinal) f |= HAS_FINAL;
    if (stream instanceof Duplex) f |= DUPLEX_HOOKS;
    if (!writable) f |= DISABLED | ENDING | ENDED | FINISHED;
    set(f);
  }

  // write().

  /** Node's {@code write}; from any thread. */
  boolean write(Buffer chunk, Consumer<JnetException> cb) {
    if (stream.onLoop()) return writeOnLoop(chunk, cb, false);
    int len = chunk.length();
    int inFlight = HandOver.PENDING.addAndGet(handOverQueue(), len);
    boolean ret = length + inFlight < highWaterMark && !has(DESTROYED | ERRORED | ENDING);
    handOver(new HandedWrite(chunk, cb, !ret));
    return ret;
  }

  /** A write made off the loop, waiting to be taken in by it. */
  private record HandedWrite(Buffer chunk, Consumer<JnetException> cb, boolean promisedDrain) {}

  /**
   * Queues {@code op} (a {@link HandedWrite} or a Runnable) for the loop: one wake-up takes in
   * every operation handed over since the last, in order. Any thread.
   */
  void handOver(Object op) {
    HandOver q = handOverQueue();
    q.add(op);
    if (HandOver.COUNT.getAndIncrement(q) == 0) stream.loop.execute(q);
  }

  private HandOver handOverQueue() {
    HandOver q = handedOver;
    if (q != null) return q;
    synchronized (this) {
      if (handedOver == null) handedOver = new HandOver(this);
      return handedOver;
    }
  }

  /** The hooks of the stream's class: see {@link #DUPLEX_HOOKS}. */
  private WriteHooks hooks() {
    return has(DUPLEX_HOOKS) ? Duplex.HOOKS : Writable.HOOKS;
  }

  /**
   * Runs every operation handed over, until none is left (so that a later {@code execute} from the
   * same thread, such as {@code destroy()}, still comes after its writes). Consecutive writes go to
   * {@code _writev} as one batch, as if corked: one system call for many small writes.
   */
  private void takeHandedOver(HandOver q) {
    int n = q.count;
    do {
      for (int i = 0; i < n; i++) {
        Object op = q.poll();
        try {
          if (op instanceof HandedWrite w) {
            HandOver.PENDING.addAndGet(q, -w.chunk.length());
            if (!has(BATCHING) && has(HAS_WRITEV)) set(BATCHING);
            writeOnLoop(w.chunk, w.cb, w.promisedDrain);
            if (has(BATCHING) && waiting.chunks.size() >= MAX_BATCH) endBatch();
          } else {
            endBatch();
            ((Runnable) op).run();
          }
        } catch (RuntimeException | Error e) {
          // As if each operation were a task of its own: the others still run.
          clear(BATCHING);
          stream.loop.reportUncaught(e);
        }
      }
      n = HandOver.COUNT.addAndGet(q, -n);
    } while (n != 0);
    try {
      endBatch();
    } catch (RuntimeException | Error e) {
      stream.loop.reportUncaught(e);
    }
  }

  private void endBatch() {
    if (!has(BATCHING)) return;
    clear(BATCHING);
    if (!has(WRITING)) clearBuffer();
  }

  private boolean writeOnLoop(Buffer chunk, Consumer<JnetException> cb, boolean promisedDrain) {
    assert stream.onLoop() : "off the loop";
    JnetException err = null;
    if (has(ENDING)) {
      err = StreamErrors.writeAfterEnd();
    } else if (has(DESTROYED)) {
      err = StreamErrors.destroyed("write");
    }
    if (err != null) {
      failLater(cb, err);
      stream.errorOrDestroy(err, true);
      return false;
    }
    pendingcb++;
    if (promisedDrain) set(NEED_DRAIN);
    return writeOrBuffer(chunk, cb);
  }

  private void failLater(Consumer<JnetException> cb, JnetException err) {
    if (cb != null) stream.loop.nextTick(() -> cb.accept(err));
  }

  /**
   * Whether a write made now goes to {@code _write} at once, holding nothing back: nothing in
   * flight, buffered or corked, not ended, errored or destroyed. Loop thread only.
   */
  boolean writesThrough() {
    int busy = WRITING | ERRORED | CONSTRUCTED | ENDING | ENDED | DESTROYED | BATCHING;
    if ((flags & (busy | CORKED)) != CONSTRUCTED || length != 0) return false;
    HandOver q = handedOver;
    return q == null || q.pending == 0;
  }

  private boolean writeOrBuffer(Buffer chunk, Consumer<JnetException> cb) {
    int len = chunk.length();
    length += len;
    if ((flags & (WRITING | ERRORED | CONSTRUCTED | BATCHING | CORKED)) != CONSTRUCTED) {
      buffer(chunk, cb);
    } else {
      writelen = len;
      writecb = cb;
      set(WRITING | SYNC | EXPECT_WRITE_CB);
      hooks().doWrite(stream, chunk, this);
      clear(SYNC);
    }
    boolean ret = length < highWaterMark;
    if (!ret) set(NEED_DRAIN);
    return ret && !has(DESTROYED | ERRORED);
  }

  /** Queues {@code chunk} behind the write in flight (or the cork). */
  private void buffer(Buffer chunk, Consumer<JnetException> cb) {
    Waiting w = waitingOfOwn();
    w.chunks.addLast(chunk);
    w.callbacks.addLast(cb == null ? NOOP : cb);
    if (cb != null) clear(ALL_NOOP);
  }

  private void doWrite(boolean writev, int len, Object chunks, Consumer<JnetException> cb) {
    writelen = len;
    writecb = cb;
    set(WRITING | SYNC | EXPECT_WRITE_CB);
    if (has(DESTROYED)) {
      onwrite(StreamErrors.destroyed("write"));
    } else if (writev) {
      @SuppressWarnings("unchecked")
      List<Buffer> list = (List<Buffer>) chunks;
      hooks().doWritev(stream, list, this);
    } else {
      hooks().doWrite(stream, (Buffer) chunks, this);
    }
    clear(SYNC);
  }

  /** The callback handed to every {@code _write}/{@code _writev}: Node's {@code onwrite}. */
  @Override
  public void done(JnetException er) {
    onwrite(er);
  }

  private void onwrite(JnetException er) {
    if (!stream.onLoop()) {
      stream.loop.execute(() -> onwrite(er));
      return;
    }
    if (!has(EXPECT_WRITE_CB)) {
      stream.errorOrDestroy(StreamErrors.multipleCallback(), false);
      return;
    }
    boolean sync = has(SYNC);
    Consumer<JnetException> cb = writecb;
    writecb = null;
    clear(WRITING | EXPECT_WRITE_CB);
    length -= writelen;
    writelen = 0;
    if (er != null) {
      error(er);
      ReadableState r = stream.readState();
      if (r != null) r.error(er);
      if (sync) {
        stream.loop.nextTick(() -> onwriteError(er, cb));
      } else {
        onwriteError(er, cb);
      }
      return;
    }
    if (!waiting.chunks.isEmpty()) clearBuffer();
    if (sync) {
      boolean needDrain = has(NEED_DRAIN) && length == 0;
      boolean needTick = needDrain || has(DESTROYED) || cb != null;
      if (cb == null) {
        if (!has(AFTER_WRITE_PENDING) && needTick) {
          stream.loop.nextTick(this); // run()
          set(AFTER_WRITE_PENDING);
        } else {
          pendingcb--;
          if (has(ENDING)) finishMaybe(true);
        }
      } else if (has(AFTER_WRITE_TICK_INFO) && waiting.afterWriteTickInfo.cb == cb) {
        waiting.afterWriteTickInfo.count++;
      } else if (needTick) {
        AfterWriteTick t = new AfterWriteTick(cb);
        waitingOfOwn().afterWriteTickInfo = t;
        stream.loop.nextTick(t);
        set(AFTER_WRITE_PENDING | AFTER_WRITE_TICK_INFO);
      } else {
        pendingcb--;
        if (has(ENDING)) finishMaybe(true);
      }
    } else {
      afterWrite(1, cb);
    }
  }

  private void onwriteError(JnetException er, Consumer<JnetException> cb) {
    pendingcb--;
    if (cb != null) cb.accept(er);
    errorBuffer();
    stream.errorOrDestroy(er, false);
  }

  /**
   * Node's {@code afterWriteTickInfo}: the callbacks of consecutive synchronous writes that share
   * one callback run in one tick, counted.
   */
  private final class AfterWriteTick implements Runnable {
    final Consumer<JnetException> cb;
    int count = 1;

    AfterWriteTick(Consumer<JnetException> cb) {
      this.cb = cb;
    }

    @Override
    public void run() {
      clear(AFTER_WRITE_TICK_INFO);
      waiting.afterWriteTickInfo = null;
      afterWrite(count, cb);
    }
  }

  /** The tick of a synchronous write without a callback: Node's {@code afterWrite(1)}. */
  @Override
  public void run() {
    afterWrite(1, null);
  }

  private void afterWrite(int count, Consumer<JnetException> cb) {
    clear(AFTER_WRITE_PENDING);
    boolean needDrain = (flags & (ENDING | NEED_DRAIN | DESTROYED)) == NEED_DRAIN && length == 0;
    if (needDrain) {
      clear(NEED_DRAIN);
      stream.emit(WritableStream.DRAIN);
    }
    while (count-- > 0) {
      pendingcb--;
      if (cb != null) cb.accept(null);
    }
    if (has(DESTROYED)) errorBuffer();
    if (has(ENDING)) finishMaybe(true);
  }

  /** Fails every buffered write and end() callback: the stream was destroyed or errored. */
  void errorBuffer() {
    if (has(WRITING)) return;
    Waiting w = waiting;
    while (!w.chunks.isEmpty()) {
      Buffer chunk = w.chunks.pollFirst();
      Consumer<JnetException> cb = w.callbacks.pollFirst();
      length -= chunk.length();
      cb.accept(errored != null ? errored : StreamErrors.destroyed("write"));
    }
    // Only a finish callback ever sees this error: most destroys have none, and skip its trace.
    if (waiting.onFinished != null && !waiting.onFinished.isEmpty()) {
      callFinishedCallbacks(errored != null ? errored : StreamErrors.destroyed("end"));
    }
    set(ALL_NOOP);
  }

  /** Node's Writable.prototype.destroy prologue: schedule failing the pending callbacks. */
  void beforeDestroy() {
    Waiting w = waiting;
    boolean hasBuffered = !w.chunks.isEmpty();
    boolean hasFinishedCbs = w.onFinished != null && !w.onFinished.isEmpty();
    if (hasBuffered || hasFinishedCbs || !has(DESTROYED)) {
      stream.loop.nextTick(this::errorBuffer);
    }
  }

  private void clearBuffer() {
    if (has(DESTROYED | BUFFER_PROCESSING | BATCHING | CORKED) || waiting.chunks.isEmpty()) {
      return;
    }
    set(BUFFER_PROCESSING);
    int count = waiting.chunks.size();
    if (count > 1 && has(HAS_WRITEV)) {
      pendingcb -= count - 1;
      List<Buffer> chunks = new ArrayList<>(waiting.chunks);
      Consumer<JnetException> callback;
      if (has(ALL_NOOP)) {
        callback = null;
      } else {
        List<Consumer<JnetException>> cbs = new ArrayList<>(waiting.callbacks);
        callback =
            err -> {
              for (Consumer<JnetException> c : cbs) c.accept(err);
            };
      }
      waiting.chunks.clear();
      waiting.callbacks.clear();
      set(ALL_NOOP);
      doWrite(true, length, chunks, callback);
    } else {
      do {
        Buffer chunk = waiting.chunks.pollFirst();
        Consumer<JnetException> cb = waiting.callbacks.pollFirst();
        doWrite(false, chunk.length(), chunk, cb == NOOP ? null : cb);
      } while (!waiting.chunks.isEmpty() && !has(WRITING));
      if (waiting.chunks.isEmpty()) set(ALL_NOOP);
    }
    clear(BUFFER_PROCESSING);
  }

  // cork / uncork.

  void cork() {
    assert stream.onLoop() : "off the loop";
    Waiting w = waitingOfOwn();
    w.corked = w.corked + 1;
    set(CORKED);
  }

  void uncork() {
    assert stream.onLoop() : "off the loop";
    if (has(CORKED)) {
      Waiting w = waiting;
      w.corked = w.corked - 1;
      if (w.corked == 0) clear(CORKED);
      if (!has(WRITING)) clearBuffer();
    }
  }

  // end().

  void end(Buffer chunk, Consumer<JnetException> cb) {
    assert stream.onLoop() : "off the loop";
    JnetException err = null;
    if (chunk != null) {
      JnetException e = null;
      if (has(ENDING)) {
        e = StreamErrors.writeAfterEnd();
      } else if (has(DESTROYED)) {
        e = StreamErrors.destroyed("write");
      }
      if (e != null) {
        stream.errorOrDestroy(e, true);
        err = e;
      } else {
        pendingcb++;
        writeOrBuffer(chunk, null);
      }
    }
    if (has(CORKED)) {
      waiting.corked = 1;
      uncork();
    }
    if (err != null) {
      // the write's error is the answer
    } else if (!has(ENDING | ERRORED)) {
      set(ENDING);
      finishMaybe(true);
      set(ENDED);
    } else if (has(FINISHED)) {
      err = StreamErrors.alreadyFinished("end");
    } else if (has(DESTROYED)) {
      err = StreamErrors.destroyed("end");
    }
    if (cb != null) {
      if (err != null) {
        failLater(cb, err);
      } else if (has(ERRORED)) {
        JnetException e = errored;
        stream.loop.nextTick(() -> cb.accept(e));
      } else if (has(FINISHED)) {
        stream.loop.nextTick(() -> cb.accept(null));
      } else {
        Waiting w = waitingOfOwn();
        if (w.onFinished == null) w.onFinished = new ArrayList<>();
        w.onFinished.add(cb);
      }
    }
  }

  private boolean needFinish() {
    return (flags
                & (ENDING
                    | DESTROYED
                    | CONSTRUCTED
                    | FINISHED
                    | WRITING
                    | ERROR_EMITTED
                    | CLOSE_EMITTED
                    | ERRORED))
            == (ENDING | CONSTRUCTED)
        && waiting.chunks.isEmpty()
        && length == 0;
  }

  private void onFinish(JnetException err) {
    if (!stream.onLoop()) {
      stream.loop.execute(() -> onFinish(err));
      return;
    }
    if (has(PREFINISHED)) {
      stream.errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
      return;
    }
    pendingcb--;
    if (err != null) {
      callFinishedCallbacks(err);
      stream.errorOrDestroy(err, has(SYNC));
    } else if (needFinish()) {
      set(PREFINISHED);
      stream.emit(WritableStream.PREFINISH);
      pendingcb++;
      stream.loop.nextTick(this::finish);
    }
  }

  private void prefinish() {
    if (has(PREFINISHED | FINAL_CALLED)) return;
    if (has(HAS_FINAL) && !has(DESTROYED)) {
      set(FINAL_CALLED | SYNC);
      pendingcb++;
      try {
        hooks().doFinal(stream, this::onFinish);
      } catch (RuntimeException e) {
        onFinish(JnetException.wrap(e));
      }
      clear(SYNC);
    } else {
      set(FINAL_CALLED | PREFINISHED);
      stream.emit(WritableStream.PREFINISH);
    }
  }

  void finishMaybe(boolean sync) {
    if (!needFinish()) return;
    prefinish();
    if (pendingcb != 0) return;
    if (sync) {
      pendingcb++;
      stream.loop.nextTick(
          () -> {
            if (needFinish()) {
              finish();
            } else {
              pendingcb--;
            }
          });
    } else if (needFinish()) {
      pendingcb++;
      finish();
    }
  }

  private void finish() {
    pendingcb--;
    set(FINISHED);
    callFinishedCallbacks(null);
    stream.emit(WritableStream.FINISH);
    if (has(AUTO_DESTROY)) {
      ReadableState r = stream.readState();
      boolean autoDestroy =
          r == null
              || (r.has(AUTO_DESTROY) && (r.has(ReadableState.END_EMITTED) || r.has(DISABLED)));
      if (autoDestroy) stream.destroyFromMachinery(null);
    }
  }

  private void callFinishedCallbacks(JnetException err) {
    Waiting w = waiting;
    if (w.onFinished == null || w.onFinished.isEmpty()) return;
    List<Consumer<JnetException>> cbs = w.onFinished;
    w.onFinished = null;
    for (Consumer<JnetException> cb : cbs) cb.accept(err);
  }

  void onConstructed() {
    if (!has(WRITING)) clearBuffer();
    if (has(ENDING)) finishMaybe(false);
  }

  /** Node's {@code writableBuffer}: the chunks waiting behind the current write. */
  List<Buffer> buffered() {
    return new ArrayList<>(waiting.chunks);
  }

  // State readers for any thread.

  /** Node's {@code writableLength}; off the loop it counts the bytes still in flight too. */
  int writableLength() {
    if (stream.onLoop()) return length;
    HandOver q = handedOver;
    return q == null ? length : length + q.pending;
  }

  boolean needDrain() {
    return (flags & (DESTROYED | ENDING | NEED_DRAIN)) == NEED_DRAIN;
  }

  /** Node's {@code writable}. */
  boolean writable() {
    return !has(DISABLED | ERRORED | ENDING | ENDED | DESTROYED);
  }
}
