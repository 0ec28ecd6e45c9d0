package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.buffer.StringDecoder;
import io.jnet.error.JnetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The readable side's state machine: Node 24's {@code ReadableState} and the functions of {@code
 * lib/internal/streams/readable.js} that drive it (push, read, flow, 'readable', 'end').
 *
 * <p>Loop thread only, except the volatile fields, which any thread may read.
 */
final class ReadableState extends StreamState implements Runnable {
  static final int ENDED = 1 << FIRST_OWN_BIT;
  static final int END_EMITTED = ENDED << 1;
  static final int READING = ENDED << 2;
  static final int SYNC = ENDED << 3;
  static final int NEED_READABLE = ENDED << 4;
  static final int EMITTED_READABLE = ENDED << 5;
  static final int READABLE_LISTENING = ENDED << 6;
  static final int RESUME_SCHEDULED = ENDED << 7;
  static final int MULTI_AWAIT_DRAIN = ENDED << 8;
  static final int READING_MORE = ENDED << 9;
  static final int DATA_EMITTED = ENDED << 10;
  static final int HAS_FLOWING = ENDED << 11;
  static final int FLOWING = ENDED << 12;
  static final int HAS_PAUSED = ENDED << 13;
  static final int PAUSED = ENDED << 14;

  /** Node's NaN for {@code read()} without an argument. */
  static final int READ_ALL = Integer.MIN_VALUE;

  private static final int MAX_HWM = 0x40000000;

  final Readable stream;

  /**
   * Buffers, or Strings once an encoding is set: the shared empty queue until the first chunk is
   * kept (only {@link #keep} adds to an empty queue, and it replaces that one first), so that a
   * stream that never buffers never makes one. Loop thread only.
   */
  ArrayDeque<Object> buffer = NO_CHUNKS;

  private static final ArrayDeque<Object> NO_CHUNKS = new ArrayDeque<>(0);

  /** Bytes (chars in text mode) buffered. Loop thread writes, any thread reads. */
  volatile int length;

  /** Bytes pushed from other threads and not yet added by the loop; see {@link #addPendingPush}. */
  private volatile int pendingPush;

  private static final AtomicIntegerFieldUpdater<ReadableState> PENDING_PUSH =
      AtomicIntegerFieldUpdater.newUpdater(ReadableState.class, "pendingPush");

  /**
   * The read encoding and the default encoding of pushed strings, one immutable object: the shared
   * {@link #BYTES_UTF8} for every stream that reads bytes and takes strings as UTF-8, so that such
   * a stream carries one field for them. Loop thread writes, any thread reads.
   */
  private volatile Text text;

  /** A read encoding (or none) and a default encoding; see {@link #text}. */
  private static final class Text {
    /** Decodes reads, or null when the stream reads bytes; its state is the loop thread's. */
    final StringDecoder decoder;

    /** Node's name of the read encoding, or null. */
    final String encoding;

    /** Node's name of the encoding of strings pushed without one. */
    final String defaultEncoding;

    Text(StringDecoder decoder, String encoding, String defaultEncoding) {
      this.decoder = decoder;
      this.encoding = encoding;
      this.defaultEncoding = defaultEncoding;
    }
  }

  private static final Text BYTES_UTF8 = new Text(null, null, Encoding.of("utf8").nodeName());

  /** The read decoder, or null; loop thread only. */
  StringDecoder decoder() {
    return text.decoder;
  }

  /** Node's name of the read encoding, or null. Any thread. */
  String encoding() {
    return text.encoding;
  }

  /**
   * Destinations of {@code pipe}, in order: null while there is none, the {@link Pipe} itself while
   * there is one (most streams pipe to one destination), a list of its own from the second on (a
   * new list each time one is added, changed in place by {@link #removePipe}). Loop thread only.
   */
  private Object pipes;

  /**
   * Node's {@code awaitDrainWriters}: null, one Pipe, or (MULTI_AWAIT_DRAIN mode) a list of them
   * without duplicates (Node's set). Loop thread only.
   */
  Object awaitDrainWriters;

  /**
   * Ticks queued as this state itself ({@link #run}), in order, one {@code TICK_*} kind in each
   * group of {@link #TICK_BITS} bits, the oldest lowest: the tick queue runs them in the order they
   * were queued, so each run takes the lowest. No task object per stream and kind. Loop only.
   */
  private int ticks;

