package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.batchingSink;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.readableFlags;
import static io.jnet.stream.trace.Twins.sink;
import static io.jnet.stream.trace.Twins.tick;
import static io.jnet.stream.trace.Twins.writableFlags;

import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import io.jnet.stream.WritableStream;
import io.jnet.stream.trace.Twins.Mode;
import io.jnet.testing.TraceSuite.Scenarios;
import java.util.ArrayList;

/** Twins of stream.js's backpressure, cork/uncork and end/finish/close scenarios. */
final class WritableTwins {
  private WritableTwins() {}

  static void register(Scenarios s) {
    registerBackpressure(s);
    registerCork(s);
    registerEnd(s);
  }

  private static void registerBackpressure(Scenarios s) {
    s.add(
        "writeReturnsFalseAtHighWaterMarkAndDrainsOnce",
        t -> {
          Writable w = sink(t, "w", Mode.IMMEDIATE, StreamOptions.defaults().highWaterMark(3));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          t.log("write a", w.write(b("a")));
          writableFlags(t, "w", w);
          t.log("write bc", w.write(b("bc")));
          writableFlags(t, "w", w);
          t.log("write d", w.write(b("d")));
          writableFlags(t, "w", w);
          w.once(
              WritableStream.DRAIN,
              () -> {
                writableFlags(t, "w", w);
                t.log("write e", w.write(b("e")));
                w.end();
              });
        });
    s.add(
        "syncWritesUnderHighWaterMarkNeverDrain",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC, StreamOptions.defaults().highWaterMark(16));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          for (String c : new String[] {"a", "b", "c"}) {
            t.log("write", w.write(b(c)), w.writableLength());
          }
          w.end();
        });
    s.add(
        "syncWriteAtHighWaterMarkReturnsTrue",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC, StreamOptions.defaults().highWaterMark(2));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("ab")), w.writableLength(), w.writableNeedDrain());
          t.log("write", w.write(b("cde")), w.writableLength(), w.writableNeedDrain());
          tick(
              () -> {
                t.log("tick", w.writableNeedDrain());
                w.end(b("f"));
              });
        });
    s.add(
        "writeCallbacksInOrder",
        t -> {
          Writable w = sink(t, "w", Mode.TICK, StreamOptions.defaults().highWaterMark(2));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("a"), e -> t.log("cb a", e)));
          t.log("write", w.write(b("b"), e -> t.log("cb b", e)));
          t.log("write", w.write(b("c"), e -> t.log("cb c", e)));
          w.end(e -> t.log("end cb", e));
        });
  }

  private static void registerCork(Scenarios s) {
    s.add(
        "corkBatchesIntoWritev",
        t -> {
          Writable w = batchingSink(t, "w");
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          t.log("corked", w.writableCorked());
          for (String c : new String[] {"a", "b", "c"}) t.log("write", w.write(b(c)));
          t.log("length", w.writableLength());
          w.uncork();
          t.log("uncorked", w.writableCorked(), w.writableLength());
          w.end();
        });
    s.add(
        "corkNestingNeedsEveryUncork",
        t -> {
          Writable w = batchingSink(t, "w");
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          w.cork();
          t.log("corked", w.writableCorked());
          w.write(b("1"));
          w.write(b("2"));
          w.uncork();
          t.log("corked", w.writableCorked(), w.writableLength());
          w.write(b("3"));
          w.uncork();
          t.log("corked", w.writableCorked(), w.writableLength());
          w.uncork();
          t.log("extra uncork", w.writableCorked());
          w.end();
        });
    s.add(
        "uncorkOnNextTick",
        t -> {
          Writable w = batchingSink(t, "w");
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          w.write(b("x"));
          w.write(b("y"));
          tick(
              () -> {
                t.log("tick");
                w.uncork();
                w.end(b("z"));
              });
        });
    s.add(
        "endWhileCorkedFlushes",
        t -> {
          Writable w = batchingSink(t, "w");
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          w.write(b("a"));
          w.write(b("b"));
          w.end(b("c"));
          t.log("after end", w.writableCorked(), w.writableLength(), w.writableEnded());
        });
    s.add(
        "corkedWritesCountTowardHighWaterMark",
        t -> {
          Writable w = batchingSink(t, "w", StreamOptions.defaults().highWaterMark(2));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          t.log("write", w.write(b("a")), w.writableLength());
          t.log("write", w.write(b("b")), w.writableLength(), w.writableNeedDrain());
          t.log("write", w.write(b("c")), w.writableLength());
          tick(
              () -> {
                w.uncork();
                t.log("uncorked", w.writableLength(), w.writableNeedDrain());
                w.once(WritableStream.DRAIN, () -> w.end());
              });
        });
    s.add(
        "corkWithoutWritevWritesOneByOne",
        t -> {
          Writable w = sink(t, "w", Mode.TICK);
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.cork();
          w.write(b("a"));
          w.write(b("b"));
          w.write(b("c"));
          w.uncork();
          t.log("uncorked", w.writableLength());
          w.end();
        });
    s.add(
        "writevAfterSlowWrite",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("w._write", chunk);
                            immediate(cb::done);
                          })
                      .writev(
                          (chunks, cb) -> {
                            t.log("w._writev", chunks.size(), new ArrayList<>(chunks));
                            immediate(cb::done);
                          }));
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          for (String c : new String[] {"1", "2", "3", "4"}) w.write(b(c));
          w.end();
        });
  }

  private static void registerEnd(Scenarios s) {
    s.add(
        "writableEndFinishCloseOrder",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("w._write", chunk);
                            cb.done();
                          })
                      .finalHook(
                          cb -> {
                            t.log("w._final");
                            immediate(cb::done);
                          }));
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          w.write(b("a"));
          w.end(e -> t.log("end cb", e));
          writableFlags(t, "w", w);
          w.on(WritableStream.FINISH, () -> writableFlags(t, "w", w));
        });
    s.add(
        "endWithChunkAndCallback",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          t.log("end returns same", w.end(b("last"), e -> t.log("end cb", e)) == w);
        });
    s.add(
        "endTwiceAndAfterFinish",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          w.end();
          w.end(e -> t.log("second end cb", e));
          w.on(WritableStream.FINISH, () -> w.end(e -> t.log("third end cb", e)));
        });
    s.add(
        "readableEndThenClose",
        t -> {
          Readable r = fromChunks(b("x"));
          r.on(Readable.END, () -> readableFlags(t, "r.end", r));
          r.on(Stream.CLOSE, () -> readableFlags(t, "r.close", r));
          r.on(Readable.DATA, c -> t.log("r.data", c));
        });
    s.add(
        "finalCallbackError",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write((chunk, cb) -> cb.done())
                      .finalHook(
                          cb -> {
                            t.log("w._final");
                            cb.done(err("final failed"));
                          }));
          on(t, w, "w", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          w.end(e -> t.log("end cb", e));
          w.on(Stream.CLOSE, () -> writableFlags(t, "w", w));
        });
  }
}
