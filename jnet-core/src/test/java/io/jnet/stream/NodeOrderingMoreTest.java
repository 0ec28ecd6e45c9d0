package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import org.junit.jupiter.api.Test;

/** More event orders recorded from Node 20: construction, end, destroy, modes, pipe corners. */
class NodeOrderingMoreTest {
  private final EventLog log = new EventLog();

  private static String code(JnetException e) {
    return e == null ? "" : e.code();
  }

  private static String msg(JnetException e) {
    return e == null ? "" : e.getMessage();
  }

  private static StreamOptions reading() {
    return StreamOptions.defaults().read((s, n) -> {});
  }

  private static StreamOptions writing() {
    return StreamOptions.defaults().write((c, cb) -> cb.done());
  }

  @Test
  void constructRunsBeforeTheFirstRead() {
    Loops.run(
        () -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .construct(
                          cb -> {
                            log.add("_construct");
                            Loops.loop()
                                .setImmediate(
                                    () -> {
                                      log.add("constructed");
                                      cb.done();
                                    });
                          })
                      .read(
                          (s, n) -> {
                            log.add("_read");
                            s.push("x");
                            s.pushEnd();
                          }));
          r.on(Readable.DATA, d -> log.add("data " + d));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
          log.add("sync");
        });
    log.assertEntries("sync", "_construct", "constructed", "_read", "data x", "end", "close");
  }

  @Test
  void writesWaitForConstruct() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .construct(
                          cb -> {
                            log.add("_construct");
                            Loops.loop().setImmediate(cb::done);
                          })
                      .write(
                          (c, cb) -> {
                            log.add("_write " + c);
                            cb.done();
                          }));
          log.add(String.valueOf(w.write("a")));
          w.end("b");
          w.on(Writable.FINISH, () -> log.add("finish"));
        });
    log.assertEntries("true", "_construct", "_write a", "_write b", "finish");
  }

  @Test
  void failedConstructDestroysTheStream() {
    Loops.run(
        () -> {
          Readable r =
              new Readable(
                  reading()
                      .construct(
                          cb ->
                              Loops.loop()
                                  .setImmediate(() -> cb.done(new JnetException(null, "nope")))));
          r.on(Readable.ERROR, e -> log.add("error " + e.getMessage()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.resume();
        });
    log.assertEntries("error nope", "close");
  }

  @Test
  void endTwiceIsForgivenButEndAfterFinishFails() {
    Loops.run(
        () -> {
          Writable w = new Writable(writing());
          w.end();
          w.end(e -> log.add("end2 cb " + code(e)));
          w.on(
              Writable.FINISH,
              () -> {
                log.add("finish");
                w.end(e -> log.add("end3 cb " + code(e)));
              });
        });
    log.assertEntries("end2 cb ", "finish", "end3 cb ERR_STREAM_ALREADY_FINISHED");
  }

  @Test
  void withoutAutoDestroyFinishLeavesTheStreamOpen() {
    Loops.run(
        () -> {
          Writable w = new Writable(writing().autoDestroy(false));
          w.on(Writable.FINISH, () -> log.add("finish " + w.destroyed()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end();
          Loops.loop().setImmediate(() -> log.add("after " + w.destroyed() + " " + w.closed()));
        });
    log.assertEntries("finish false", "after false false");
  }

  @Test
  void withoutEmitCloseTheStreamClosesSilently() {
    Loops.run(
        () -> {
          Writable w = new Writable(writing().emitClose(false));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end();
          Loops.loop().setImmediate(() -> log.add("after " + w.destroyed() + " " + w.closed()));
        });
    log.assertEntries("finish", "after true true");
  }

  @Test
  void writeToADestroyedStreamFailsWithErrStreamDestroyed() {
    Loops.run(
        () -> {
          Writable w = new Writable(writing());
          w.on(Writable.ERROR, e -> log.add("error " + e.code()));
          w.destroy();
          log.add(String.valueOf(w.write("x", e -> log.add("cb " + e.code()))));
          log.add("errored " + msg(w.errored()));
          w.on(Writable.CLOSE, () -> log.add("close"));
        });
    log.assertEntries("false", "errored ", "close", "cb ERR_STREAM_DESTROYED");
  }

  @Test
  void onlyTheFirstDestroyErrorCounts() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.on(Readable.ERROR, e -> log.add("error " + e.getMessage()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.destroy(new RuntimeException("a"));
          r.destroy(new RuntimeException("b"));
          log.add("errored " + r.errored().getMessage());
        });
    log.assertEntries("errored a", "error a", "close");
  }

  @Test
  void destroyHookDecidesTheEmittedError() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  writing()
                      .destroy(
                          (err, cb) -> {
                            log.add("_destroy " + msg(err));
                            Loops.loop()
                                .setImmediate(
                                    () -> cb.done(new JnetException(null, "from destroy")));
                          }));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.destroy(new RuntimeException("orig"));
          log.add("closed " + w.closed());
        });
    log.assertEntries("_destroy orig", "closed false", "error from destroy", "close");
  }

  @Test
  void hexEncodingTurnsDataIntoHexStrings() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.setEncoding("hex");
          r.push(Buffer.wrap(new byte[] {1, 2, (byte) 255}));
          r.on(Readable.TEXT, d -> log.add("data string " + d));
          r.pushEnd();
          r.on(Readable.END, () -> log.add("end"));
        });
    log.assertEntries("data string 0102ff", "end");
  }

  @Test
  void aReadableListenerTakesPrecedenceOverData() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.on(Readable.READABLE, () -> log.add("readable"));
          r.on(Readable.DATA, d -> log.add("data " + d));
          r.push("a");
          r.pushEnd();
          r.on(Readable.END, () -> log.add("end " + r.readableFlowing()));
        });
    log.assertEntries("readable");
  }

  @Test
  void endWaitsForALateDataListener() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.push("a");
          r.pushEnd();
          r.on(Readable.END, () -> log.add("end"));
          Loops.loop()
              .setImmediate(
                  () -> {
                    log.add("late listener");
                    r.on(Readable.DATA, d -> log.add("data " + d));
                  });
        });
    log.assertEntries("late listener", "data a", "end");
  }

  @Test
  void zeroHighWaterMarkNeverReadsAhead() {
    Loops.run(
        () -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults().highWaterMark(0).read((s, n) -> log.add("_read")));
          r.on(Readable.READABLE, () -> log.add("readable"));
          log.add("push " + r.push("x"));
        });
    log.assertEntries("push false", "readable");
  }

  @Test
  void pipeWithoutEndLeavesTheDestinationOpen() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (c, cb) -> {
                            log.add("_write " + c);
                            cb.done();
                          }));
          w.on(Writable.FINISH, () -> log.add("finish"));
          r.pipe(w, false);
          r.push("a");
          r.pushEnd();
          r.on(Readable.END, () -> log.add("end " + w.writableEnded()));
        });
    log.assertEntries("_write a", "end false");
  }

  @Test
  void duplexWithoutReadableSideIsEndedFromTheStart() {
    Loops.run(
        () -> {
          Duplex d = new Duplex(writing().readable(false));
          log.add(d.readable() + " " + d.writable() + " " + d.readableEnded());
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.end("x");
        });
    log.assertEntries("false true true", "finish", "close");
  }

  @Test
  void duplexWithoutWritableSideIsFinishedFromTheStart() {
    Loops.run(
        () -> {
          Duplex d = new Duplex(reading().writable(false));
          log.add(d.readable() + " " + d.writable() + " " + d.writableFinished());
          d.on(Duplex.END, () -> log.add("end"));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.pushEnd();
          d.resume();
        });
    log.assertEntries("true false true", "end", "close");
  }

  @Test
  void pipeIntoADestroyedWritableUnpipesAndBuffers() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          Writable w = new Writable(writing());
          w.destroy();
          r.pipe(w);
          r.on(Readable.DATA, d -> log.add("data"));
          r.push("a");
          w.on(Writable.UNPIPE, s -> log.add("unpipe"));
          Loops.loop()
              .setImmediate(
                  () -> log.add("flowing " + r.readableFlowing() + " " + r.readableLength()));
        });
    log.assertEntries("unpipe", "flowing false 1");
  }

  @Test
  void pipeIntoAWritableThatNeedsDrainWaitsForIt() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(1)
                      .write((c, cb) -> Loops.loop().setImmediate(cb::done)));
          Readable r = new Readable(reading());
          w.write("zz");
          log.add("needDrain " + w.writableNeedDrain());
          r.pipe(w);
          r.on(Readable.PAUSE, () -> log.add("pause"));
          r.on(Readable.RESUME, () -> log.add("resume"));
          r.push("a");
          w.on(Writable.DRAIN, () -> log.add("drain"));
          Loops.loop()
              .setImmediate(
                  () -> Loops.loop().setImmediate(() -> log.add("flowing " + r.readableFlowing())));
        });
    log.assertEntries(
        "needDrain true", "resume", "drain", "resume", "pause", "drain", "resume", "flowing true");
  }

  @Test
  void readZeroOnlyRefills() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.push("abc");
          log.add(String.valueOf(r.read(0)));
          log.add(String.valueOf(r.readableLength()));
          r.on(
              Readable.READABLE,
              () -> {
                log.add("readable");
                log.add(r.read(1).toString());
              });
        });
    log.assertEntries("null", "3", "readable", "a");
  }

  @Test
  void finishedWithoutTheReadableSideCallsBackAtFinish() {
    Loops.run(
        () -> {
          Duplex d = new Duplex(reading().write((c, cb) -> cb.done()));
          Streams.finished(d, false, true, e -> log.add("finished " + e));
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.end();
        });
    log.assertEntries("finished null", "finish");
  }

  @Test
  void finishedWithoutTheWritableSideCallsBackAtEnd() {
    Loops.run(
        () -> {
          Duplex d = new Duplex(reading().write((c, cb) -> cb.done()));
          Streams.finished(d, true, false, e -> log.add("finished " + e));
          d.on(Duplex.END, () -> log.add("end"));
          d.pushEnd();
          d.resume();
        });
    log.assertEntries("finished null", "end");
  }

  @Test
  void unshiftedTextJoinsTheDecodedBuffer() {
    Loops.run(
        () -> {
          Readable r = new Readable(reading());
          r.setEncoding("utf8");
          r.push("cd");
          r.unshift("ab");
          log.add(r.readText());
        });
    log.assertEntries("abcd");
  }
}
