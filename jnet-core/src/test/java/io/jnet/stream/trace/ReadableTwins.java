package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.tick;

import io.jnet.buffer.Buffer;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.testing.TraceSuite.Scenarios;

/** Twins of stream.js's flowing vs paused and read(n) scenarios. */
final class ReadableTwins {
  private ReadableTwins() {}

  static void register(Scenarios s) {
    s.add(
        "flowingDataThenEnd",
        t -> {
          Readable r = fromChunks(b("a"), b("b"), b("c"));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.CLOSE);
          t.log("flowing", r.readableFlowing());
          r.on(Readable.DATA, c -> {});
          t.log("flowing", r.readableFlowing());
          t.log("sync done");
        });
    s.add(
        "pausedReadableReadLoop",
        t -> {
          Readable r = fromChunks(b("ab"), b("cd"), b("ef"));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.on(
              Readable.READABLE,
              () -> {
                t.log("r.readable", r.readableLength());
                Buffer c;
                while ((c = r.read()) != null) t.log("read", c);
                t.log("read", (Object) null);
              });
          t.log("flowing", r.readableFlowing());
        });
    s.add(
        "flowingFlagTransitions",
        t -> {
          Readable r = manual();
          on(t, r, "r", Readable.PAUSE, Readable.RESUME, Readable.END, Stream.CLOSE);
          t.log("flowing", r.readableFlowing(), r.isPaused());
          r.pause();
          t.log("flowing", r.readableFlowing(), r.isPaused());
          r.resume();
          t.log("flowing", r.readableFlowing(), r.isPaused());
          r.pause();
          t.log("flowing", r.readableFlowing(), r.isPaused());
          r.on(Readable.DATA, c -> t.log("r.data", c));
          t.log("flowing after data listener", r.readableFlowing());
          r.push(b("x"));
          r.pushEnd();
          tick(
              () -> {
                t.log("tick", r.readableFlowing(), r.readableLength());
                r.resume();
                t.log("resumed", r.readableFlowing());
              });
        });
    s.add(
        "readableListenerStopsFlowing",
        t -> {
          Readable r = fromChunks(b("1"), b("2"));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.CLOSE);
          t.log("flowing", r.readableFlowing());
          r.on(
              Readable.READABLE,
              () -> {
                Buffer c;
                while ((c = r.read()) != null) t.log("read", c);
              });
          t.log("flowing", r.readableFlowing());
        });
    s.add(
        "pauseInDataResumeLater",
        t -> {
          Readable r = fromChunks(b("a"), b("b"), b("c"));
          on(t, r, "r", Readable.PAUSE, Readable.RESUME, Readable.END, Stream.CLOSE);
          int[] n = {0};
          r.on(
              Readable.DATA,
              c -> {
                t.log("r.data", c);
                if (++n[0] == 1) {
                  r.pause();
                  t.log("paused", r.isPaused(), r.readableFlowing());
                  immediate(
                      () -> {
                        t.log("immediate", r.readableLength());
                        r.resume();
                      });
                }
              });
        });
    s.add(
        "resumeWithoutListenerDrains",
        t -> {
          Readable r = fromChunks(b("a"), b("b"));
          on(t, r, "r", Readable.RESUME, Readable.END, Stream.CLOSE);
          r.resume();
          t.log("flowing", r.readableFlowing(), r.isPaused());
        });
    s.add(
        "asyncPushFlowing",
        t -> {
          int[] i = {0};
          Buffer[] chunks = {b("x"), b("y")};
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (self, size) -> {
                            t.log("r._read", i[0]);
                            immediate(
                                () -> self.push(i[0] < chunks.length ? chunks[i[0]++] : null));
                          }));
          on(t, r, "r", Readable.DATA, Readable.END, Stream.CLOSE);
        });
    registerReadN(s);
  }

  private static void registerReadN(Scenarios s) {
    s.add(
        "readZeroTriggersRead",
        t -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults().highWaterMark(4).read((self, n) -> t.log("r._read")));
          t.log("read(0)", r.read(0), r.readableLength());
          tick(
              () -> {
                t.log("push", r.push(b("ab")));
                t.log("read(0)", r.read(0), r.readableLength());
                t.log("push", r.push(b("cdef")));
                t.log("read(0)", r.read(0), r.readableLength());
                r.pushEnd();
                t.log("read()", r.read());
              });
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.on(Readable.READABLE, () -> t.log("r.readable", r.readableLength()));
        });
    s.add(
        "readMoreThanBuffered",
        t -> {
          Readable r = manual();
          r.push(b("abc"));
          t.log("read(5)", r.read(5), r.readableLength());
          r.pushEnd();
          t.log("read(5)", r.read(5), r.readableLength());
          t.log("read(5)", r.read(5), r.readableLength());
          on(t, r, "r", Readable.READABLE, Readable.END, Stream.CLOSE);
        });
    s.add(
        "readAboveHighWaterMark",
        t -> {
          Readable r =
              new Readable(
                  StreamOptions.defaults()
                      .highWaterMark(4)
                      .read((me, n) -> t.log("r._read", me.readableLength())));
          t.log("hwm", r.readableHighWaterMark());
          t.log("read(10)", r.read(10));
          t.log("hwm", r.readableHighWaterMark());
          t.log("push", r.push(b("0123456789")));
          t.log("read(10)", r.read(10));
          t.log("read(100)", r.read(100));
          t.log("hwm", r.readableHighWaterMark());
          r.pushEnd();
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.resume();
        });
    s.add(
        "readExactAcrossChunks",
        t -> {
          Readable r = manual();
          r.push(b("abc"));
          r.push(b("def"));
          r.pushEnd();
          for (int i = 0; i < 4; i++) t.log("read(2)", r.read(2), r.readableLength());
          on(t, r, "r", Readable.END, Stream.CLOSE);
        });
    s.add(
        "readNoArgReturnsAll",
        t -> {
          Readable r = manual();
          r.push(b("ab"));
          r.push(b("cd"));
          t.log("read()", r.read(), r.readableLength());
          t.log("read()", r.read());
          r.push(b("ef"));
          r.pushEnd();
          t.log("read()", r.read());
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.on(Readable.READABLE, () -> t.log("r.readable", r.read()));
        });
    s.add(
        "readAfterEndReturnsNull",
        t -> {
          Readable r = fromChunks(b("z"));
          r.on(Readable.DATA, c -> t.log("r.data", c));
          r.on(
              Readable.END,
              () -> {
                t.log("r.end", r.readableEnded());
                t.log("read()", r.read());
                t.log("read(0)", r.read(0));
              });
          r.on(Stream.CLOSE, () -> t.log("r.close", r.destroyed(), r.closed()));
        });
    s.add(
        "unshiftPutsBack",
        t -> {
          Readable r = manual();
          r.push(b("hello"));
          Buffer head = r.read(2);
          t.log("read(2)", head);
          r.unshift(b("HE"));
          t.log("length", r.readableLength());
          t.log("read()", r.read());
          r.pushEnd();
          on(t, r, "r", Readable.READABLE, Readable.END, Stream.CLOSE);
        });
    s.add(
        "unshiftAfterEndErrors",
        t -> {
          Readable r = fromChunks(b("a"));
          on(t, r, "r", Readable.DATA, Stream.ERROR, Stream.CLOSE);
          r.on(
              Readable.END,
              () -> {
                t.log("r.end");
                r.unshift(b("b"));
                t.log("after unshift", r.errored(), r.destroyed());
              });
        });
    s.add(
        "pushAfterEof",
        t -> {
          Readable r = manual();
          on(t, r, "r", Readable.DATA, Readable.END, Stream.ERROR, Stream.CLOSE);
          t.log("push null", r.pushEnd());
          t.log("push x", r.push(b("x")));
          t.log("flags", r.errored(), r.destroyed());
        });
    s.add(
        "pushReturnValueAtHighWaterMark",
        t -> {
          Readable r = manual(StreamOptions.defaults().highWaterMark(3));
          t.log("push", r.push(b("ab")), r.readableLength());
          t.log("push", r.push(b("cd")), r.readableLength());
          t.log("push", r.push(b("e")), r.readableLength());
          t.log("read(4)", r.read(4), r.readableLength());
          t.log("push", r.push(b("f")), r.readableLength());
          r.pushEnd();
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.on(Readable.DATA, c -> t.log("r.data", c));
        });
    s.add(
        "emptyStreamReadableThenEnd",
        t -> {
          Readable r = new Readable(StreamOptions.defaults().read((self, n) -> self.pushEnd()));
          on(t, r, "r", Readable.END, Stream.CLOSE);
          r.on(Readable.READABLE, () -> t.log("r.readable", r.read(), r.readableEnded()));
        });
  }
}
