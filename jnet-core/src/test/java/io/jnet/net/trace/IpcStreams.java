package io.jnet.net.trace;

import static io.jnet.net.trace.Fresh.isAddress;
import static io.jnet.net.trace.NetLib.error;
import static io.jnet.net.trace.NetLib.json;
import static io.jnet.net.trace.NetLib.orUndefined;
import static io.jnet.net.trace.NetLib.port;
import static io.jnet.net.trace.NetLib.watch;
import static io.jnet.net.trace.TwoSided.after;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;
import java.util.function.Consumer;

/**
 * The twins of ipc.js's connection scenarios over a socket file: echo, half-close, addresses,
 * counters, destroys, timeouts and the option forms; and its shared {@code echo} helper.
 */
final class IpcStreams {
  private IpcStreams() {}

  static void register(Scenarios s) {
    s.add("echoEnd", IpcStreams::echoEnd);
    s.add("halfClose", IpcStreams::halfClose);
    s.add("addresses", IpcStreams::addresses);
    s.add("bytesCounts", IpcStreams::bytesCounts);
    s.add("serverDestroys", IpcStreams::serverDestroys);
    s.add("clientDestroysWithError", IpcStreams::clientDestroysWithError);
    s.add("timeout", IpcStreams::timeout);
    s.add("resetAndDestroyOnPipe", IpcStreams::resetAndDestroyOnPipe);
    s.add("optionForms", IpcStreams::optionForms);
  }

  /**
   * {@code echo(log, address, d, extra)}: a server on address that echoes and ends when the client
   * ends; the client writes {@code ping} and ends after the echo; both sides watched; d removed at
   * the end. {@code extra} is called with {@code "listening"} and {@code "after close"}.
   */
  static void echo(Trace log, String address, Fresh d, Consumer<String> extra) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done =
        after(
            2,
            () ->
                server
                    .get()
                    .close(
                        e -> {
                          t.flush();
                          extra.accept("after close");
                          d.remove();
                        }));
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.DATA, x -> s.write(x));
              s.on(Socket.CLOSE, done);
            }));
    server
        .get()
        .listen(
            address,
            () -> {
              log.log("listening", isAddress(server.get(), address));
              extra.accept("listening");
              Socket c = Net.connect(address);
              watch(t.c, c);
              c.on(Socket.CONNECT, () -> c.write("ping"));
              c.on(Socket.DATA, x -> c.end());
              c.on(Socket.CLOSE, done);
            });
  }

  static void echoEnd(Trace log) {
    Fresh d = Fresh.create();
    echo(log, d.file(), d, when -> {});
  }

  /** The usual ending of a two-sided ipc scenario: close the server, flush, remove the dir. */
  private static Runnable closeFlushRemove(TwoSided t, Ref<Server> server, Fresh d) {
    return after(
        2,
        () ->
            server
                .get()
                .close(
                    e -> {
                      t.flush();
                      d.remove();
                    }));
  }

  static void halfClose(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = closeFlushRemove(t, server, d);
    server.set(
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            s -> {
              watch(t.s, s);
              s.on(
                  Socket.END,
                  () -> {
                    t.s("writable", s.writable(), s.readyState());
                    s.end("late");
                  });
              s.on(Socket.CLOSE, done);
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              watch(t.c, c);
              c.on(Socket.CONNECT, () -> c.end("x"));
              c.on(Socket.CLOSE, done);
            });
  }

  private static Object[] fields(Socket s) {
    return new Object[] {
      orUndefined(s.remoteAddress()),
      port(s.remotePort()),
      orUndefined(s.remoteFamily()),
      orUndefined(s.localAddress()),
      port(s.localPort()),
      json(s.address())
    };
  }

  static void addresses(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = closeFlushRemove(t, server, d);
    server.set(
        Net.createServer(
            s -> {
              t.s("connection", fields(s));
              s.end();
              s.on(Socket.CLOSE, done);
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              c.on(Socket.CONNECT, () -> t.c("connect", fields(c)));
              c.on(Socket.END, () -> c.end());
              c.on(Socket.CLOSE, done);
            });
  }

  static void bytesCounts(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = closeFlushRemove(t, server, d);
    server.set(
        Net.createServer(
            s -> {
              s.resume();
              s.on(
                  Socket.END,
                  () -> {
                    t.s("at end", s.bytesRead(), s.bytesWritten());
                    s.end("€€");
                  });
              s.on(
                  Socket.CLOSE,
                  () -> {
                    t.s("at close", s.bytesRead(), s.bytesWritten());
                    done.run();
                  });
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              c.resume();
              c.write("héllo");
              t.c("queued", c.bytesWritten());
              c.end(Buffer.alloc(1000));
              c.on(
                  Socket.CLOSE,
                  () -> {
                    t.c("at close", c.bytesRead(), c.bytesWritten());
                    done.run();
                  });
            });
  }

  static void serverDestroys(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = closeFlushRemove(t, server, d);
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.destroy();
              s.on(Socket.CLOSE, done);
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              watch(t.c, c);
              c.on(Socket.CLOSE, done);
            });
  }

  static void clientDestroysWithError(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = closeFlushRemove(t, server, d);
    server.set(
        Net.createServer(
            s -> {
              watch(t.s, s);
              s.on(Socket.CLOSE, done);
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              watch(t.c, c);
              c.on(Socket.CONNECT, () -> c.destroy(error("boom")));
              c.on(Socket.CLOSE, done);
            });
  }

  static void timeout(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer(s -> s.on(Socket.END, () -> s.end()));
    server.listen(
        f,
        () -> {
          Socket c = Net.connect(f);
          watch(log::log, c, "connect", "timeout", "end", "close");
          c.on(
              Socket.CONNECT,
              () ->
                  c.setTimeout(
                      20,
                      () -> {
                        log.log("open", c.readyState(), c.destroyed());
                        c.end();
                      }));
          c.on(Socket.CLOSE, () -> server.close(e -> d.remove()));
        });
  }

  static void resetAndDestroyOnPipe(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer(s -> s.end());
    server.listen(
        f,
        () -> {
          Socket c = Net.connect(f);
          watch(log::log, c, "connect", "end", "error", "close");
          c.on(
              Socket.CONNECT,
              () -> {
                try {
                  c.resetAndDestroy();
                  log.log("no throw");
                } catch (JnetException e) {
                  log.log("threw", e.code(), e.name(), e.getMessage(), c.destroyed());
                }
              });
          c.on(Socket.CLOSE, () -> server.close(e -> d.remove()));
        });
  }

  static void optionForms(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer(s -> s.end());
    server.listen(
        ListenOptions.path(f),
        () -> {
          log.log("listening", isAddress(server, f));
          Ref<Socket> client = new Ref<>();
          Socket c =
              client.set(
                  Net.connect(
                      ConnectOptions.path(f),
                      () ->
                          log.log("connect callback", orUndefined(client.get().remoteAddress()))));
          c.on(Socket.CONNECT, () -> log.log("connect listener"));
          c.on(Socket.END, () -> log.log("end"));
          c.resume();
          c.on(Socket.CLOSE, () -> server.close(e -> d.remove()));
        });
  }
}