  private static final int TICK_BITS = 3;
  private static final int TICK_MASK = (1 << TICK_BITS) - 1;
  private static final int MAX_TICKS = 32 / TICK_BITS;
  private static final int TICK_EMIT_READABLE = 1;
  private static final int TICK_MAYBE_READ_MORE = 2;
  private static final int TICK_END = 3;
  private static final int TICK_READ_ZERO = 4;
  private static final int TICK_UPDATE_LISTENING = 5;
  private static final int TICK_RESUME = 6;

  @SuppressWarnings("unchecked")
  int pipeCount() {
    Object p = pipes;
    if (p == null) return 0;
    return p instanceof Pipe ? 1 : ((List<Pipe>) p).size();
  }

  @SuppressWarnings("unchecked")
  Pipe pipe(int index) {
    Object p = pipes;
    if (p instanceof Pipe one) {
      if (index != 0) throw new IndexOutOfBoundsException(index);
      return one;
    }
    return ((List<Pipe>) p).get(index);
  }

  @SuppressWarnings("unchecked")
  boolean hasPipe(Pipe pipe) {
    Object p = pipes;
    return p == pipe || (p instanceof List<?> l && ((List<Pipe>) l).contains(pipe));
  }

  void addPipe(Pipe p) {
    int n = pipeCount();
    if (n == 0) {
      pipes = p;
    } else {
      List<Pipe> more = new ArrayList<>(n + 1);
      for (int i = 0; i < n; i++) more.add(pipe(i));
      more.add(p);
      pipes = more;
    }
  }

  /** Removes and returns the pipe at {@code index}. */
  @SuppressWarnings("unchecked")
  Pipe removePipe(int index) {
    Pipe p = pipe(index);
    if (pipes instanceof Pipe) {
      pipes = null;
    } else {
      ((List<Pipe>) pipes).remove(index);
    }
    return p;
  }

