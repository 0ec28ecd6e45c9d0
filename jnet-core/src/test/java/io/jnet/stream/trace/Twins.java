package io.jnet.stream.trace;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.EventEmitter;
import io.jnet.events.Signal;
import io.jnet.loop.EventLoop;
import io.jnet.stream.Readable;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import io.jnet.testing.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The Java twins of the helpers at the top of {@code stream.js}, one for one. */
final class Twins {
  private Twins() {}

  /** Node events that carry no argument; a listener for any other one logs its argument. */
  private static final Set<String> NO_ARGUMENT =
      Set.of("end", "finish", "close", "drain", "pause", "resume", "readable", "prefinish");

  /** Node's {@code B(s)}: {@code Buffer.from(s)}. */
  static Buffer b(String s) {
    return Buffer.from(s);
  }

  /** Node's {@code new Error(message)}: an error without code. */
  static JnetException err(String message) {
    return new JnetException(null, message);
  }

  /** {@code Buffer.from([...])}. */
  static Buffer bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
    return Buffer.wrap(out);
  }

  /** Node's {@code process.nextTick(r)} on the calling loop. */
  static void tick(Runnable r) {
    EventLoop.current().nextTick(r);
  }

  /** Node's {@code setImmediate(r)} on the calling loop. */
  static void immediate(Runnable r) {
    EventLoop.current().setImmediate(r);
  }

  /**
   * {@code on(log, emitter, tag, ...names)}: logs every listed event ({@link Event} or {@link
   * Signal}) as {@code tag.event}.
   */
  @SuppressWarnings("unchecked")
  static void on(Trace t, EventEmitter emitter, String tag, Object... events) {
    for (Object key : events) {
      Event<?> event = key instanceof Signal s ? s.asEvent() : (Event<?>) key;
      String line = tag + "." + event.name();
      if (NO_ARGUMENT.contains(event.name())) {
        emitter.on(event, () -> t.log(line));
      } else {
        emitter.on((Event<Object>) event, (Consumer<Object>) arg -> t.log(line, arg));
      }
    }
  }

  /** {@code fromChunks(chunks, opts)}: pushes the next chunk synchronously per _read, then EOF. */
  static Readable fromChunks(StreamOptions options, Buffer... chunks) {
    int[] i = {0};
    return new Readable(
        options.read((r, size) -> r.push(i[0] < chunks.length ? chunks[i[0]++] : null)));
  }

  static Readable fromChunks(Buffer... chunks) {
    return fromChunks(StreamOptions.defaults(), chunks);
  }

  /** {@code new Readable({ read() {} })}: a Readable pushed to by hand. */
  static Readable manual(StreamOptions options) {
    return new Readable(options.read((r, size) -> {}));
  }

  static Readable manual() {
    return manual(StreamOptions.defaults());
  }

  /** How a {@link #sink} completes each write: Node's 'sync', 'tick' and 'immediate'. */
  enum Mode {
    SYNC,
    TICK,
    IMMEDIATE
  }

  /** {@code sink(log, tag, mode, opts)}: logs {@code tag._write chunk}, completes per mode. */
  static Writable sink(Trace t, String tag, Mode mode, StreamOptions options) {
    return new Writable(
        options.write(
            (chunk, cb) -> {
              t.log(tag + "._write", chunk);
              switch (mode) {
                case SYNC -> cb.done();
                case TICK -> tick(cb::done);
                case IMMEDIATE -> immediate(cb::done);
              }
            }));
  }

  static Writable sink(Trace t, String tag, Mode mode) {
    return sink(t, tag, mode, StreamOptions.defaults());
  }

  /** {@code batchingSink(log, tag, opts)}: logs each write and each writev batch with its size. */
  static Writable batchingSink(Trace t, String tag, StreamOptions options) {
    return new Writable(
        options
            .write(
                (chunk, cb) -> {
                  t.log(tag + "._write", chunk);
                  cb.done();
                })
            .writev(
                (chunks, cb) -> {
                  t.log(tag + "._writev", chunks.size(), new ArrayList<>(chunks));
                  cb.done();
                }));
  }

  static Writable batchingSink(Trace t, String tag) {
    return batchingSink(t, tag, StreamOptions.defaults());
  }

  static void readableFlags(Trace t, String tag, Readable r) {
    t.log(
        tag + ".flags",
        "flowing",
        r.readableFlowing(),
        "length",
        r.readableLength(),
        "ended",
        r.readableEnded(),
        "destroyed",
        r.destroyed(),
        "errored",
        r.errored(),
        "closed",
        r.closed());
  }

  static void writableFlags(Trace t, String tag, Writable w) {
    t.log(
        tag + ".flags",
        "length",
        w.writableLength(),
        "needDrain",
        w.writableNeedDrain(),
        "ended",
        w.writableEnded(),
        "finished",
        w.writableFinished(),
        "destroyed",
        w.destroyed(),
        "errored",
        w.errored(),
        "closed",
        w.closed());
  }

  /** {@code bytes.subarray(i, i + n)} for every i: the input cut into n-byte chunks. */
  static List<Buffer> chunked(Buffer bytes, int n) {
    List<Buffer> out = new ArrayList<>();
    for (int i = 0; i < bytes.length(); i += n) {
      out.add(bytes.subarray(i, Math.min(bytes.length(), i + n)));
    }
    return out;
  }
}
