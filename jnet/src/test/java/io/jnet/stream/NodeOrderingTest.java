package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Event orders of small scenarios, each compared with what Node 20 logs for its JavaScript twin
 * (the expected lines were recorded by running that twin, quoted in each test's comment).
 */
class NodeOrderingTest {
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

  /** new Readable({read(){ push c1..c3, then null }}) with a 'data' listener. */
  @Test
  void flowingModeEmitsDataThenEndThenClose() {
    Loops.run(
        () -> {
          AtomicInteger i = new AtomicInteger();
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (s, n) -> {
                            int k = i.incrementAndGet();
                            s.push(k <= 3 ? "c" + k : null);
                          }));
          r.on(Readable.DATA, d -> log.add("data " + d));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
          log.add("sync");
        });
    log.assertEntries("sync", "data c1", "data c2", "data c3", "end", "close");
  }

  @Test
  void readableListenerReadsEverythingBufferedThenEnds() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.push("ab");
          r.push("cd");
          r.on(
              Readable.READABLE,
              () -> {
                log.add("readable " + r.readableLength());
                Buffer c;
                while ((c = r.read()) != null) log.add("read " + c);
              });
          r.on(Readable.END, () -> log.add("end"));
          Loops.loop()
              .setImmediate(
                  () -> {
                    r.push("ef");
                    r.pushEnd();
                  });
        });
    log.assertEntries("readable 4", "read abcd", "readable 2", "read ef", "readable 0", "end");
  }

  @Test
  void readNFollowsNodeRulesForBufferedAmount() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.push("abcdef");
          log.add(String.valueOf(r.read(2)));
          log.add(String.valueOf(r.read(10)));
          r.pushEnd();
          log.add(String.valueOf(r.read(10)));
          log.add(String.valueOf(r.read()));
          r.on(Readable.END, () -> log.add("end " + r.readableEnded()));
        });
    log.assertEntries("ab", "null", "cdef", "null", "end true");
  }

  @Test
  void setEncodingDecodesCharactersSplitAcrossChunks() {
    Loops.run(
        () -> {
          Buffer b = Buffer.from("a€b");
          AtomicInteger i = new AtomicInteger();
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (s, n) -> {
                            int k = i.get();
                            if (k < b.length()) {
                              s.push(b.subarray(k, i.incrementAndGet()));
                            } else {
                              s.pushEnd();
                            }
                          }));
          r.setEncoding("utf8");
          r.on(Readable.TEXT, d -> log.add("data string " + d));
          r.on(Readable.END, () -> log.add("end"));
        });
    log.assertEntries("data string a", "data string €", "data string b", "end");
  }

  @Test
  void pausedAndFlowingStateAcrossTheModeSwitches() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          log.add(r.isPaused() + " " + r.readableFlowing());
          r.on(Readable.DATA, d -> {});
          log.add(r.isPaused() + " " + r.readableFlowing());
          r.pause();
          log.add(r.isPaused() + " " + r.readableFlowing());
          r.resume();
          log.add(r.isPaused() + " " + r.readableFlowing());
          r.on(Readable.PAUSE, () -> log.add("pause"));
          r.on(Readable.RESUME, () -> log.add("resume"));
          Loops.loop()
              .nextTick(
                  () -> {
                    r.pause();
                    r.resume();
                  });
        });
    log.assertEntries(
        "false null", "false true", "true false", "false true", "resume", "pause", "resume");
  }

  @Test
  void unshiftPutsDataBackInFront() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.push("world");
          r.unshift(Buffer.from("hello "));
          log.add(r.read().toString());
          r.pushEnd();
          r.on(Readable.END, () -> log.add("end"));
          r.resume();
        });
    log.assertEntries("hello world", "end");
  }

  @Test
  void pushAfterEofDestroysWithNodeCode() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.on(Readable.ERROR, e -> log.add("error " + e.code()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.pushEnd();
          r.push("x");
          log.add("destroyed " + r.destroyed());
        });
    log.assertEntries("destroyed true", "error ERR_STREAM_PUSH_AFTER_EOF", "close");
  }

  @Test
  void destroyWithErrorEmitsErrorThenCloseAndNoEnd() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.on(Readable.DATA, d -> log.add("data " + d));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.ERROR, e -> log.add("error " + e.getMessage()));
          r.on(Readable.CLOSE, () -> log.add("close " + r.destroyed() + " " + r.closed()));
          r.push("a");
          r.destroy(new RuntimeException("boom"));
          log.add("destroyed " + r.destroyed() + " " + r.closed());
          r.push("b");
          r.pushEnd();
        });
    log.assertEntries("destroyed true true", "data a", "error boom", "close true true");
  }

  @Test
  void readIsCalledAgainUntilTheHighWaterMark() {
    Loops.run(
        () -> {
          AtomicInteger n = new AtomicInteger();
          Readable[] self = new Readable[1];
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .highWaterMark(2)
                      .read(
                          (s, size) -> {
                            log.add("_read " + size + " " + s.readableLength());
                            s.push(n.incrementAndGet() < 5 ? "x" : null);
                          }));
          self[0] = r;
          r.on(Readable.READABLE, () -> log.add("readable " + r.readableLength()));
          r.on(Readable.END, () -> log.add("end"));
        });
    log.assertEntries("_read 2 0", "readable 1", "_read 2 1", "readable 2");
  }

  @Test
  void readOfFixedSizeReturnsTheTailAfterEnd() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.on(
              Readable.READABLE,
              () -> {
                log.add("readable");
                Buffer c;
                while ((c = r.read(3)) != null) log.add("read " + c);
              });
          r.on(Readable.END, () -> log.add("end"));
          r.push("abcd");
          r.push("efg");
          r.pushEnd();
        });
    log.assertEntries("readable", "read abc", "read def", "read g", "end");
  }

  @Test
  void synchronousWritesCallbacksPrefinishFinishClose() {
    Loops.run(
        () -> {
          Writable w = sinkWritable(StreamOptions.defaults());
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.on(Writable.PREFINISH, () -> log.add("prefinish"));
          log.add(String.valueOf(w.write("a", e -> log.add("cb a"))));
          log.add(String.valueOf(w.write("b", e -> log.add("cb b"))));
          w.end("c", e -> log.add("end cb"));
          log.add("ended " + w.writableEnded() + " " + w.writableFinished());
        });
    log.assertEntries(
        "_write a",
        "true",
        "_write b",
        "true",
        "_write c",
        "prefinish",
        "ended true false",
        "cb a",
        "cb b",
        "end cb",
        "finish",
        "close");
  }

  @Test
  void nestedCorkHandsOneBatchToWritev() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .writev(
                          (chunks, cb) -> {
                            StringBuilder sb = new StringBuilder();
                            for (Buffer c : chunks) sb.append(sb.length() > 0 ? "," : "").append(c);
                            log.add("_writev " + sb);
                            cb.done();
                          })
                      .write(
                          (c, cb) -> {
                            log.add("_write " + c);
                            cb.done();
                          }));
          w.cork();
          w.write("a");
          w.cork();
          w.write("b");
          log.add("corked " + w.writableCorked());
          w.uncork();
          log.add("corked " + w.writableCorked() + " " + w.writableLength());
          w.uncork();
          log.add("after " + w.writableLength());
          w.write("c", e -> log.add("cb c"));
          w.write("d", e -> log.add("cb d"));
          w.end();
          w.on(Writable.FINISH, () -> log.add("finish"));
        });
    log.assertEntries(
        "corked 2",
        "corked 1 2",
        "_writev a,b",
        "after 0",
        "_write c",
        "_write d",
        "cb c",
        "cb d",
        "finish");
  }

  @Test
  void writeAfterEndFailsTheCallbackThenErrors() {
    Loops.run(
        () -> {
          Writable w = new Writable(StreamOptions.defaults().write((c, cb) -> cb.done()));
          w.on(Writable.ERROR, e -> log.add("error " + e.code()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end();
          log.add(String.valueOf(w.write("x", e -> log.add("cb " + code(e)))));
        });
    log.assertEntries(
        "false", "cb ERR_STREAM_WRITE_AFTER_END", "error ERR_STREAM_WRITE_AFTER_END", "close");
  }

  @Test
  void destroyFailsBufferedWritesWithErrStreamDestroyed() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults().write((c, cb) -> Loops.loop().setImmediate(cb::done)));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write("a", e -> log.add("cb a " + code(e)));
          w.write("b", e -> log.add("cb b " + code(e)));
          w.end(e -> log.add("end cb " + code(e)));
          w.destroy();
          log.add("len " + w.writableLength());
          w.write("c", e -> log.add("cb c " + code(e)));
        });
    log.assertEntries(
        "len 2",
        "close",
        "cb c ERR_STREAM_WRITE_AFTER_END",
        "cb a ",
        "cb b ERR_STREAM_DESTROYED",
        "end cb ERR_STREAM_DESTROYED");
  }

  @Test
  void drainIsEmittedOnceWhenTheBufferEmpties() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(3)
                      .write((c, cb) -> Loops.loop().setImmediate(cb::done)));
          w.on(
              Writable.DRAIN,
              () -> log.add("drain " + w.writableLength() + " " + w.writableNeedDrain()));
          log.add(w.write("ab") + " " + w.writableNeedDrain());
          log.add(w.write("cd") + " " + w.writableNeedDrain());
          log.add(String.valueOf(w.write("ef")));
        });
    log.assertEntries("true false", "false true", "false", "drain 0 false");
  }

  @Test
  void finalRunsBeforePrefinishAndFinish() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write((c, cb) -> cb.done())
                      .finalHook(
                          cb -> {
                            log.add("_final");
                            Loops.loop()
                                .setImmediate(
                                    () -> {
                                      log.add("final done");
                                      cb.done();
                                    });
                          }));
          w.on(Writable.PREFINISH, () -> log.add("prefinish"));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write("a");
          w.end(e -> log.add("end cb"));
        });
    log.assertEntries("_final", "final done", "prefinish", "end cb", "finish", "close");
  }

  @Test
  void failedWriteErrorsEveryCallbackThenTheStream() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write((c, cb) -> cb.done(new JnetException(null, "bad"))));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          log.add(String.valueOf(w.write("a", e -> log.add("cb " + e.getMessage()))));
          log.add(String.valueOf(w.write("b", e -> log.add("cb b " + e.getMessage()))));
        });
    log.assertEntries("false", "false", "cb bad", "cb b bad", "error bad", "close");
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