  /** Removes every pipe and returns them, in order. */
  List<Pipe> removePipes() {
    int n = pipeCount();
    List<Pipe> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) all.add(pipe(i));
    pipes = null;
    return all;
  }

  /** Queues the tick {@code kind} as this state ({@link #run}). */
  private void tick(int kind) {
    assert stream.onLoop() : "off the loop";
    int q = ticks;
    int used = (32 - Integer.numberOfLeadingZeros(q) + TICK_BITS - 1) / TICK_BITS;
    if (used == MAX_TICKS) {
      stream.loop.nextTick(() -> runTick(kind)); // rare: many ticks queued at once
      return;
    }
    ticks = q | kind << (used * TICK_BITS);
    stream.loop.nextTick(this);
  }

  /** The oldest tick queued as this state: see {@link #ticks}. */
  @Override
  public void run() {
    int q = ticks;
    ticks = q >>> TICK_BITS;
    runTick(q & TICK_MASK);
  }

  private void runTick(int kind) {
    switch (kind) {
      case TICK_EMIT_READABLE -> emitReadableNT();
      case TICK_MAYBE_READ_MORE -> maybeReadMoreNT();
      case TICK_END -> endReadableNT();
      case TICK_READ_ZERO -> read(0);
      case TICK_UPDATE_LISTENING -> updateReadableListening();
      case TICK_RESUME -> resumeNT();
      default -> throw new AssertionError(kind);
    }
  }

  /** Adds {@code delta} to the bytes pushed off the loop and not yet added; returns the sum. */
  int addPendingPush(int delta) {
    return PENDING_PUSH.addAndGet(this, delta);
  }

  ReadableState(Readable stream, StreamOptions o, boolean readable) {
    super(o, o.readableHwm());
    this.stream = stream;
    set(SYNC);
    String defaultEncoding = Encoding.of(o.defaultEncoding).nodeName();
    if (o.encoding != null) {
      text =
          new Text(
              new StringDecoder(o.encoding), Encoding.of(o.encoding).nodeName(), defaultEncoding);
    } else {
      text =
          defaultEncoding.equals(BYTES_UTF8.defaultEncoding)
              ? BYTES_UTF8
              : new Text(null, null, defaultEncoding);
    }
    if (!readable) set(DISABLED | ENDED | END_EMITTED);
  }

  // Push and unshift.

  boolean push(Object chunk, String enc, boolean front) {
    assert stream.onLoop() : "off the loop";
    if (chunk == null) {
      clear(READING);
      onEofChunk();
      return false;
    }
    boolean decoded = false;
    if (chunk instanceof String s) {
      Text t = text;
      String e = enc == null ? t.defaultEncoding : Encoding.of(enc).nodeName();
      String own = t.encoding;
      if (!e.equals(own)) {
        if (front && own != null) {
          chunk = Buffer.from(s, e).toString(own);
        } else {
          chunk = Buffer.from(s, e);
        }
      } else {
        decoded = true;
      }
    }
    int len = lengthOf(chunk);
    if (front) {
      if (len == 0) return canPushMore();
      if (has(END_EMITTED)) {
        stream.errorOrDestroy(StreamErrors.unshiftAfterEnd(), false);
      } else if (!has(DESTROYED | ERRORED)) {
        addChunk(chunk, true);
      } else {
        return false;
      }
      return canPushMore();
    }
    if (len == 0) {
      clear(READING);
      maybeReadMore();
      return canPushMore();
    }
    if (has(ENDED)) {
      stream.errorOrDestroy(StreamErrors.pushAfterEof(), false);
      return false;
    }
    if (has(DESTROYED | ERRORED)) return false;
    clear(READING);
    StringDecoder decoder = text.decoder;
    if (decoder != null && !decoded) {
      String s = decoder.write((Buffer) chunk);
      if (s.isEmpty()) {
        maybeReadMore();
        return canPushMore();
      }
      chunk = s;
    }
    addChunk(chunk, false);
    return canPushMore();
  }

  static int lengthOf(Object chunk) {
    return chunk instanceof Buffer b ? b.length() : ((String) chunk).length();
  }

  boolean canPushMore() {
    return !has(ENDED) && (length < highWaterMark || length == 0);
  }

  private void addChunk(Object chunk, boolean front) {
    if (has(FLOWING) && !has(SYNC) && length == 0 && stream.listenerCount(Readable.DATA) > 0) {
      clearAwaitDrain();
      set(DATA_EMITTED);
      emitData(chunk);
    } else {
      length += lengthOf(chunk);
      keep(chunk, front);
      if (has(NEED_READABLE)) emitReadable();
    }
    maybeReadMore();
  }

  /** Adds {@code chunk} to {@link #buffer}, first making the stream's own queue if need be. */
  private void keep(Object chunk, boolean front) {
    if (buffer == NO_CHUNKS) buffer = new ArrayDeque<>(4); // small: most streams hold few chunks
    if (front) {
      buffer.addFirst(chunk);
    } else {
      buffer.addLast(chunk);
    }
  }

  void emitData(Object chunk) {
    if (chunk instanceof String s) {
      stream.emit(Readable.TEXT, s);
    } else {
      stream.emit(Readable.DATA, (Buffer) chunk);
    }
  }

  private void clearAwaitDrain() {
    if (has(MULTI_AWAIT_DRAIN)) {
      if (awaitDrainWriters instanceof List<?> l) l.clear();
    } else {
      awaitDrainWriters = null;
    }
  }

  private void onEofChunk() {
    if (has(ENDED)) return;
    StringDecoder decoder = text.decoder;
    if (decoder != null) {
      String rest = decoder.end();
      if (!rest.isEmpty()) {
        keep(rest, false);
        length += rest.length();
      }
    }
    set(ENDED);
    if (has(SYNC)) {
      emitReadable();
    } else {
      clear(NEED_READABLE);
      set(EMITTED_READABLE);
      emitReadableNT();
    }
  }

  // 'readable'.

  void emitReadable() {
    clear(NEED_READABLE);
    if (!has(EMITTED_READABLE)) {
      set(EMITTED_READABLE);
      tick(TICK_EMIT_READABLE);
    }
  }

  private void emitReadableNT() {
    if (!has(DESTROYED | ERRORED) && (length > 0 || has(ENDED))) {
      stream.emit(Readable.READABLE);
      clear(EMITTED_READABLE);
    }
    if (!has(FLOWING | ENDED) && length <= highWaterMark) set(NEED_READABLE);
    flow();
  }

  void maybeReadMore() {
    if ((flags & (READING_MORE | CONSTRUCTED)) == CONSTRUCTED) {
      set(READING_MORE);
      tick(TICK_MAYBE_READ_MORE);
    }
  }

  private void maybeReadMoreNT() {
    while (!has(READING | ENDED) && (length < highWaterMark || (has(FLOWING) && length == 0))) {
      int len = length;
      read(0);
      if (len == length) break;
    }
    clear(READING_MORE);
  }

  void onConstructed() {
    if (has(NEED_READABLE)) maybeReadMore();
  }

  // read(n).

  private int howMuchToRead(int n) {
    if ((n != READ_ALL && n <= 0) || (length == 0 && has(ENDED))) return 0;
    if (n == READ_ALL) {
      if (has(FLOWING) && length > 0) return lengthOf(buffer.peekFirst());
      return length;
    }
    if (n <= length) return n;
    return has(ENDED) ? length : 0;
  }

  private static int computeNewHighWaterMark(int n) {
    if (n > MAX_HWM) throw StreamErrors.sizeOutOfRange(n);
    n--;
    n |= n >>> 1;
    n |= n >>> 2;
    n |= n >>> 4;
    n |= n >>> 8;
    n |= n >>> 16;
    n++;
    return n;
  }

  /** Node's {@code read(n)}; returns a Buffer, a String (text mode) or null. */
  Object read(int n) {
    assert stream.onLoop() : "off the loop";
    int nOrig = n;
    if (n != READ_ALL && n > highWaterMark) highWaterMark = computeNewHighWaterMark(n);
    if (n != 0) clear(EMITTED_READABLE);
    if (n == 0
        && has(NEED_READABLE)
        && ((highWaterMark != 0 ? length >= highWaterMark : length > 0) || has(ENDED))) {
      if (length == 0 && has(ENDED)) {
        endReadable();
      } else {
        emitReadable();
      }
      return null;
    }
    n = howMuchToRead(n);
    if (n == 0 && has(ENDED)) {
      if (length == 0) endReadable();
      return null;
    }
    boolean doRead = has(NEED_READABLE);
    if (length == 0 || length - n < highWaterMark) doRead = true;
    if ((flags & (READING | ENDED | DESTROYED | ERRORED | CONSTRUCTED)) != CONSTRUCTED) {
      doRead = false;
    } else if (doRead) {
      set(READING | SYNC);
      if (length == 0) set(NEED_READABLE);
      try {
        stream._read(highWaterMark);
      } catch (RuntimeException e) {
        stream.errorOrDestroy(JnetException.wrap(e), false);
      }
      clear(SYNC);
      if (!has(READING)) n = howMuchToRead(nOrig);
    }
    Object ret = n > 0 ? fromList(n) : null;
    if (ret == null) {
      if (length <= highWaterMark) set(NEED_READABLE);
      n = 0;
    } else {
      length -= n;
      clearAwaitDrain();
    }
    if (length == 0) {
      if (!has(ENDED)) set(NEED_READABLE);
      if (nOrig != n && has(ENDED)) endReadable();
    }
    if (ret != null && !has(ERROR_EMITTED | CLOSE_EMITTED)) {
      set(DATA_EMITTED);
      emitData(ret);
    }
    return ret;
  }

  /** Takes {@code n} bytes (chars) off the buffer, which holds at least that many. */
  private Object fromList(int n) {
    if (length == 0) return null;
    if (text.decoder != null) return textFromList(n);
    Object first = buffer.peekFirst();
    if (n >= length) {
      if (buffer.size() == 1) return buffer.pollFirst();
      List<Buffer> all = new ArrayList<>(buffer.size());
      while (!buffer.isEmpty()) all.add(asBuffer(buffer.pollFirst()));
      return Buffer.concat(all, length);
    }
    Buffer head = asBuffer(first);
    if (n < head.length()) {
      buffer.pollFirst();
      buffer.addFirst(head.subarray(n, head.length()));
      return head.subarray(0, n);
    }
    if (n == head.length()) return buffer.pollFirst();
    List<Buffer> parts = new ArrayList<>();
    int need = n;
    while (need > 0) {
      Buffer b = asBuffer(buffer.pollFirst());
      if (b.length() <= need) {
        parts.add(b);
        need -= b.length();
      } else {
        parts.add(b.subarray(0, need));
        buffer.addFirst(b.subarray(need, b.length()));
        need = 0;
      }
    }
    return Buffer.concat(parts, n);
  }

  private Object textFromList(int n) {
    if (n >= length) {
      if (buffer.size() == 1) return asString(buffer.pollFirst());
      StringBuilder sb = new StringBuilder(length);
      while (!buffer.isEmpty()) sb.append(asString(buffer.pollFirst()));
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder(n);
    int need = n;
    while (need > 0) {
      String s = asString(buffer.pollFirst());
      if (s.length() <= need) {
        sb.append(s);
        need -= s.length();
      } else {
        sb.append(s, 0, need);
        buffer.addFirst(s.substring(need));
        need = 0;
      }
    }
    return sb.toString();
  }

  private static Buffer asBuffer(Object chunk) {
    return chunk instanceof Buffer b ? b : Buffer.from((String) chunk);
  }

  private static String asString(Object chunk) {
    return chunk instanceof String s ? s : ((Buffer) chunk).toString("utf8");
  }

  // 'end'.

  void endReadable() {
    if (!has(END_EMITTED)) {
      set(ENDED);
      tick(TICK_END);
    }
  }

  private void endReadableNT() {
    if (has(ERRORED | CLOSE_EMITTED | END_EMITTED) || length != 0) return;
    set(END_EMITTED);
    stream.emit(Readable.END);
    if (stream.writableSideOpen() && !stream.allowHalfOpenFlag()) {
      stream.loop.nextTick(stream::endWritableSide);
    } else if (has(AUTO_DESTROY)) {
      WritableState w = stream.writeState();
      boolean autoDestroy =
          w == null || (w.has(AUTO_DESTROY) && (w.has(WritableState.FINISHED) || w.has(DISABLED)));
      if (autoDestroy) stream.destroyFromMachinery(null);
    }
  }

  // Flowing and paused modes.

  /** Node's {@code readableFlowing}: null, true or false. */
  Boolean flowing() {
    int f = flags;
    if ((f & HAS_FLOWING) == 0) return null;
    return (f & FLOWING) != 0;
  }

  boolean isPaused() {
    int f = flags;
    return (f & PAUSED) != 0 || (f & (HAS_FLOWING | FLOWING)) == HAS_FLOWING;
  }

  void resume() {
    assert stream.onLoop() : "off the loop";
    if (!has(FLOWING)) {
      set(HAS_FLOWING);
      if (!has(READABLE_LISTENING)) {
        set(FLOWING);
      } else {
        clear(FLOWING);
      }
      if (!has(RESUME_SCHEDULED)) {
        set(RESUME_SCHEDULED);
        tick(TICK_RESUME);
      }
    }
    set(HAS_PAUSED);
    clear(PAUSED);
  }

  /** The tick {@link #resume} queued: Node's {@code resume_}. */
  private void resumeNT() {
    if (!has(READING)) read(0);
    clear(RESUME_SCHEDULED);
    stream.emit(Readable.RESUME);
    flow();
    if ((flags & (FLOWING | READING)) == FLOWING) read(0);
  }

  void pause() {
    assert stream.onLoop() : "off the loop";
    if ((flags & (HAS_FLOWING | FLOWING)) != HAS_FLOWING) {
      set(HAS_FLOWING);
      clear(FLOWING);
      stream.emit(Readable.PAUSE);
    }
    set(HAS_PAUSED | PAUSED);
  }

  void flow() {
    while (has(FLOWING) && read(READ_ALL) != null) {
      // read emits 'data'
    }
  }

  // Listener hooks.

  void onDataListener() {
    if (stream.listenerCount(Readable.READABLE) > 0) set(READABLE_LISTENING);
    if ((flags & (HAS_FLOWING | FLOWING)) != HAS_FLOWING) stream.resume();
  }

  void onReadableListener() {
    if (!has(END_EMITTED | READABLE_LISTENING)) {
      set(READABLE_LISTENING | NEED_READABLE | HAS_FLOWING);
      clear(FLOWING | EMITTED_READABLE);
      if (length > 0) {
        emitReadable();
      } else if (!has(READING)) {
        tick(TICK_READ_ZERO);
      }
    }
  }

  void onReadableListenerRemoved() {
    tick(TICK_UPDATE_LISTENING);
  }

  private void updateReadableListening() {
    if (stream.listenerCount(Readable.READABLE) > 0) {
      set(READABLE_LISTENING);
    } else {
      clear(READABLE_LISTENING);
    }
    if ((flags & (HAS_PAUSED | PAUSED | RESUME_SCHEDULED)) == (HAS_PAUSED | RESUME_SCHEDULED)) {
      set(HAS_FLOWING | FLOWING);
    } else if (stream.listenerCount(Readable.DATA) > 0) {
      stream.resume();
    } else if (!has(READABLE_LISTENING)) {
      clear(HAS_FLOWING | FLOWING);
    }
  }

  // Encoding.

  void setEncoding(String enc) {
    assert stream.onLoop() : "off the loop";
    StringDecoder d = new StringDecoder(enc);
    text = new Text(d, Encoding.of(enc).nodeName(), text.defaultEncoding);
    StringBuilder content = new StringBuilder();
    for (Object chunk : buffer) {
      content.append(chunk instanceof Buffer b ? d.write(b) : (String) chunk);
    }
    if (!buffer.isEmpty()) buffer.clear(); // never the shared empty queue
    if (content.length() > 0) buffer.addLast(content.toString());
    length = content.length();
  }
}
