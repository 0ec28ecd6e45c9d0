package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.bytes;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.sink;
import static io.jnet.stream.trace.Twins.tick;

import io.jnet.buffer.Buffer;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import io.jnet.stream.WritableStream;
import io.jnet.stream.trace.Twins.Mode;
import io.jnet.testing.TraceSuite.Scenarios;
import java.util.function.Consumer;

/** Twins of stream.js's "more edges": listeners, write encodings, construct, zero water marks. */
final class EdgeTwins {
  private EdgeTwins() {}

  static void register(Scenarios s) {
    registerReadable(s);
    registerWritable(s);
    registerPipe(s);
  }

  private static void registerReadable(Scenarios s) {
    s.add(
        "onceDataKeepsFlowing",
        t -> {
          Readable r = fromChunks(b("a"), b("b"));
          r.once(Readable.DATA, c -> t.log("r.once data", c));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          tick(() -> t.log("flowing", r.readableFlowing()));
        });
    s.add(
        "removeDataListenerKeepsFlowing",
        t -> {
          Readable r = fromChunks(b("a"), b("b"), b("c"));
          Object[] self = new Object[1];
          Consumer<Buffer> f =
              c -> {
                t.log("r.data", c);
                r.removeListener(Readable.DATA, self[0]);
                t.log("after remove", r.readableFlowing(), r.listenerCount(Readable.DATA));
              };
          self[0] = f;
          r.on(Readable.DATA, f);
          on(t, r, "r", Readable.END, Stream.CLOSE);
        });
    s.add(
        "setEncodingAfterBuffered",
        t -> {
          Readable r = manual();
          r.push(bytes(0x68, 0xc3));
          r.push(bytes(0xa9));
          t.log("length", r.readableLength());
          r.setEncoding("utf8");
          t.log("length", r.readableLength(), r.readableEncoding());
          t.log("read()", r.readText());
          r.pushEnd();
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.resume();
        });
    s.add(
        "pauseKeepsBufferedChunks",
        t -> {
          Readable r = manual();
          r.push(b("1"));
          r.push(b("2"));
          r.push(b("3"));
          r.on(
              Readable.DATA,
              c -> {
                t.log("r.data", c, r.readableLength());
                if (c.toString().equals("1")) {
                  r.pause();
                  immediate(
                      () -> {
                        t.log("resume with", r.readableLength());
                        r.pushEnd();
                        r.resume();
                      });
                }
              });
          on(t, r, "r", Readable.END, Stream.CLOSE);
        });
    s.add(
        "readableWithoutDrainingStalls",
        t -> {
          Readable r = fromChunks(b("abc"));
          int[] n = {0};
          r.on(
              Readable.READABLE,
              () -> {
                n[0]++;
                t.log("r.readable", n[0], r.read(1), r.readableLength());
              });
          on(t, r, "r", Readable.END, Stream.CLOSE);
        });
    s.add(
        "readableHighWaterMarkZero",
        t -> {
          int[] i = {0};
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .highWaterMark(0)
                      .read(
                          (self, n) -> {
                            t.log("r._read", i[0]);
                            if (i[0] < 2) t.log("push", self.push(b(String.valueOf(i[0]++))));
                            else self.pushEnd();
                          }));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.CLOSE);
        });
  }

  private static void registerWritable(Scenarios s) {
    s.add(
        "writableHighWaterMarkZero",
        t -> {
          Writable w = sink(t, "w", Mode.TICK, StreamOptions.defaults().highWaterMark(0));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("a")), w.writableNeedDrain());
          w.once(
              WritableStream.DRAIN,
              () -> {
                t.log("write", w.write(b("b")));
                w.end();
              });
        });
    s.add(
        "noDrainOnceEnding",
        t -> {
          Writable w = sink(t, "w", Mode.IMMEDIATE, StreamOptions.defaults().highWaterMark(1));
          on(t, w, "w", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("ab")), w.writableNeedDrain());
          w.end();
          t.log("needDrain after end", w.writableNeedDrain());
        });
    s.add(
        "writeStringsWithEncodings",
        t -> {
          Writable w = sink(t, "w", Mode.SYNC);
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write("6869", "hex"));
          t.log("write", w.write("aGk=", "base64"));
          t.log("write", w.write("h\u00e9", "latin1"));
          t.log("write", w.write("h\u00e9"));
          w.setDefaultEncoding("hex");
          t.log("write", w.write("ff00"));
          w.end("abcd", e -> t.log("end cb"));
        });
    s.add(
        "constructDelaysReadAndWrite",
        t -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .construct(
                          cb -> {
                            t.log("w._construct");
                            immediate(
                                () -> {
                                  t.log("w constructed");
                                  cb.done();
                                });
                          })
                      .write(
                          (chunk, cb) -> {
                            t.log("w._write", chunk);
                            cb.done();
                          }));
          on(t, w, "w", WritableStream.FINISH, Stream.CLOSE);
          t.log("write", w.write(b("a")), w.writableLength());
          w.end();
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .construct(
                          cb -> {
                            t.log("r._construct");
                            tick(cb::done);
                          })
                      .read(
                          (self, n) -> {
                            t.log("r._read");
                            self.pushEnd();
                          }));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.resume();
        });
    s.add(
        "abortedAndDidReadFlags",
        t -> {
          Readable r = fromChunks(b("a"), b("b"));
          r.once(
              Readable.DATA,
              c -> {
                t.log("r.data", c, r.readableDidRead());
                r.destroy();
                t.log("aborted", r.readableAborted());
              });
          Writable w = sink(t, "w", Mode.IMMEDIATE);
          w.write(b("x"));
          w.destroy();
          t.log("writableAborted", w.writableAborted());
          on(t, r, "r", Stream.CLOSE);
          on(t, w, "w", Stream.CLOSE);
          t.log("didRead before", r.readableDidRead(), r.readableAborted());
        });
  }

  private static void registerPipe(Scenarios s) {
    s.add(
        "pipeIntoDestroyedDestination",
        t -> {
          Readable src = fromChunks(b("a"), b("b"));
          Writable dst = sink(t, "dst", Mode.SYNC);
          dst.destroy();
          on(t, src, "src", Readable.PAUSE, Readable.END, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, Stream.CLOSE);
          dst.on(WritableStream.UNPIPE, from -> t.log("dst.unpipe", from == src));
          src.pipe(dst);
          immediate(() -> t.log("state", src.readableFlowing(), src.destroyed(), dst.destroyed()));
        });
    s.add(
        "pipeDestinationErrorUnpipes",
        t -> {
          Readable src = fromChunks(b("a"), b("b"), b("c"));
          Writable dst =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("dst._write", chunk);
                            cb.done(err("dst broke"));
                          }));
          on(t, src, "src", Readable.PAUSE, Readable.END, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, Stream.CLOSE);
          dst.on(
              WritableStream.UNPIPE,
              from -> t.log("dst.unpipe", from == src, src.readableFlowing()));
          src.pipe(dst);
          immediate(
              () -> {
                t.log("src state", src.readableFlowing(), src.destroyed(), src.readableLength());
                src.destroy();
              });
        });
    s.add(
        "destroyDestinationMidPipe",
        t -> {
          int[] i = {0};
          Readable src =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (self, n) -> {
                            i[0]++;
                            Buffer next = i[0] <= 5 ? b(String.valueOf(i[0])) : null;
                            immediate(() -> self.push(next));
                          }));
          Writable[] dstRef = new Writable[1];
          Writable dst =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("dst._write", chunk);
                            if (chunk.toString().equals("2")) dstRef[0].destroy();
                            cb.done();
                          }));
          dstRef[0] = dst;
          on(t, src, "src", Readable.PAUSE, Readable.END, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          dst.on(WritableStream.UNPIPE, from -> t.log("dst.unpipe", from == src));
          src.pipe(dst);
          dst.on(
              Stream.CLOSE,
              () ->
                  immediate(
                      () -> {
                        t.log("src state", src.readableFlowing(), src.destroyed());
                        src.destroy();
                      }));
        });
    s.add(
        "pipeFromEndedSource",
        t -> {
          Readable src = fromChunks(b("a"));
          on(t, src, "src", Readable.END, Stream.CLOSE);
          src.resume();
          src.on(
              Readable.END,
              () -> {
                Writable dst = sink(t, "dst", Mode.SYNC);
                on(t, dst, "dst", WritableStream.FINISH, Stream.CLOSE);
                dst.on(WritableStream.PIPE, from -> t.log("dst.pipe"));
                src.pipe(dst);
                immediate(() -> t.log("dst ended", dst.writableEnded(), dst.writableFinished()));
                immediate(() -> immediate(dst::end));
              });
        });
  }
}
