package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.keys;
import static io.jnet.net.trace.NetLib.listen;
import static io.jnet.net.trace.NetLib.orUndefined;
import static io.jnet.net.trace.NetLib.replacePort;
import static io.jnet.net.trace.NetLib.setTimeout;
import static io.jnet.net.trace.NetLib.sortedKeys;
import static io.jnet.net.trace.NetLib.syscall;
import static io.jnet.net.trace.NetLib.typeofPort;
import static io.jnet.net.trace.NetLib.until;
import static io.jnet.net.trace.NetLib.watch;
import static io.jnet.net.trace.TwoSided.after;

import io.jnet.error.JnetException;
import io.jnet.net.AddressInfo;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/** The twins of net.js's server scenarios: listen, close, connections, limits and ref/unref. */
final class NetServers {
  private NetServers() {}

  static void register(Scenarios s) {
    s.add("serverAddressShape", NetServers::serverAddressShape);
    s.add("maxConnectionsDrop", NetServers::maxConnectionsDrop);
    s.add("closeWithOpenConnection", NetServers::closeWithOpenConnection);
    s.add("closeNotRunning", NetServers::closeNotRunning);
    s.add("closeTwice", NetServers::closeTwice);
    s.add("getConnections", NetServers::getConnections);
    s.add("relisten", NetServers::relisten);
    s.add("listenTwice", NetServers::listenTwice);
    s.add("addressInUse", NetServers::addressInUse);
    s.add("listeningOrder", NetServers::listeningOrder);
    s.add("connectionListeners", NetServers::connectionListeners);
    s.add("listenForms", NetServers::listenForms);
    s.add("unrefServerExits", NetServers::unrefServerExits);
    s.add("refAgain", NetServers::refAgain);
    s.add("unrefSocketExits", NetServers::unrefSocketExits);
  }

  static void serverAddressShape(Trace log) {
    Server server = Net.createServer();
    log.log("before", server.address(), server.listening());
    server.listen(
        0,
        HOST,
        () -> {
          AddressInfo a = server.address();
          log.log(
              "listening",
              keys(a),
              a.address(),
              a.family(),
              typeofPort(a.port()),
              a.port() > 0,
              server.listening());
          server.close(e -> log.log("closed", server.address(), server.listening()));
          log.log("close called", server.address(), server.listening());
        });
    log.log("listen called", server.address(), server.listening());
  }

  static void maxConnectionsDrop(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Socket> first = new Ref<>();
    Server server =
        Net.createServer(
            s -> {
              t.s("connection");
              first.set(s);
            });
    server.maxConnections(1);
    server.on(
        Server.DROP,
        d -> {
          t.s(
              "drop",
              sortedKeys(d),
              d.localAddress(),
              d.localFamily(),
              d.remoteAddress(),
              d.remoteFamily(),
              typeofPort(d.localPort()),
              typeofPort(d.remotePort()));
          server.getConnections((e, n) -> t.s("connections", e, n));
        });
    listen(
        server,
        port -> {
          Socket c1 = Net.connect(port, HOST);
          c1.on(
              Socket.CONNECT,
              () ->
                  until(
                      () -> first.orNull() != null,
                      () -> {
                        Socket c2 = Net.connect(port, HOST);
                        watch(t.c, c2, "connect", "data", "end", "error", "close");
                        c2.on(
                            Socket.CLOSE,
                            () -> {
                              first.get().end();
                              c1.on(Socket.END, () -> c1.end());
                              c1.on(Socket.CLOSE, () -> server.close(e -> t.flush()));
                            });
                      }));
        });
  }

