package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
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
}
