package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.readableFlags;
import static io.jnet.stream.trace.Twins.sink;
import static io.jnet.stream.trace.Twins.writableFlags;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import io.jnet.stream.WritableStream;
import io.jnet.stream.trace.Twins.Mode;
import io.jnet.testing.TraceSuite.Scenarios;

/** Twins of stream.js's destroy scenarios, write after end, emitClose and autoDestroy. */
final class DestroyTwins {
  private DestroyTwins() {}

  static void register(Scenarios s) {
    registerReadable(s);
    registerWritable(s);
    registerOptions(s);
  }

  private static void registerReadable(Scenarios s) {
    s.add(
        "destroyReadableBeforeReading",
        t -> {
          Readable r = fromChunks(b("a"));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.ERROR, Stream.CLOSE);
          r.destroy();
          readableFlags(t, "r", r);
          r.on(Stream.CLOSE, () -> readableFlags(t, "r", r));
        });
    s.add(
        "destroyReadableWithErrorWhileFlowing",
        t -> {
          Readable r = fromChunks(b("a"), b("b"), b("c"));
          on(t, r, "r", Readable.END, Stream.ERROR, Stream.CLOSE);
          r.on(
              Readable.DATA,
              c -> {
                t.log("r.data", c);
                r.destroy(err("stop"));
                t.log("destroyed", r.destroyed(), r.errored());
              });
        });
    s.add(
        "destroyReadableAfterEnd",
        t -> {
          Readable r = fromChunks(StreamOptions.defaults().autoDestroy(false), b("a"));
          on(t, r, "r", Readable.DATA, Stream.ERROR, Stream.CLOSE);
          r.on(
              Readable.END,
              () -> {
                t.log("r.end", r.destroyed());
                r.destroy(err("late"));
                t.log("destroyed", r.destroyed(), r.errored());
              });
        });
    s.add(
        "destroyInsideRead",
        t -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (self, n) -> {
                            t.log("r._read");
                            self.destroy(err("read failed"));
                          }));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.ERROR, Stream.CLOSE);
          r.resume();
        });
    s.add(
        "destroyTwiceKeepsFirstError",
        t -> {
          Readable r = manual();
          on(t, r, "r", Stream.ERROR, Stream.CLOSE);
          r.destroy(err("first"));
          r.destroy(err("second"));
          t.log("errored", r.errored());
        });
  }

  private static void registerWritable(Scenarios s) {
    s.add(
        "destroyHookReplacesError",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write((chunk, cb) -> cb.done())
                      .destroy(
                          (e, cb) -> {
                            t.log("w._destroy", e);
                            immediate(() -> cb.done(err("replaced")));
                          }));
          on(t, w, "w", Stream.ERROR, Stream.CLOSE);
          w.destroy(err("original"));
          t.log("destroyed", w.destroyed(), w.errored());
        });
    s.add(
        "destroyWritableBeforeEnd",
        t -> {
          Writable w = sink(t, "w", Mode.IMMEDIATE);
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          w.write(b("a"), e -> t.log("cb a", e));
          w.destroy();
          writableFlags(t, "w", w);
          t.log("write after destroy", w.write(b("b"), e -> t.log("cb b", e)));
        });
    s.add(
        "destroyWritableWithErrorWhileWriting",
        t -> {
          Writable w = sink(t, "w", Mode.IMMEDIATE);
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          w.write(b("a"), e -> t.log("cb a", e));
          w.write(b("b"), e -> t.log("cb b", e));
          w.destroy(err("boom"));
          writableFlags(t, "w", w);
        });
    s.add(
        "destroyWritableAfterFinish",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC, StreamOptions.defaults().autoDestroy(false));
          on(t, w, "w", Stream.ERROR, Stream.CLOSE);
          w.on(
              WritableStream.FINISH,
              () -> {
                t.log("w.finish", w.destroyed());
                w.destroy(err("after"));
                writableFlags(t, "w", w);
              });
          w.end(b("a"));
        });
    s.add(
        "writeCallbackErrorDestroys",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("w._write", chunk);
                            cb.done(err("write failed"));
                          }));
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("a"), e -> t.log("cb a", e)));
          t.log("write", w.write(b("b"), e -> t.log("cb b", e)));
          w.on(Stream.CLOSE, () -> writableFlags(t, "w", w));
        });
    s.add(
        "destroyInsideWrite",
        t -> {
          Writable[] self = new Writable[1];
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("w._write", chunk);
                            self[0].destroy(err("inside"));
                            cb.done();
                          }));
          self[0] = w;
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("a"), e -> t.log("cb a", e)));
          writableFlags(t, "w", w);
        });
    s.add(
        "writeAfterEnd",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          w.end(b("a"));
          t.log("write", w.write(b("b"), e -> t.log("cb b", e)));
          writableFlags(t, "w", w);
          w.on(Stream.CLOSE, () -> writableFlags(t, "w", w));
        });
    s.add(
        "writeNullThrows",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          try {
            w.write((Buffer) null);
          } catch (JnetException e) {
            t.log("thrown", e, e.name());
          }
          w.end();
        });
  }

  private static void registerOptions(Scenarios s) {
    s.add(
        "emitCloseFalse",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC, StreamOptions.defaults().emitClose(false));
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.end(b("a"));
          w.on(
              WritableStream.FINISH,
              () -> immediate(() -> t.log("later", w.destroyed(), w.closed())));
          Readable r = fromChunks(StreamOptions.defaults().emitClose(false), b("b"));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.CLOSE);
          r.on(Readable.END, () -> immediate(() -> t.log("r later", r.destroyed(), r.closed())));
        });
    s.add(
        "autoDestroyFalse",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC, StreamOptions.defaults().autoDestroy(false));
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.end(b("a"));
          w.on(
              WritableStream.FINISH,
              () ->
                  immediate(
                      () -> {
                        t.log("w after finish", w.destroyed(), w.closed());
                        w.destroy();
                      }));
        });
  }
}
