package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.error;
import static io.jnet.net.trace.NetLib.listen;
import static io.jnet.net.trace.NetLib.nextTick;
import static io.jnet.net.trace.NetLib.replacePort;
import static io.jnet.net.trace.NetLib.setImmediate;
import static io.jnet.net.trace.NetLib.spread;
import static io.jnet.net.trace.NetLib.state;
import static io.jnet.net.trace.NetLib.typeofPort;
import static io.jnet.net.trace.NetLib.watch;
import static io.jnet.net.trace.TwoSided.after;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/** The twins of net.js's scenarios about ending, half-closing, destroying and resetting. */
final class NetEndings {
  private NetEndings() {}

  static void register(Scenarios s) {
    s.add("endBothWays", NetEndings::endBothWays);
    s.add("serverEndsFirst", NetEndings::serverEndsFirst);
    s.add("halfOpenServerWritesAfterEnd", NetEndings::halfOpenServerWritesAfterEnd);
    s.add("noHalfOpenEndsForYou", NetEndings::noHalfOpenEndsForYou);
    s.add("halfOpenClientWritesAfterEnd", NetEndings::halfOpenClientWritesAfterEnd);
    s.add("refused", NetEndings::refused);
    s.add("destroyBeforeConnect", NetEndings::destroyBeforeConnect);
    s.add("destroyWithErrorBeforeConnect", NetEndings::destroyWithErrorBeforeConnect);
    s.add("destroyAfterConnect", NetEndings::destroyAfterConnect);
    s.add("destroyWithErrorAfterConnect", NetEndings::destroyWithErrorAfterConnect);
    s.add("destroyAfterEnd", NetEndings::destroyAfterEnd);
    s.add("resetAndDestroy", NetEndings::resetAndDestroy);
    s.add("resetAndDestroyWhileConnecting", NetEndings::resetAndDestroyWhileConnecting);
    s.add("resetAndDestroyNeverConnected", NetEndings::resetAndDestroyNeverConnected);
    s.add("destroySoon", NetEndings::destroySoon);
    s.add("serverDestroysWithError", NetEndings::serverDestroysWithError);
    s.add("endBeforeConnect", NetEndings::endBeforeConnect);
    s.add("endAndDestroyTwice", NetEndings::endAndDestroyTwice);
    s.add("peerResetsAfterData", NetEndings::peerResetsAfterData);
    s.add("serverIdleTimeoutDestroys", NetEndings::serverIdleTimeoutDestroys);
  }

