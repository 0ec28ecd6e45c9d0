package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.listen;
import static io.jnet.net.trace.NetLib.orUndefined;
import static io.jnet.net.trace.NetLib.setTimeout;
import static io.jnet.net.trace.NetLib.spread;
import static io.jnet.net.trace.NetLib.state;
import static io.jnet.net.trace.NetLib.typeOf;
import static io.jnet.net.trace.NetLib.until;
import static io.jnet.net.trace.NetLib.watch;
import static io.jnet.net.trace.TwoSided.after;

import io.jnet.buffer.Buffer;
import io.jnet.internal.transport.Transport;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;
import java.util.ArrayList;
import java.util.List;

/**
 * The twins of net.js's scenarios about reading, writing, pausing, timeouts and the counters and
 * flags of the stream sides.
 */
final class NetReadWrite {
  private NetReadWrite() {}

  static void register(Scenarios s) {
    s.add("timeoutFires", NetReadWrite::timeoutFires);
    s.add("timeoutZeroDisables", NetReadWrite::timeoutZeroDisables);
    s.add("pauseBeforeConnect", NetReadWrite::pauseBeforeConnect);
    s.add("pauseBuffersData", NetReadWrite::pauseBuffersData);
    s.add("pauseOnConnect", NetReadWrite::pauseOnConnect);
    // On io_uring these three are skipped (NetTraceTest says why): no write completes in the call.
    boolean syncWrites = Transport.current() != Transport.IO_URING;
    if (syncWrites) s.add("writeCallbackOrder", NetReadWrite::writeCallbackOrder);
    if (syncWrites) s.add("writeFalseThenDrain", NetReadWrite::writeFalseThenDrain);
    s.add("writeAfterEnd", NetReadWrite::writeAfterEnd);
    s.add("endWithDataAndCallback", NetReadWrite::endWithDataAndCallback);
    s.add("bytesCounts", NetReadWrite::bytesCounts);
    if (syncWrites) s.add("writesQueuedBeforeConnect", NetReadWrite::writesQueuedBeforeConnect);
    s.add("writeAfterDestroy", NetReadWrite::writeAfterDestroy);
    s.add("setEncodingSplit", NetReadWrite::setEncodingSplit);
    s.add("streamFlags", NetReadWrite::streamFlags);
    s.add("endFlushesLargeWrite", NetReadWrite::endFlushesLargeWrite);
    s.add("readBackpressureHoldsWriter", NetReadWrite::readBackpressureHoldsWriter);
    s.add("connectTimeoutOption", NetReadWrite::connectTimeoutOption);
  }

