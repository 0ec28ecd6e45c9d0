package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.sink;
import static io.jnet.stream.trace.Twins.tick;

import io.jnet.error.JnetException;
import io.jnet.stream.Duplex;
import io.jnet.stream.PassThrough;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Streams;
import io.jnet.stream.Transform;
import io.jnet.stream.Writable;
import io.jnet.stream.WritableStream;
import io.jnet.stream.trace.Twins.Mode;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/**
 * Twins of stream.js's pipeline and finished scenarios. Node passes {@code undefined} to a
 * successful callback where jnet passes null: {@link #ok} maps one to the other.
 */
final class PipelineTwins {
  private PipelineTwins() {}

  /** Node's callback argument for jnet's {@code err}: undefined on success. */
  static Object ok(Object err) {
    return err == null ? Trace.UNDEFINED : err;
  }

  static void register(Scenarios s) {
    registerPipeline(s);
    registerFinished(s);
  }

  private static void registerPipeline(Scenarios s) {
    s.add(
        "pipelineSuccess",
        t -> {
          Readable src = fromChunks(b("a"), b("b"));
          PassThrough p = new PassThrough();
          Writable dst = sink(t, "dst", Mode.SYNC);
          on(t, src, "src", Readable.END, Stream.CLOSE);
          on(t, dst, "dst", WritableStream.FINISH, Stream.CLOSE);
          Writable out =
              Streams.pipeline(
                  src,
                  p,
                  dst,
                  e -> {
                    t.log("pipeline cb", ok(e));
                    t.log("destroyed", src.destroyed(), p.destroyed(), dst.destroyed());
                  });
          t.log("returns last", out == dst);
        });
    s.add(
        "pipelineFailingMiddleTransform",
        t -> {
          Readable src = fromChunks(b("a"), b("b"), b("c"));
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (self, chunk, cb) -> {
                            t.log("t._transform", chunk);
                            if (chunk.toString().equals("b")) {
                              cb.done(err("transform failed"));
                            } else {
                              self.push(chunk);
                              cb.done();
                            }
                          }));
          Writable dst = sink(t, "dst", Mode.SYNC);
          on(t, src, "src", Stream.ERROR, Stream.CLOSE);
          on(t, x, "t", Stream.ERROR, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          Streams.pipeline(
              src,
              x,
              dst,
              e -> {
                t.log("pipeline cb", ok(e));
                t.log("destroyed", src.destroyed(), x.destroyed(), dst.destroyed());
              });
        });
    s.add(
        "pipelineDestinationFails",
        t -> {
          Readable src = fromChunks(b("a"), b("b"));
          Writable dst =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("dst._write", chunk);
                            cb.done(err("disk full"));
                          }));
          on(t, src, "src", Readable.END, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, Stream.CLOSE);
          Streams.pipeline(
              src,
              dst,
              e -> {
                t.log("pipeline cb", ok(e));
                t.log("destroyed", src.destroyed(), dst.destroyed());
              });
        });
    s.add(
        "pipelineWithDestroyedStream",
        t -> {
          Readable src = fromChunks(b("a"));
          Writable dst = sink(t, "dst", Mode.SYNC);
          dst.destroy();
          on(t, src, "src", Stream.ERROR, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, Stream.CLOSE);
          try {
            Streams.pipeline(src, dst, e -> t.log("pipeline cb", ok(e)));
          } catch (JnetException e) {
            t.log("threw", e);
          }
          t.log("destroyed", src.destroyed(), dst.destroyed());
          immediate(() -> t.log("later", src.destroyed(), src.readableFlowing()));
        });
    s.add(
        "pipelineSourceDestroyedPrematurely",
        t -> {
          Readable src = manual();
          Writable dst = sink(t, "dst", Mode.SYNC);
          on(t, dst, "dst", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          Streams.pipeline(
              src,
              dst,
              e -> {
                t.log("pipeline cb", ok(e));
                t.log("destroyed", src.destroyed(), dst.destroyed());
              });
          src.push(b("a"));
          immediate(src::destroy);
        });
  }

  private static void registerFinished(Scenarios s) {
    s.add(
        "finishedCleanupRemovesListeners",
        t -> {
          Readable r = fromChunks(b("a"));
          Runnable cleanup = Streams.finished(r, e -> t.log("finished", ok(e)));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          cleanup.run();
          r.resume();
        });
    s.add(
        "finishedOnEnd",
        t -> {
          Readable r = fromChunks(b("a"));
          Streams.finished(r, e -> t.log("finished", ok(e), r.readableEnded()));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.resume();
        });
    s.add(
        "finishedOnPrematureClose",
        t -> {
          Readable r = manual();
          Streams.finished(r, e -> t.log("finished", ok(e)));
          on(t, r, "r", Stream.ERROR, Stream.CLOSE);
          r.push(b("a"));
          tick(r::destroy);
        });
    s.add(
        "finishedWritableError",
        t -> {
          Writable w =
              new Writable(StreamOptions.defaults().write((chunk, cb) -> cb.done(err("nope"))));
          Streams.finished(w, e -> t.log("finished", ok(e)));
          on(t, w, "w", Stream.ERROR, Stream.CLOSE);
          w.write(b("a"));
        });
    s.add(
        "finishedAfterAlreadyFinished",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          w.end(b("a"));
          w.on(
              Stream.CLOSE,
              () -> {
                t.log("w.close");
                Streams.finished(w, e -> t.log("finished", ok(e)));
              });
        });
    s.add(
        "finishedDuplexWaitsForBothSides",
        t -> {
          Duplex d = DuplexTwins.idleDuplex();
          Streams.finished(d, e -> t.log("finished", ok(e)));
          on(t, d, "d", Readable.END, WritableStream.FINISH, Stream.CLOSE);
          d.end();
          d.resume();
          immediate(
              () -> {
                t.log("push null");
                d.pushEnd();
              });
        });
  }
}
