package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.keys;
import static io.jnet.net.trace.NetLib.listen;
import static io.jnet.net.trace.NetLib.orUndefined;
import static io.jnet.net.trace.NetLib.port;
import static io.jnet.net.trace.NetLib.setTimeout;
import static io.jnet.net.trace.NetLib.spread;
import static io.jnet.net.trace.NetLib.state;
import static io.jnet.net.trace.NetLib.typeofPort;
import static io.jnet.net.trace.NetLib.watch;
import static io.jnet.net.trace.TwoSided.after;

import io.jnet.net.AddressInfo;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;

/**
 * The twins of net.js's client socket scenarios: lifecycle states, addresses, connect forms and
 * callbacks, lookups, socket options and reconnecting.
 */
final class NetSockets {
  private NetSockets() {}

  static void register(Scenarios s) {
    s.add("readyStateLifecycle", NetSockets::readyStateLifecycle);
    s.add("addresses", NetSockets::addresses);
    s.add("connectOrder", NetSockets::connectOrder);
    s.add("noDelayKeepAlive", NetSockets::noDelayKeepAlive);
    s.add("lookupLocalhost", NetSockets::lookupLocalhost);
    s.add("ipLiteralNoLookup", NetSockets::ipLiteralNoLookup);
    s.add("reconnectSameSocket", NetSockets::reconnectSameSocket);
  }

  static void readyStateLifecycle(Trace log) {
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true),
            s -> {
              s.resume();
              s.on(Socket.END, () -> setTimeout(20, () -> s.end()));
            });
    listen(
        server,
        port -> {
          Socket c = new Socket();
          log.log("new", state(c));
          c.connect(port, HOST);
          log.log("connect called", state(c));
          c.on(
              Socket.CONNECT,
              () -> {
                log.log("connect", state(c));
                c.end();
                log.log("end called", state(c));
              });
          c.on(Socket.FINISH, () -> log.log("finish", state(c)));
          c.on(Socket.END, () -> log.log("end", state(c)));
          c.on(
              Socket.CLOSE,
              () -> {
                log.log("close", state(c));
                server.close();
              });
        });
  }

  static void addresses(Trace log) {
    TwoSided t = new TwoSided(log);
    Ref<Server> server = new Ref<>();
    Runnable done = after(2, () -> server.get().close(e -> t.flush()));
    server.set(
        Net.createServer(
            s -> {
              t.s(
                  "local",
                  orUndefined(s.localAddress()),
                  orUndefined(s.localFamily()),
                  typeofPort(s.localPort()));
              t.s(
                  "remote",
                  orUndefined(s.remoteAddress()),
                  orUndefined(s.remoteFamily()),
                  typeofPort(s.remotePort()),
                  s.remotePort() > 0);
              s.end();
              s.on(
                  Socket.CLOSE,
                  () -> {
                    t.s(
                        "after close",
                        orUndefined(s.remoteAddress()),
                        orUndefined(s.localAddress()));
                    done.run();
                  });
              s.resume();
            }));
    listen(
        server.get(),
        port -> {
          Socket c = Net.connect(port, HOST);
          t.c(
              "before",
              orUndefined(c.localAddress()),
              orUndefined(c.remoteAddress()),
              orUndefined(c.remoteFamily()),
              port(c.remotePort()),
              port(c.localPort()));
          c.on(
              Socket.CONNECT,
              () -> {
                t.c(
                    "local",
                    orUndefined(c.localAddress()),
                    orUndefined(c.localFamily()),
                    typeofPort(c.localPort()));
                t.c(
                    "remote",
                    orUndefined(c.remoteAddress()),
                    orUndefined(c.remoteFamily()),
                    c.remotePort() == port);
                AddressInfo a = c.address();
                t.c("address()", keys(a), a.address(), a.family(), typeofPort(a.port()));
              });
          c.on(Socket.END, () -> c.end());
          c.on(Socket.CLOSE, done);
        });
  }

  static void connectOrder(Trace log) {
    Server server = Net.createServer(s -> s.end());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST, () -> log.log("connect callback"));
          c.on(Socket.CONNECT, () -> log.log("connect listener"));
          c.on(Socket.READY, () -> log.log("ready listener"));
          c.on(Socket.END, () -> log.log("end"));
          c.on(Socket.CLOSE, () -> server.close());
          log.log("connect returned");
        });
  }

  static void noDelayKeepAlive(Trace log) {
    Server server = Net.createServer(s -> s.end());
    listen(
        server,
        port -> {
          Socket c = Net.connect(port, HOST);
          // Node's setKeepAlive() is setKeepAlive(false, 0); jnet has no zero-argument overload.
          log.log(
              "before",
              c.setNoDelay() == c,
              c.setNoDelay(false) == c,
              c.setKeepAlive(true, 1000) == c,
              c.setKeepAlive(false) == c);
          c.on(
              Socket.CONNECT,
              () ->
                  log.log(
                      "after",
                      c.setNoDelay(true) == c,
                      c.setKeepAlive(true) == c,
                      c.setKeepAlive(false, 0) == c));
          c.on(Socket.END, () -> log.log("end"));
          c.on(Socket.CLOSE, () -> server.close());
        });
  }

  static void lookupLocalhost(Trace log) {
    Server server = Net.createServer(s -> s.end());
    listen(
        server,
        port -> {
          Socket c = Net.connect(ConnectOptions.port(port).host("localhost"));
          watch(log::log, c, "lookup", "connect", "ready", "end", "close");
          c.on(
              Socket.CONNECT,
              () ->
                  log.log("remote", orUndefined(c.remoteAddress()), orUndefined(c.remoteFamily())));
          c.on(Socket.CLOSE, () -> server.close());
        });
  }

  static void ipLiteralNoLookup(Trace log) {
    Server server = Net.createServer(s -> s.end());
    listen(
        server,
        port -> {
          Socket c = Net.connect(ConnectOptions.port(port).host(HOST));
          watch(log::log, c, "lookup", "connect", "ready", "end", "close");
          c.on(Socket.CLOSE, () -> server.close());
        });
  }

  static void reconnectSameSocket(Trace log) {
    int[] count = {0};
    Server server = Net.createServer(s -> s.end(String.valueOf(++count[0])));
    listen(
        server,
        port -> {
          Socket c = new Socket();
          c.setEncoding("utf8");
          c.on(Socket.TEXT, d -> log.log("data", d));
          c.on(Socket.CONNECT, () -> log.log("connect", state(c)));
          c.once(
              Socket.CLOSE,
              h -> {
                log.log("close", spread(orUndefined(h), state(c)));
                c.connect(port, HOST);
                c.once(
                    Socket.CLOSE,
                    h2 -> {
                      log.log("close again", orUndefined(h2), c.bytesRead());
                      server.close();
                    });
              });
          c.connect(port, HOST);
        });
  }
}
