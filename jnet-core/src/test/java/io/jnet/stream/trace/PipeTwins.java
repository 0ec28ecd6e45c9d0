package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.fromChunks;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.manual;
import static io.jnet.stream.trace.Twins.on;
import static io.jnet.stream.trace.Twins.sink;

import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import io.jnet.stream.WritableStream;
import io.jnet.stream.trace.Twins.Mode;
import io.jnet.testing.TraceSuite.Scenarios;

/** Twins of stream.js's pipe scenarios. */
final class PipeTwins {
  private PipeTwins() {}

  static void register(Scenarios s) {
    s.add(
        "pipeSlowDestination",
        t -> {
          Readable src =
              fromChunks(
                  StreamOptions.defaults().highWaterMark(2),
                  b("1"),
                  b("2"),
                  b("3"),
                  b("4"),
                  b("5"));
          Writable dst = sink(t, "dst", Mode.IMMEDIATE, StreamOptions.defaults().highWaterMark(2));
          on(t, src, "src", Readable.PAUSE, Readable.RESUME, Readable.END, Stream.CLOSE);
          on(t, dst, "dst", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          dst.on(WritableStream.PIPE, from -> t.log("dst.pipe", from == src));
          t.log("pipe returns dst", src.pipe(dst) == dst);
        });
    s.add(
        "pipeEndFalseKeepsDestinationOpen",
        t -> {
          Readable src = fromChunks(b("a"));
          Writable dst = sink(t, "dst", Mode.SYNC);
          on(t, src, "src", Readable.END, Stream.CLOSE);
          on(t, dst, "dst", WritableStream.FINISH, Stream.CLOSE);
          dst.on(WritableStream.UNPIPE, from -> t.log("dst.unpipe", from == src));
          src.pipe(dst, false);
          src.on(
              Readable.END,
              () ->
                  immediate(
                      () -> {
                        t.log("dst open", dst.writable(), dst.writableEnded());
                        dst.end(b("z"));
                      }));
        });
    s.add(
        "unpipeMidStream",
        t -> {
          int[] i = {0};
          Readable src =
              new Readable(
                  StreamOptions.defaults()
                      .read(
                          (self, n) -> {
                            i[0]++;
                            if (i[0] <= 4) {
                              String next = String.valueOf(i[0]);
                              immediate(() -> self.push(b(next)));
                            } else {
                              immediate(self::pushEnd);
                            }
                          }));
          Writable[] dstRef = new Writable[1];
          Writable dst =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            t.log("dst._write", chunk);
                            if (chunk.toString().equals("2")) {
                              src.unpipe(dstRef[0]);
                              t.log("after unpipe", src.readableFlowing());
                            }
                            cb.done();
                          }));
          dstRef[0] = dst;
          on(t, src, "src", Readable.PAUSE, Readable.END, Stream.CLOSE);
          on(t, dst, "dst", WritableStream.FINISH, Stream.CLOSE);
          dst.on(WritableStream.UNPIPE, from -> t.log("dst.unpipe", from == src));
          src.pipe(dst);
          dst.on(
              WritableStream.UNPIPE,
              from ->
                  immediate(
                      () -> {
                        t.log(
                            "later",
                            src.readableFlowing(),
                            src.readableLength(),
                            dst.writableEnded());
                        src.on(Readable.DATA, c -> t.log("src.data", c));
                        src.resume();
                        dst.end();
                      }));
        });
    s.add(
        "pipeTwoDestinations",
        t -> {
          Readable src = fromChunks(b("a"), b("b"));
          Writable fast = sink(t, "fast", Mode.SYNC);
          Writable slow =
              sink(t, "slow", Mode.IMMEDIATE, StreamOptions.defaults().highWaterMark(1));
          on(t, fast, "fast", WritableStream.FINISH, Stream.CLOSE);
          on(t, slow, "slow", WritableStream.DRAIN, WritableStream.FINISH, Stream.CLOSE);
          on(t, src, "src", Readable.END, Stream.CLOSE);
          src.pipe(fast);
          src.pipe(slow);
        });
    s.add(
        "unpipeOneOfTwo",
        t -> {
          Readable src = manual();
          Writable a = sink(t, "a", Mode.SYNC);
          Writable b = sink(t, "b", Mode.SYNC);
          on(t, a, "a", WritableStream.FINISH);
          a.on(WritableStream.UNPIPE, from -> t.log("a.unpipe", from == src));
          on(t, b, "b", WritableStream.FINISH);
          src.pipe(a);
          src.pipe(b);
          src.push(b("1"));
          immediate(
              () -> {
                src.unpipe(a);
                t.log("flowing", src.readableFlowing());
                src.push(b("2"));
                src.pushEnd();
              });
        });
    s.add(
        "pipeSourceErrorUnpipes",
        t -> {
          Readable src = manual();
          Writable dst = sink(t, "dst", Mode.SYNC);
          on(t, src, "src", Stream.ERROR, Stream.CLOSE);
          on(t, dst, "dst", Stream.ERROR, WritableStream.FINISH, Stream.CLOSE);
          dst.on(WritableStream.UNPIPE, from -> t.log("dst.unpipe", from == src));
          src.pipe(dst);
          src.push(b("a"));
          immediate(
              () -> {
                src.destroy(err("src failed"));
                immediate(() -> t.log("dst state", dst.destroyed(), dst.writableEnded()));
              });
          immediate(() -> immediate(() -> immediate(dst::end)));
        });
  }
}
