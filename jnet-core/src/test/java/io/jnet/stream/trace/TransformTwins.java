package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.chunked;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.on;

import io.jnet.buffer.Buffer;
import io.jnet.stream.PassThrough;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Transform;
import io.jnet.stream.WritableStream;
import io.jnet.testing.TraceSuite.Scenarios;
import java.util.Locale;

/** Twins of stream.js's Transform and PassThrough scenarios. */
final class TransformTwins {
  private TransformTwins() {}

  static void register(Scenarios s) {
    s.add(
        "passThroughOrder",
        t -> {
          PassThrough p = new PassThrough();
          on(t, p, "p", Readable.DATA, Readable.END, WritableStream.FINISH, Stream.CLOSE);
          t.log("write", p.write(b("a")));
          t.log("write", p.write(b("b")));
          p.end();
        });
    s.add(
        "transformWithFlush",
        t -> {
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (self, chunk, cb) -> {
                            t.log("t._transform", chunk);
                            self.push(b(chunk.toString().toUpperCase(Locale.ROOT)));
                            cb.done();
                          })
                      .flush(
                          (self, cb) -> {
                            t.log("t._flush");
                            self.push(b("!"));
                            cb.done();
                          }));
          on(t, x, "t", Readable.DATA, Readable.END, WritableStream.FINISH, Stream.CLOSE);
          x.write(b("ab"));
          x.end(b("c"));
        });
    s.addByteAtATime(
        "transformSplitsLines",
        t -> {
          StringBuilder rest = new StringBuilder();
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (self, chunk, cb) -> {
                            rest.append(chunk.toString("latin1"));
                            int nl;
                            while ((nl = rest.indexOf("\n")) >= 0) {
                              self.push(Buffer.from(rest.substring(0, nl), "latin1"));
                              rest.delete(0, nl + 1);
                            }
                            cb.done();
                          })
                      .flush(
                          (self, cb) -> {
                            if (rest.length() > 0) {
                              self.push(Buffer.from(rest.toString(), "latin1"));
                            }
                            cb.done();
                          }));
          on(t, x, "t", Readable.DATA, Readable.END, WritableStream.FINISH, Stream.CLOSE);
          Buffer input = b("one\ntwo\n\nthree\nfour");
          for (Buffer c : chunked(input, t.byteAtATime() ? 1 : 3)) x.write(c);
          x.end();
        });
    s.add(
        "transformCallbackError",
        t -> {
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .transform((self, chunk, cb) -> cb.done(err("bad chunk"))));
          on(
              t,
              x,
              "t",
              Readable.DATA,
              Readable.END,
              Stream.ERROR,
              WritableStream.FINISH,
              Stream.CLOSE);
          t.log("write", x.write(b("x"), e -> t.log("cb x", e)));
        });
    s.add(
        "transformFlushError",
        t -> {
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (self, chunk, cb) -> {
                            self.push(chunk);
                            cb.done();
                          })
                      .flush(
                          (self, cb) -> {
                            t.log("t._flush");
                            cb.done(err("flush failed"));
                          }));
          on(
              t,
              x,
              "t",
              Readable.DATA,
              Readable.END,
              Stream.ERROR,
              WritableStream.FINISH,
              Stream.CLOSE);
          x.end(b("x"), e -> t.log("end cb", e));
        });
    s.add(
        "transformBackpressure",
        t -> {
          Transform x =
              new Transform(
                  StreamOptions.defaults()
                      .highWaterMark(2)
                      .transform(
                          (self, chunk, cb) -> {
                            t.log("t._transform", chunk);
                            self.push(chunk);
                            cb.done();
                          }));
          on(t, x, "t", WritableStream.DRAIN, Readable.END, WritableStream.FINISH, Stream.CLOSE);
          for (String c : new String[] {"a", "b", "c", "d"}) {
            t.log("write", x.write(b(c)), x.writableLength(), x.readableLength());
          }
          immediate(
              () -> {
                t.log("reading");
                x.on(Readable.DATA, c -> t.log("t.data", c));
                x.end();
              });
        });
  }
}
