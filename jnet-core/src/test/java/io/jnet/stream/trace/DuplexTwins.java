package io.jnet.stream.trace;

import static io.jnet.stream.trace.Twins.b;
import static io.jnet.stream.trace.Twins.err;
import static io.jnet.stream.trace.Twins.immediate;
import static io.jnet.stream.trace.Twins.on;

import io.jnet.stream.Duplex;
import io.jnet.stream.Readable;
import io.jnet.stream.Stream;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.WritableStream;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/** Twins of stream.js's allowHalfOpen and Duplex scenarios. */
final class DuplexTwins {
  private DuplexTwins() {}

  static void register(Scenarios s) {
    s.add(
        "duplexAllowHalfOpenTrueKeepsWritable",
        t -> {
          boolean[] pushed = {false};
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .read(
                          (self, n) -> {
                            if (!pushed[0]) {
                              pushed[0] = true;
                              self.push(b("in"));
                              self.pushEnd();
                            }
                          })
                      .write(loggingWrite(t, "d")));
          on(t, d, "d", Readable.DATA, WritableStream.FINISH, Stream.CLOSE);
          d.on(
              Readable.END,
              () -> {
                t.log("d.end", d.writable(), d.writableEnded());
                immediate(
                    () -> {
                      t.log("write", d.write(b("out")));
                      d.end();
                    });
              });
          t.log("allowHalfOpen", d.allowHalfOpen());
        });
    s.add(
        "duplexAllowHalfOpenFalseEndsWritable",
        t -> {
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .allowHalfOpen(false)
                      .read((self, n) -> self.pushEnd())
                      .write(loggingWrite(t, "d"))
                      .finalHook(
                          cb -> {
                            t.log("d._final");
                            cb.done();
                          }));
          on(t, d, "d", WritableStream.FINISH, Stream.CLOSE);
          d.on(Readable.END, () -> t.log("d.end", d.writableEnded()));
          t.log("allowHalfOpen", d.allowHalfOpen());
          t.log("write", d.write(b("early")));
          d.resume();
        });
    s.add(
        "duplexCloseWaitsForBothSides",
        t -> {
          Duplex d = idleDuplex();
          on(t, d, "d", Readable.END, WritableStream.FINISH, Stream.CLOSE);
          d.resume();
          d.end(b("w"));
          immediate(
              () -> {
                t.log("immediate", d.writableFinished(), d.readableEnded(), d.closed());
                d.pushEnd();
              });
        });
    s.add(
        "duplexReadableFalse",
        t -> {
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .readable(false)
                      .read((self, n) -> t.log("d._read"))
                      .write(loggingWrite(t, "d")));
          on(t, d, "d", Readable.END, WritableStream.FINISH, Stream.CLOSE);
          t.log("flags", d.readable(), d.writable(), d.readableEnded());
          d.end(b("w"));
        });
    s.add(
        "duplexWritableFalse",
        t -> {
          Duplex d =
              new Duplex(
                  StreamOptions.defaults()
                      .writable(false)
                      .read((self, n) -> self.pushEnd())
                      .write((c, cb) -> cb.done()));
          on(t, d, "d", Readable.END, WritableStream.FINISH, Stream.ERROR, Stream.CLOSE);
          t.log("flags", d.readable(), d.writable(), d.writableEnded(), d.writableFinished());
          d.resume();
        });
    s.add(
        "destroyDuplexWithError",
        t -> {
          Duplex d = idleDuplex();
          on(t, d, "d", Readable.END, WritableStream.FINISH, Stream.ERROR, Stream.CLOSE);
          d.push(b("a"));
          d.write(b("b"));
          d.destroy(err("both"));
          t.log(
              "flags",
              d.destroyed(),
              d.readable(),
              d.writable(),
              d.readableEnded(),
              d.writableFinished());
          d.on(Stream.CLOSE, () -> t.log("closed", d.closed(), d.errored()));
        });
  }

  /** {@code new Duplex({ read() {}, write(chunk, enc, cb) { cb(); } })}. */
  static Duplex idleDuplex() {
    return new Duplex(StreamOptions.defaults().read((self, n) -> {}).write((c, cb) -> cb.done()));
  }

  private static StreamOptions.WriteHook loggingWrite(Trace t, String tag) {
    return (chunk, cb) -> {
      t.log(tag + "._write", chunk);
      cb.done();
    };
  }
}