  static void closeWithOpenConnection(Trace log) {
    Ref<Server> server = new Ref<>();
    server.set(
        Net.createServer(
            s -> {
              server.get().close(e -> log.log("close callback"));
              log.log("close called", server.get().listening());
              server
                  .get()
                  .getConnections(
                      (e, n) -> {
                        log.log("connections", e, n);
                        s.end();
                      });
              s.on(Socket.CLOSE, () -> log.log("server socket close"));
            }));
    server.get().on(Server.CLOSE, () -> log.log("server close event"));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          c.on(Socket.END, () -> c.end());
        });
  }

  static void closeNotRunning(Trace log) {
    Server server = Net.createServer();
    server.on(Server.CLOSE, () -> log.log("close event"));
    server.on(Server.ERROR, e -> log.log("error event", e));
    Server r =
        server.close(
            e ->
                log.log(
                    "close cb",
                    orUndefined(e),
                    e == null ? Trace.UNDEFINED : e.name(),
                    e == null ? Trace.UNDEFINED : e.getMessage()));
    log.log("returned self", r == server);
  }

  static void closeTwice(Trace log) {
    Server server = Net.createServer();
    server.on(Server.CLOSE, () -> log.log("close event"));
    listen(
        server,
        port -> {
          server.close(e -> log.log("first cb", orUndefined(e)));
          server.close(e -> log.log("second cb", orUndefined(e)));
          log.log("both called");
        });
  }

  static void getConnections(Trace log) {
    Ref<Server> server = new Ref<>();
    server.set(
        Net.createServer(
            s -> {
              server
                  .get()
                  .getConnections(
                      (e, n) -> {
                        log.log("with one", e, n);
                        s.end();
                      });
              s.on(
                  Socket.CLOSE,
                  () ->
                      server
                          .get()
                          .getConnections(
                              (e, n) -> {
                                log.log("after close", e, n);
                                server.get().close();
                              }));
            }));
    server.get().getConnections((e, n) -> log.log("before listen", e, n));
    log.log("sync");
    listen(
        server.get(),
        port -> {
          server.get().getConnections((e, n) -> log.log("listening", e, n));
          Socket c = Net.connect(port, HOST);
          c.on(Socket.END, () -> c.end());
        });
  }

  static void relisten(Trace log) {
    Server server = Net.createServer();
    server.on(Server.LISTENING, () -> log.log("listening event", server.listening()));
    server.on(Server.CLOSE, () -> log.log("close event", server.listening()));
    server.listen(
        0,
        HOST,
        () ->
            server.close(
                e ->
                    server.listen(
                        0,
                        HOST,
                        () -> {
                          log.log("second listen", server.address().address());
                          server.close();
                        })));
  }

  static void listenTwice(Trace log) {
    Server server = Net.createServer();
    server.on(Server.ERROR, e -> log.log("error event", e));
    listen(
        server,
        port -> {
          try {
            server.listen(0, HOST);
            log.log("no throw");
          } catch (JnetException e) {
            log.log("threw", e.code(), e.name(), e.getMessage());
          }
          server.close();
        });
  }

  static void addressInUse(Trace log) {
    Server a = Net.createServer();
    listen(
        a,
        port -> {
          Server b = Net.createServer();
          b.on(Server.LISTENING, () -> log.log("listening", b.address().address()));
          b.on(
              Server.ERROR,
              e -> {
                log.log(
                    "error",
                    e,
                    syscall(e),
                    e.address(),
                    typeofPort(e.port()),
                    replacePort(e.getMessage(), port),
                    b.listening());
                b.listen(
                    0,
                    HOST,
                    () -> {
                      log.log("listen cb", b.listening());
                      b.close(x -> a.close(y -> log.log("both closed")));
                    });
              });
          b.listen(port, HOST, () -> log.log("first listen cb (never)"));
        });
  }

  static void listeningOrder(Trace log) {
    Server server = Net.createServer();
    server.on(Server.LISTENING, () -> log.log("listener before listen"));
    server.listen(
        0,
        HOST,
        () -> {
          log.log("listen callback");
          server.close();
        });
    server.on(Server.LISTENING, () -> log.log("listener after listen"));
    log.log("listen returned", server.listening());
  }

  static void connectionListeners(Trace log) {
    Server server = Net.createServer(s -> log.log("createServer listener", s instanceof Socket));
    server.on(
        Server.CONNECTION,
        s -> {
          log.log("second listener", server.listenerCount(Server.CONNECTION));
          s.end();
          server.close();
        });
    listen(server, port -> Net.connect(port, HOST).resume());
  }

  static void listenForms(Trace log) {
    Server a = Net.createServer();
    a.listen(
        0,
        HOST,
        5,
        () -> {
          log.log("port host backlog", a.address().family());
          a.close(
              e -> {
                Server b = Net.createServer();
                b.listen(
                    ListenOptions.port(0).host(HOST).backlog(5),
                    () -> {
                      log.log("options", b.address().family(), b.address().address());
                      b.close(x -> log.log("closed"));
                    });
              });
        });
  }

  static void unrefServerExits(Trace log) {
    Server server = Net.createServer();
    log.log("unref returned self", server.unref() == server);
    server.listen(0, HOST, () -> log.log("listening", server.listening()));
  }

  static void refAgain(Trace log) {
    Server server = Net.createServer();
    server.unref();
    log.log("ref returned self", server.ref() == server);
    server.listen(
        0,
        HOST,
        () -> {
          log.log("listening");
          setTimeout(10, () -> server.close(e -> log.log("closed")));
        });
  }

  static void unrefSocketExits(Trace log) {
    TwoSided t = new TwoSided(log);
    Runnable done = after(2, t::flush);
    Server server =
        Net.createServer(
            s -> {
              t.s("connection");
              t.s("unref returned self", s.unref() == s);
              done.run();
            });
    listen(
        server,
        port -> {
          server.unref();
          Socket c = Net.connect(port, HOST);
          c.on(
              Socket.CONNECT,
              () -> {
                t.c("connect");
                t.c("unref returned self", c.unref() == c);
                done.run();
              });
        });
  }
}