  static void timeoutFires(Trace log) {
    Server server = Net.createServer(s -> s.on(Socket.END, () -> s.end()));
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "connect", "timeout", "end", "finish", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                Socket r =
                    c.setTimeout(
                        20,
                        () -> {
                          log.log("timeout callback", spread(state(c), orUndefined(c.timeout())));
                          c.end();
                        });
                log.log("returned self", r == c, orUndefined(c.timeout()));
              });
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void timeoutZeroDisables(Trace log) {
    Server server = Net.createServer(s -> s.on(Socket.END, () -> s.end()));
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "connect", "timeout", "end", "close");
          c.setTimeout(10);
          c.setTimeout(0);
          log.log("timeout", orUndefined(c.timeout()));
          c.on(Socket.CONNECT, () -> setTimeout(60, () -> c.end()));
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void pauseBeforeConnect(Trace log) {
    Ref<Socket> client = new Ref<>();
    Server server =
        Net.createServer(
            s -> {
              s.end("abc");
              s.on(
                  Socket.FINISH,
                  () ->
                      setTimeout(
                          20,
                          () -> {
                            Socket c = client.get();
                            log.log("later", c.readableLength(), c.isPaused(), c.bytesRead());
                            c.resume();
                            log.log("resumed", c.isPaused(), c.readableFlowing());
                          }));
            });
    listen(
        server,
        port -> {
          Socket c = client.set(Net.connect(port, HOST));
          c.pause();
          log.log("paused", c.isPaused(), c.readableFlowing());
          watch(log::log, c, "connect", "data", "end", "close");
          log.log("after data listener", c.isPaused(), c.readableFlowing());
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void pauseBuffersData(Trace log) {
    Server server =
        Net.createServer(
            s -> {
              s.write("one");
              s.once(Socket.DATA, d -> s.end("two"));
            });
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "data", "end", "close");
          c.once(
              Socket.DATA,
              d -> {
                c.pause();
                log.log("paused", c.isPaused(), c.readableFlowing(), c.readableLength());
                c.write("ack");
                until(
                    () -> c.readableLength() == 3,
                    () -> {
                      log.log("buffered", c.readableLength(), c.isPaused(), c.bytesRead());
                      c.resume();
                      log.log("resumed", c.isPaused(), c.readableFlowing());
                    });
              });
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void pauseOnConnect(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    server.set(
        Net.createServer(
            ServerOptions.defaults().pauseOnConnect(true),
            s -> {
              t.s("connection", s.isPaused(), s.readableFlowing(), s.readableLength());
              watch(t.s, s, "data", "end", "close");
              setTimeout(
                  30,
                  () -> {
                    t.s("later", s.readableLength());
                    s.resume();
                  });
              s.on(Socket.CLOSE, () -> server.get().close(e -> t.flush()));
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "connect", "end", "close");
          c.end("x");
        });
  }

  static void writeCallbackOrder(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          c.on(Socket.FINISH, () -> log.log("finish"));
          log.log("write a", c.write("a", e -> log.log("cb a", e)));
          log.log("write b", c.write("b", e -> log.log("cb b", e)));
          c.on(
              Socket.CONNECT,
              () -> {
                log.log("connect");
                log.log("write c", c.write("c", e -> log.log("cb c", e)));
                c.end("d", e -> log.log("cb end", e));
                log.log("end returned");
              });
          c.on(
              Socket.CLOSE,
              h -> {
                log.log("close", orUndefined(h));
                server.close();
              });
        });
  }

  static void writeFalseThenDrain(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              long[] n = {0};
              s.on(Socket.DATA, d -> n[0] += d.length());
              s.on(
                  Socket.END,
                  () -> {
                    t.s("received", n[0]);
                    s.end();
                  });
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          t.c("hwm", c.writableHighWaterMark());
          t.c("write", c.write(Buffer.alloc(70000, 1)), c.writableLength(), c.writableNeedDrain());
          c.on(
              Socket.DRAIN,
              () -> {
                t.c("drain", c.writableLength(), c.writableNeedDrain(), c.bytesWritten());
                c.end();
              });
          watch(t.c, c, "connect", "finish", "close");
          c.on(Socket.CLOSE, done);
        });
  }

  static void writeAfterEnd(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "connect", "finish", "error", "close");
          c.end();
          log.log("write", c.write("x", e -> log.log("cb", e)));
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void endWithDataAndCallback(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s, "data", "end", "close");
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          c.on(
              Socket.CONNECT,
              () -> {
                Object r = c.end("bye", e -> t.c("end cb", c.writableFinished()));
                t.c("end returned self", r == c);
              });
          watch(t.c, c, "finish", "end", "close");
          c.on(Socket.CLOSE, done);
        });
  }

  static void bytesCounts(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              t.s("at connection", s.bytesRead(), s.bytesWritten());
              s.resume();
              s.on(
                  Socket.END,
                  () -> {
                    t.s("at end", s.bytesRead(), s.bytesWritten());
                    s.end("ok");
                  });
              s.on(
                  Socket.CLOSE,
                  () -> {
                    t.s("at close", s.bytesRead(), s.bytesWritten());
                    done.run();
                  });
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          c.resume();
          t.c("fresh", c.bytesRead(), c.bytesWritten());
          c.write("héllo");
          t.c("queued utf8", c.bytesWritten());
          c.write("68656c6c6f", "hex");
          t.c("queued hex", c.bytesWritten());
          c.on(
              Socket.CONNECT,
              () -> {
                t.c("at connect", c.bytesWritten());
                c.write("aGk=", "base64");
                c.write("é", "latin1");
                c.write("€", "utf16le");
                c.write(Buffer.from(new byte[] {1, 2, 3}));
                t.c("after writes", c.bytesWritten());
                c.end("€");
                t.c("after end", c.bytesWritten());
              });
          c.on(Socket.FINISH, () -> t.c("at finish", c.bytesWritten()));
          c.on(
              Socket.CLOSE,
              () -> {
                t.c("at close", c.bytesRead(), c.bytesWritten());
                done.run();
              });
        });
  }

  static void writesQueuedBeforeConnect(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              List<Buffer> got = new ArrayList<>();
              s.on(Socket.DATA, d -> got.add(d));
              s.on(
                  Socket.END,
                  () -> {
                    t.s("received", Buffer.concat(got).toString("utf8"));
                    s.end();
                  });
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          t.c("write a", c.write("a", e -> t.c("cb a")), c.pending(), c.writableLength());
          t.c("write bc", c.write("bc", e -> t.c("cb bc")), c.writableLength());
          c.on(Socket.CONNECT, () -> t.c("connect", c.writableLength()));
          c.end("d", e -> t.c("cb end"));
          c.on(Socket.CLOSE, done);
        });
  }

  static void writeAfterDestroy(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "connect", "error", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                c.destroy();
                log.log("write", c.write("x", e -> log.log("cb", e)));
              });
          c.on(Socket.CLOSE, () -> server.close());
        });
  }

  static void setEncodingSplit(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    Buffer bytes = Buffer.from("a€éz✓", "utf8");
    // chunks: 'a'+€[0] | €[1..2]+é[0] | é[1]+'z'+✓[0..1], then end: the decoder flushes U+FFFD
    Buffer[] chunks = {bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5, 9)};
    server.set(
        Net.createServer(
            s -> {
              int[] i = {0};
              Runnable next =
                  () -> {
                    if (i[0] < chunks.length) {
                      s.write(chunks[i[0]++]);
                    } else {
                      s.end();
                    }
                  };
              s.on(Socket.DATA, d -> next.run());
              next.run();
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          Object r = c.setEncoding("utf8");
          t.c("returned self", r == c, c.readableEncoding());
          c.on(
              Socket.TEXT,
              d -> {
                t.c("data", typeOf(d), d);
                c.write("k");
              });
          watch(t.c, c, "end", "close");
          c.on(Socket.CLOSE, done);
        });
  }

  private static Object[] flags(Socket s) {
    return new Object[] {
      s.readable(), s.writable(), s.readableEnded(), s.writableEnded(), s.writableFinished()
    };
  }

  static void streamFlags(Trace log) {
    Ref<Server> server = new Ref<>();
    server.set(
        Net.createServer(
            s -> {
              log.log("connection", flags(s));
              s.resume();
              s.on(Socket.END, () -> log.log("end", flags(s)));
              s.on(Socket.FINISH, () -> log.log("finish", flags(s)));
              s.on(
                  Socket.CLOSE,
                  () -> {
                    log.log("close", flags(s));
                    server.get().close();
                  });
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          c.on(Socket.CONNECT, () -> c.end());
        });
  }

  static void endFlushesLargeWrite(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    int size = 4 * 1024 * 1024;
    server.set(
        Net.createServer(
            s -> {
              long[] n = {0};
              s.on(Socket.DATA, d -> n[0] += d.length());
              s.on(Socket.END, () -> t.s("end after", n[0]));
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "drain", "finish", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                t.c("write", c.write(Buffer.alloc(size, 7)));
                c.end();
                t.c("ended", c.writableLength() == size, c.writableNeedDrain());
              });
          c.on(Socket.FINISH, () -> t.c("at finish", c.bytesWritten()));
          c.on(Socket.CLOSE, done);
        });
  }

  static void readBackpressureHoldsWriter(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    int size = 64 * 1024 * 1024;
    Ref<Socket> client = new Ref<>();
    server.set(
        Net.createServer(
            s -> {
              boolean[] drained = {false};
              t.s("write", s.write(Buffer.alloc(size, 1)));
              s.on(
                  Socket.DRAIN,
                  () -> {
                    drained[0] = true;
                    t.s("drain", s.writableLength());
                    s.end();
                  });
              setTimeout(
                  50,
                  () -> {
                    t.s("drained before resume", drained[0], s.writableLength() > 0);
                    client.get().resume();
                  });
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = client.set(Net.connect(port, HOST));
          c.on(Socket.CONNECT, () -> c.pause());
          long[] n = {0};
          c.on(Socket.DATA, d -> n[0] += d.length());
          c.on(Socket.END, () -> t.c("received", n[0] == size));
          c.on(Socket.CLOSE, done);
        });
  }

  static void connectTimeoutOption(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    listen(
        server,
        port -> {
          Socket c = Net.connect(ConnectOptions.port(port).host(HOST).timeout(30));
          log.log("timeout", orUndefined(c.timeout()));
          watch(log::log, c, "timeout", "error", "close");
          c.on(Socket.TIMEOUT, () -> c.destroy());
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }
}
