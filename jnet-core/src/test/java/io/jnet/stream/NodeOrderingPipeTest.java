package io.jnet.stream;

import io.jnet.error.JnetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event orders of Duplex, Transform, pipe, pipeline and finished scenarios, as Node 20 logs them
 * for their JavaScript twins.
 */
class NodeOrderingPipeTest {
  private final EventLog log = new EventLog();

  private static String code(JnetException e) {
    return e == null ? "" : e.code();
  }

  private Writable sinkWritable(StreamOptions o) {
    return new Writable(
        o.write(
            (c, cb) -> {
              log.add("_write " + c);
              cb.done();
            }));
  }

  @Test
  void duplexWithoutHalfOpenEndsTheWritableSideAtEnd() {
    Loops.run(
        () -> {
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .allowHalfOpen(false)
                      .read((s, n) -> {})
                      .write((c, cb) -> cb.done()));
          d.on(Duplex.END, () -> log.add("end"));
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.on(Duplex.PREFINISH, () -> log.add("prefinish"));
          d.push("x");
          d.pushEnd();
          d.resume();
        });
    log.assertEntries("end", "prefinish", "finish", "close");
  }

  @Test
  void halfOpenDuplexClosesOnlyAfterBothSidesAreDone() {
    Loops.run(
        () -> {
          Duplex d =
              new Duplex(StreamOptions.defaults().read((s, n) -> {}).write((c, cb) -> cb.done()));
          d.on(Duplex.END, () -> log.add("end"));
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.pushEnd();
          d.resume();
          Loops.loop()
              .setImmediate(
                  () -> {
                    log.add("ending");
                    d.end();
                  });
        });
    log.assertEntries("end", "ending", "finish", "close");
  }

  @Test
  void pipePausesTheSourceUntilDrain() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().highWaterMark(4).read((s, n) -> {}));
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(4)
                      .write(
                          (c, cb) -> {
                            log.add("_write " + c);
                            Loops.loop().setImmediate(cb::done);
                          }));
          r.on(Readable.PAUSE, () -> log.add("pause"));
          r.on(Readable.RESUME, () -> log.add("resume"));
          w.on(Writable.DRAIN, () -> log.add("drain"));
          w.on(Writable.PIPE, s -> log.add("pipe"));
          w.on(Writable.UNPIPE, s -> log.add("unpipe"));
          w.on(Writable.FINISH, () -> log.add("finish"));
          r.on(Readable.END, () -> log.add("end"));
          r.pipe(w);
          r.push("aaaa");
          r.push("bbbb");
          r.push("cc");
          r.pushEnd();
        });
    log.assertEntries(
        "pipe",
        "resume",
        "_write aaaa",
        "pause",
        "drain",
        "resume",
        "_write bbbb",
        "pause",
        "drain",
        "resume",
        "_write cc",
        "end",
        "finish",
        "pause",
        "unpipe");
  }

  @Test
  void pipeFeedsSeveralDestinations() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          PassThrough a = new PassThrough();
          PassThrough b = new PassThrough();
          r.pipe(a);
          r.pipe(b);
          a.on(Readable.DATA, d -> log.add("a " + d));
          b.on(Readable.DATA, d -> log.add("b " + d));
          a.on(Readable.END, () -> log.add("a end"));
          b.on(Readable.END, () -> log.add("b end"));
          r.push("x");
          r.pushEnd();
        });
    log.assertEntries("a x", "b x", "a end", "b end");
  }

  @Test
  void unpipeStopsTheFlowAndBuffers() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          Writable w = sinkWritable(StreamOptions.defaults());
          w.on(Writable.UNPIPE, s -> log.add("unpipe"));
          r.pipe(w);
          r.push("a");
          Loops.loop()
              .setImmediate(
                  () -> {
                    r.unpipe(w);
                    log.add("flowing " + r.readableFlowing());
                    r.push("b");
                    Loops.loop().setImmediate(() -> log.add("len " + r.readableLength()));
                  });
        });
    log.assertEntries("_write a", "unpipe", "flowing false", "len 1");
  }

  @Test
  void pipelineSucceedsAfterTheLastStreamFinished() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          Transform t =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (s, c, cb) -> {
                            s.push(c.toString().toUpperCase());
                            cb.done();
                          }));
          Writable w = sinkWritable(StreamOptions.defaults());
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("w close"));
          r.on(Readable.CLOSE, () -> log.add("r close"));
          t.on(Transform.CLOSE, () -> log.add("t close"));
          Streams.pipeline(r, t, w, e -> log.add("done " + (e == null ? "" : e.getMessage())));
          r.push("ab");
          r.pushEnd();
        });
    log.assertEntries("_write AB", "r close", "finish", "t close", "w close", "done ");
  }

  @Test
  void pipelineDestroysEveryStreamOnFailure() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          PassThrough t = new PassThrough();
          Writable w = new Writable(StreamOptions.defaults().write((c, cb) -> cb.done()));
          r.on(Readable.CLOSE, () -> log.add("r close " + r.destroyed()));
          t.on(Transform.CLOSE, () -> log.add("t close"));
          w.on(Writable.CLOSE, () -> log.add("w close"));
          Streams.pipeline(List.of(r, t, w), e -> log.add("done " + e.getMessage()));
          r.push("ab");
          Loops.loop().setImmediate(() -> t.destroy(new RuntimeException("mid")));
        });
    log.assertEntries("t close", "r close true", "w close", "done mid");
  }

  @Test
  void finishedReportsPrematureClose() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          Streams.finished(r, e -> log.add("finished " + code(e)));
          r.destroy();
        });
    log.assertEntries("finished ERR_STREAM_PREMATURE_CLOSE");
  }

  @Test
  void finishedCallsBackAfterFinish() {
    Loops.run(
        () -> {
          Writable w = new Writable(StreamOptions.defaults().write((c, cb) -> cb.done()));
          Streams.finished(w, e -> log.add("finished " + e));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.end("x");
        });
    log.assertEntries("finish", "finished null");
  }

  @Test
  void transformHoldsBackWhileTheReadableSideIsFull() {
    Loops.run(
        () -> {
          Transform t =
              new Transform(
                  StreamOptions.defaults()
                      .highWaterMark(2)
                      .transform(
                          (s, c, cb) -> {
                            log.add("_transform " + c);
                            s.push(c);
                            s.push(c);
                            cb.done();
                          })
                      .flush(
                          (s, cb) -> {
                            log.add("_flush");
                            s.push("Z");
                            cb.done();
                          }));
          log.add(String.valueOf(t.write("a")));
          log.add(String.valueOf(t.write("b")));
          log.add(String.valueOf(t.write("c")));
          t.end();
          t.on(Readable.DATA, d -> log.add("data " + d));
          t.on(Readable.END, () -> log.add("end"));
          t.on(Transform.FINISH, () -> log.add("finish"));
        });
    log.assertEntries(
        "_transform a",
        "true",
        "false",
        "false",
        "_transform b",
        "_transform c",
        "_flush",
        "data a",
        "data a",
        "data b",
        "data b",
        "data c",
        "data c",
        "data Z",
        "finish",
        "end");
  }
}
