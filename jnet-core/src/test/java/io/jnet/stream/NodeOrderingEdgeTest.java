package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Corner cases recorded from Node 20: corked water marks, flush errors, one-of-two unpipe. */
class NodeOrderingEdgeTest {
  private final EventLog log = new EventLog();

  private static String err(JnetException e) {
    return e == null ? "null" : e.code() != null ? e.code() : e.getMessage();
  }

  private Writable sink(String tag) {
    return new Writable(
        StreamOptions.defaults()
            .write(
                (c, cb) -> {
                  log.add(tag + "._write " + c);
                  cb.done();
                }));
  }

  @Test
  void corkedWritesCountTowardTheHighWaterMark() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(2)
                      .write((c, cb) -> cb.done())
                      .writev(
                          (chunks, cb) -> {
                            log.add("w._writev " + chunks.size());
                            cb.done();
                          }));
          w.on(Writable.DRAIN, () -> log.add("w.drain"));
          w.on(Writable.FINISH, () -> log.add("w.finish"));
          w.on(Writable.CLOSE, () -> log.add("w.close"));
          w.cork();
          log.add("write " + w.write("a") + " " + w.writableLength());
          log.add("write " + w.write("b") + " " + w.writableLength() + " " + w.writableNeedDrain());
          log.add("write " + w.write("c") + " " + w.writableLength());
          Loops.loop()
              .nextTick(
                  () -> {
                    w.uncork();
                    log.add("uncorked " + w.writableLength() + " " + w.writableNeedDrain());
                    w.once(Writable.DRAIN, () -> w.end());
                  });
        });
    log.assertEntries(
        "write true 1",
        "write false 2 true",
        "write false 3",
        "w._writev 3",
        "uncorked 0 true",
        "w.drain",
        "w.finish",
        "w.close");
  }

  @Test
  void cleanupOfFinishedRemovesItsListeners() {
    Loops.run(
        () -> {
          AtomicInteger i = new AtomicInteger();
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read((s, n) -> s.push(i.getAndIncrement() == 0 ? "a" : null)));
          Runnable cleanup = Streams.finished(r, e -> log.add("finished " + e));
          r.on(Readable.END, () -> log.add("r.end"));
          r.on(Readable.CLOSE, () -> log.add("r.close"));
          cleanup.run();
          r.resume();
        });
    log.assertEntries("r.end", "r.close");
  }

  @Test
  void pipelineIntoADestroyedStreamThrowsAtTheCall() {
    Loops.run(
        () -> {
          AtomicInteger i = new AtomicInteger();
          Readable src =
              new Readable(
                  StreamOptions.defaults()
                      .read((s, n) -> s.push(i.getAndIncrement() == 0 ? "a" : null)));
          Writable dst = sink("dst");
          dst.destroy();
          src.on(Readable.ERROR, e -> log.add("src.error " + err(e)));
          src.on(Readable.CLOSE, () -> log.add("src.close"));
          dst.on(Writable.ERROR, e -> log.add("dst.error " + err(e)));
          dst.on(Writable.CLOSE, () -> log.add("dst.close"));
          try {
            Streams.pipeline(src, dst, e -> log.add("pipeline cb " + err(e)));
          } catch (JnetException e) {
            log.add("threw " + err(e));
          }
          log.add("destroyed " + src.destroyed() + " " + dst.destroyed());
        });
    // Node 24: the call throws, the callback never runs, the source is untouched.
    log.assertEntries("threw ERR_STREAM_UNABLE_TO_PIPE", "destroyed false true", "dst.close");
  }

  @Test
  void pipelineCalledOffTheLoopIntoADestroyedStreamThrowsToo() {
    Readable[] src = new Readable[1];
    Writable[] dst = new Writable[1];
    Loops.run(
        () -> {
          src[0] = new Readable(StreamOptions.defaults().read((s, n) -> s.push((String) null)));
          dst[0] = sink("dst");
          dst[0].destroy();
        });
    JnetException e =
        assertThrows(
            JnetException.class,
            () -> Streams.pipeline(src[0], dst[0], x -> log.add("pipeline cb " + err(x))));
    assertEquals("ERR_STREAM_UNABLE_TO_PIPE", e.code());
    Loops.run(() -> src[0].destroy());
    log.assertEntries();
  }

  @Test
  void flushErrorDestroysTheTransformBeforeEndsCallback() {
    Loops.run(
        () -> {
          Transform t =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (s, c, cb) -> {
                            s.push(c);
                            cb.done();
                          })
                      .flush(
                          (s, cb) -> {
                            log.add("t._flush");
                            cb.done(new JnetException(null, "flush failed"));
                          }));
          t.on(Readable.DATA, d -> log.add("t.data " + d));
          t.on(Readable.END, () -> log.add("t.end"));
          t.on(Transform.ERROR, e -> log.add("t.error " + err(e)));
          t.on(Transform.FINISH, () -> log.add("t.finish"));
          t.on(Transform.CLOSE, () -> log.add("t.close"));
          t.end(Buffer.from("x"), e -> log.add("end cb " + err(e)));
        });
    log.assertEntries(
        "t.data x", "t._flush", "t.error flush failed", "t.close", "end cb flush failed");
  }

  @Test
  void unpipingOneOfTwoDestinationsKeepsTheOtherFlowing() {
    Loops.run(
        () -> {
          Readable src = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          Writable a = sink("a");
          Writable b = sink("b");
          a.on(Writable.FINISH, () -> log.add("a.finish"));
          a.on(Writable.UNPIPE, s -> log.add("a.unpipe " + (s == src)));
          b.on(Writable.FINISH, () -> log.add("b.finish"));
          src.pipe(a);
          src.pipe(b);
          src.push("1");
          Loops.loop()
              .setImmediate(
                  () -> {
                    src.unpipe(a);
                    log.add("flowing " + src.readableFlowing());
                    src.push("2");
                    src.pushEnd();
                  });
        });
    log.assertEntries(
        "a._write 1", "b._write 1", "a.unpipe true", "flowing true", "b._write 2", "b.finish");
  }

  @Test
  void oneSidedDuplexesReportTheirFlags() {
    Loops.run(
        () -> {
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .writable(false)
                      .read((s, n) -> s.pushEnd())
                      .write((c, cb) -> cb.done()));
          d.on(Duplex.END, () -> log.add("d.end"));
          d.on(Duplex.FINISH, () -> log.add("d.finish"));
          d.on(Duplex.CLOSE, () -> log.add("d.close"));
          log.add(
              "flags "
                  + List.of(d.readable(), d.writable(), d.writableEnded(), d.writableFinished()));
          d.resume();
        });
    log.assertEntries("flags [true, false, true, true]", "d.end", "d.close");
  }

  @Test
  void removingTheReadableListenerLetsDataFlowOnTheNextTick() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          Runnable f = () -> log.add("readable");
          r.on(Readable.READABLE, f);
          r.push("a");
          Loops.loop()
              .setImmediate(
                  () -> {
                    r.removeListener(Readable.READABLE, f);
                    r.on(Readable.DATA, d -> log.add("data " + d));
                    log.add("flowing " + r.readableFlowing());
                    Loops.loop()
                        .setImmediate(() -> log.add("flowing later " + r.readableFlowing()));
                  });
        });
    log.assertEntries("readable", "flowing false", "data a", "flowing later true");
  }

  @Test
  void resumeWithAReadableListenerDoesNotFlow() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.on(Readable.READABLE, () -> log.add("readable " + r.readableLength()));
          r.resume();
          log.add("flowing " + r.readableFlowing());
          r.push("a");
          r.on(Readable.RESUME, () -> log.add("resume"));
        });
    log.assertEntries("flowing false", "resume", "readable 1");
  }

  @Test
  void destroyDuringConstructWaitsForIt() {
    Loops.run(
        () -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read((s, n) -> {})
                      .construct(
                          cb -> {
                            log.add("_construct");
                            Loops.loop()
                                .setImmediate(
                                    () -> {
                                      log.add("construct done");
                                      cb.done();
                                    });
                          })
                      .destroy(
                          (e, cb) -> {
                            log.add("_destroy");
                            cb.done(e);
                          }));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.destroy();
          log.add("destroyed " + r.destroyed());
        });
    log.assertEntries("destroyed true", "_construct", "construct done", "_destroy", "close");
  }

  @Test
  void pipingTwiceIntoOneDestinationWritesTwice() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          PassThrough p = new PassThrough();
          p.on(Readable.DATA, d -> log.add("p " + d));
          r.pipe(p);
          r.pipe(p);
          r.push("x");
          r.pushEnd();
          p.on(Readable.END, () -> log.add("end"));
        });
    log.assertEntries("p x", "p x", "end");
  }

  @Test
  void readWhilePausedEmitsDataToo() {
    Loops.run(
        () -> {
          Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
          r.push("ab");
          r.push("cd");
          r.on(Readable.DATA, d -> log.add("data " + d));
          Loops.loop()
              .setImmediate(
                  () -> {
                    r.pause();
                    r.push("ef");
                    log.add(String.valueOf(r.read()));
                  });
        });
    log.assertEntries("data ab", "data cd", "data ef", "ef");
  }

  @Test
  void stringsAreEncodedWithTheDefaultOrGivenEncoding() {
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (c, cb) -> {
                            log.add("_write " + c.toString("hex"));
                            cb.done();
                          }));
          w.setDefaultEncoding("hex");
          w.write("ff00");
          w.write("ab", "latin1");
          w.end("c3a9", "hex");
        });
    log.assertEntries("_write ff00", "_write 6162", "_write c3a9");
  }
}