  static void endBothWays(Trace log) {
    TwoSided t = new TwoSided(log);
    Runnable done = after(3, t::flush);
    Server server =
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.DATA, d -> s.write("pong"));
              s.on(Socket.CLOSE, done);
            });
    server.on(
        Server.CLOSE,
        () -> {
          t.s("server close");
          done.run();
        });
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CONNECT, () -> c.write("ping"));
          c.on(Socket.DATA, d -> c.end());
          c.on(
              Socket.CLOSE,
              () -> {
                server.close();
                done.run();
              });
        });
  }

  static void serverEndsFirst(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.end("bye");
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CLOSE, done);
        });
  }

  static void halfOpenServerWritesAfterEnd(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            s -> {
              watch(t.s, s);
              s.on(
                  Socket.END,
                  () -> {
                    t.s("writable", s.writable(), s.readyState());
                    s.write("late");
                    setImmediate(() -> s.end());
                  });
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CONNECT, () -> c.end());
          c.on(Socket.CLOSE, done);
        });
  }

  static void noHalfOpenEndsForYou(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s, "end", "finish", "close");
              s.on(
                  Socket.END,
                  () -> {
                    t.s("in end", s.writable(), s.writableEnded(), s.readyState());
                    nextTick(
                        () ->
                            t.s("tick after end", s.writable(), s.writableEnded(), s.readyState()));
                  });
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "connect", "end", "finish", "close");
          c.on(Socket.CONNECT, () -> c.end());
          c.on(Socket.CLOSE, done);
        });
  }

  static void halfOpenClientWritesAfterEnd(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.end();
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(ConnectOptions.port(port).host(HOST).allowHalfOpen(true));
          watch(t.c, c);
          c.on(
              Socket.END,
              () -> {
                t.c("writable", c.writable(), c.readyState());
                c.end("after");
              });
          c.on(Socket.CLOSE, done);
        });
  }

  static void refused(Trace log) {
    Server server = Net.createServer();
    listen(
        server,
        port ->
            server.close(
                x -> {
                  Socket c = Net.connect(port, HOST);
                  watch(log::log, c, "connect", "lookup", "error", "close");
                  c.on(
                      Socket.ERROR,
                      e -> {
                        log.log(
                            "fields",
                            e.errno() < 0,
                            e.address(),
                            typeofPort(e.port()),
                            replacePort(e.getMessage(), port));
                        log.log("state", state(c));
                      });
                }));
  }

  static void destroyBeforeConnect(Trace log) {
    Server server = Net.createServer();
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c);
          c.destroy();
          log.log("after destroy", state(c));
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void destroyWithErrorBeforeConnect(Trace log) {
    Server server = Net.createServer();
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c);
          c.destroy(error("boom"));
          log.log("after destroy", spread(state(c), c.errored()));
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server close")));
        });
  }

  static void destroyAfterConnect(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(
              Socket.CONNECT,
              () -> {
                c.destroy();
                t.c("after destroy", state(c));
              });
          c.on(Socket.CLOSE, done);
        });
  }

  static void destroyWithErrorAfterConnect(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CONNECT, () -> c.destroy(error("boom")));
          c.on(Socket.CLOSE, done);
        });
  }

  static void destroyAfterEnd(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            s -> {
              watch(t.s, s);
              s.on(Socket.END, () -> s.end());
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CONNECT, () -> c.end());
          c.on(
              Socket.FINISH,
              () -> {
                c.destroy();
                t.c("after destroy", state(c));
              });
          c.on(Socket.CLOSE, done);
        });
  }

  static void resetAndDestroy(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
              s.write("x");
            }));
    listen(
        server.get(),
        port -> {
          Socket client = Net.connect(port, HOST);
          watch(t.c, client);
          client.once(
              Socket.DATA,
              d -> {
                Socket r = client.resetAndDestroy();
                t.c("returned self", spread(r == client, state(client)));
              });
          client.on(Socket.CLOSE, done);
        });
  }

  static void resetAndDestroyWhileConnecting(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          Socket r = c.resetAndDestroy();
          t.c("returned self", spread(r == c, state(c)));
          c.on(Socket.CLOSE, done);
        });
  }

  static void resetAndDestroyNeverConnected(Trace log) {
    Socket c = new Socket();
    watch(log::log, c, "error", "close");
    log.log("returned self", spread(c.resetAndDestroy() == c, state(c)));
  }

  static void destroySoon(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            s -> {
              watch(t.s, s, "data", "end", "close");
              s.on(Socket.END, () -> s.end());
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "connect", "finish", "end", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                c.write("x");
                c.destroySoon();
                t.c("after destroySoon", spread(state(c), c.writableEnded()));
              });
          c.on(Socket.CLOSE, done);
        });
  }

  static void serverDestroysWithError(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.destroy(error("bad client"));
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          c.on(Socket.CLOSE, done);
        });
  }

  static void endBeforeConnect(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c);
          Socket r = c.end();
          t.c(
              "end returned self",
              spread(r == c, state(c), c.writableEnded(), c.writableFinished()));
          c.on(Socket.CLOSE, done);
        });
  }

  static void endAndDestroyTwice(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(log::log, c, "connect", "finish", "error", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                c.end(e -> log.log("end cb 1"));
                c.end(e -> log.log("end cb 2"));
              });
          c.on(
              Socket.FINISH,
              () -> {
                c.destroy();
                c.destroy();
                log.log("destroyed twice", state(c));
              });
          c.on(Socket.CLOSE, () -> server.close());
        });
  }

  static void peerResetsAfterData(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s, "error", "close");
              s.on(Socket.CLOSE, done);
              s.once(Socket.DATA, d -> s.resetAndDestroy());
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "connect", "end", "error", "close");
          c.write("x");
          c.on(Socket.CLOSE, done);
        });
  }

  static void serverIdleTimeoutDestroys(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              s.setTimeout(20);
              watch(t.s, s, "timeout", "end", "finish", "close");
              s.on(Socket.TIMEOUT, () -> s.destroy());
              s.on(Socket.CLOSE, done);
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          watch(t.c, c, "connect", "end", "finish", "close");
          c.on(Socket.CLOSE, done);
        });
  }
}
