package io.jnet.net.trace;

import static io.jnet.net.trace.Fresh.exists;
import static io.jnet.net.trace.Fresh.isAddress;
import static io.jnet.net.trace.Fresh.isSocket;
import static io.jnet.net.trace.NetLib.syscall;
import static io.jnet.net.trace.NetLib.watch;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import io.jnet.testing.TraceSuite.Scenarios;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The twins of ipc.js's scenarios about the socket file itself: creation and removal, stale and
 * foreign files, permissions, abstract names, path lengths and the listen forms.
 */
final class IpcPaths {
  private IpcPaths() {}

  static void register(Scenarios s) {
    s.add("closeRemovesFile", IpcPaths::closeRemovesFile);
    s.add(
        "closeWithOpenConnectionRemovesFileAtOnce",
        IpcPaths::closeWithOpenConnectionRemovesFileAtOnce);
    s.add("liveServerAddressInUse", IpcPaths::liveServerAddressInUse);
    s.add("staleFileAddressInUse", IpcPaths::staleFileAddressInUse);
    s.add("staleFileConnectRefused", IpcPaths::staleFileConnectRefused);
    s.add("connectMissingPath", IpcPaths::connectMissingPath);
    s.add("connectRegularFile", IpcPaths::connectRegularFile);
    s.add("listenOnRegularFile", IpcPaths::listenOnRegularFile);
    if (Transport.current() != Transport.NIO) s.add("abstractSocket", IpcPaths::abstractSocket);
    s.add("readableAllWritableAll", IpcPaths::readableAllWritableAll);
    s.add("unwritableDirectory", IpcPaths::unwritableDirectory);
    s.add("path108Bytes", IpcPaths::path108Bytes);
    s.add("path109BytesEinval", IpcPaths::path109BytesEinval);
    s.add("path200BytesConnectEinval", IpcPaths::path200BytesConnectEinval);
    s.add("windowsPipePaths", IpcPaths::windowsPipePaths);
    s.add("relistenSamePath", IpcPaths::relistenSamePath);
    s.add("listenTwice", IpcPaths::listenTwice);
  }

  static void closeRemovesFile(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer();
    log.log("before listen", exists(f));
    server.listen(
        f,
        () -> {
          log.log("listening", exists(f), isSocket(f));
          server.close(
              e -> {
                log.log("closed", exists(f));
                d.remove();
              });
          log.log("close called", exists(f));
        });
  }

  static void closeWithOpenConnectionRemovesFileAtOnce(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Ref<Server> server = new Ref<>();
    server.set(
        Net.createServer(
            s -> {
              server
                  .get()
                  .close(
                      e -> {
                        log.log("server close", exists(f));
                        d.remove();
                      });
              log.log("close called", exists(f), server.get().listening());
              s.end();
              s.on(Socket.CLOSE, () -> log.log("server socket close"));
            }));
    server
        .get()
        .listen(
            f,
            () -> {
              Socket c = Net.connect(f);
              c.on(Socket.END, () -> c.end());
            });
  }

  static void liveServerAddressInUse(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server a = Net.createServer(s -> s.end("still here"));
    a.listen(
        f,
        () -> {
          Server b = Net.createServer();
          b.on(
              Server.ERROR,
              e -> {
                log.log(
                    "error",
                    e,
                    syscall(e),
                    f.equals(e.address()),
                    ("listen EADDRINUSE: address already in use " + f).equals(e.getMessage()));
                Socket c = Net.connect(f);
                c.setEncoding("utf8");
                c.on(Socket.TEXT, x -> log.log("data", x));
                c.on(
                    Socket.CLOSE,
                    () ->
                        a.close(
                            x -> {
                              log.log("closed", exists(f));
                              d.remove();
                            }));
              });
          b.listen(f, () -> log.log("listening (never)"));
        });
  }

  static void staleFileAddressInUse(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Fresh.staleSocket(f);
    log.log("stale", exists(f), isSocket(f));
    Server server = Net.createServer();
    server.once(
        Server.ERROR,
        e -> {
          log.log("error", e, syscall(e), server.listening());
          Fresh.unlink(f);
          server.listen(
              f,
              () -> {
                log.log("listening", server.listening());
                server.close(
                    x -> {
                      log.log("closed", exists(f));
                      d.remove();
                    });
              });
        });
    server.listen(f);
  }

  static void staleFileConnectRefused(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Fresh.staleSocket(f);
    Socket c = Net.connect(f);
    watch(log::log, c, "connect", "error", "close");
    c.on(
        Socket.ERROR,
        e ->
            log.log(
                "fields",
                f.equals(e.address()),
                ("connect ECONNREFUSED " + f).equals(e.getMessage())));
    c.on(Socket.CLOSE, () -> d.remove());
  }

  static void connectMissingPath(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Socket c = Net.connect(f);
    watch(log::log, c, "connect", "error", "close");
    c.on(
        Socket.ERROR,
        e ->
            log.log(
                "fields",
                e.errno() < 0,
                f.equals(e.address()),
                ("connect ENOENT " + f).equals(e.getMessage())));
    c.on(Socket.CLOSE, () -> d.remove());
  }

  static void connectRegularFile(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file("plain");
    Fresh.write(f, "x");
    Socket c = Net.connect(f);
    watch(log::log, c, "connect", "error", "close");
    c.on(Socket.CLOSE, () -> d.remove());
  }

  static void listenOnRegularFile(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file("plain");
    Fresh.write(f, "x");
    Server server = Net.createServer();
    server.on(
        Server.ERROR,
        e -> {
          log.log("error", e, syscall(e));
          log.log("file", Fresh.read(f));
          d.remove();
        });
    server.listen(f);
  }

  static void abstractSocket(Trace log) {
    Fresh d = Fresh.create();
    String name =
        "\0jnet-trace-" + ProcessHandle.current().pid() + "-" + d.dir.getFileName().toString();
    IpcStreams.echo(log, name, d, when -> log.log(when, "entries", d.entries()));
  }

  /** One listen of readableAllWritableAll: Node's options object as JSON, and the two flags. */
  private record Variant(String json, boolean readableAll, boolean writableAll) {}

  static void readableAllWritableAll(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    ArrayDeque<Variant> variants =
        new ArrayDeque<>(
            List.of(
                new Variant("{}", false, false),
                new Variant("{\"readableAll\":true}", true, false),
                new Variant("{\"writableAll\":true}", false, true),
                new Variant("{\"readableAll\":true,\"writableAll\":true}", true, true)));
    Runnable[] next = new Runnable[1];
    next[0] =
        () -> {
          Variant v = variants.poll();
          if (v == null) {
            d.remove();
            return;
          }
          Server server = Net.createServer();
          server.listen(
              ListenOptions.path(f).readableAll(v.readableAll()).writableAll(v.writableAll()),
              () -> {
                int mode = Fresh.mode(f);
                log.log(
                    v.json(),
                    "all read",
                    (mode & 0444) == 0444,
                    "all write",
                    (mode & 0222) == 0222,
                    "owner rw",
                    (mode & 0600) == 0600);
                server.close(e -> next[0].run());
              });
        };
    next[0].run();
  }

  static void unwritableDirectory(Trace log) {
    Fresh d = Fresh.create();
    String ro = d.file("ro");
    Fresh.mkdir(ro, "r-x------");
    String f = Paths.get(ro, "s.sock").toString();
    log.log("root", Fresh.uid() == 0);
    Server server = Net.createServer();
    server.on(
        Server.ERROR,
        e -> {
          log.log("error", e, syscall(e));
          d.remove();
        });
    server.listen(
        f,
        () -> {
          log.log("listening", exists(f));
          server.close(e -> d.remove());
        });
  }

  static void path108Bytes(Trace log) {
    Fresh d = Fresh.create();
    IpcStreams.echo(log, d.pathOfLength(108), d, when -> {});
  }

  static void path109BytesEinval(Trace log) {
    Fresh d = Fresh.create();
    String f = d.pathOfLength(109);
    Server server = Net.createServer();
    server.on(Server.LISTENING, () -> log.log("listening"));
    server.on(
        Server.ERROR,
        e -> {
          log.log("listen error", e, syscall(e), f.equals(e.address()), e.port());
          log.log("exists", exists(f), "entries", d.entries());
          Socket c = Net.connect(f);
          watch(log::log, c, "connect", "error", "close");
          c.on(Socket.CLOSE, () -> d.remove());
        });
    server.listen(f);
    log.log("listen returned", server.listening());
  }

  static void path200BytesConnectEinval(Trace log) {
    Fresh d = Fresh.create();
    String f = d.pathOfLength(200);
    Socket c = Net.connect(f);
    watch(log::log, c, "connect", "error", "close");
    c.on(Socket.ERROR, e -> log.log("fields", f.equals(e.address())));
    c.on(Socket.CLOSE, () -> d.remove());
  }

  /**
   * Node chdirs into the directory and listens on the relative names; the JVM cannot chdir, so the
   * twin resolves the same names against the directory (as NET-SCENARIOS.md says): on Unix they are
   * plain file names either way.
   */
  static void windowsPipePaths(Trace log) {
    Fresh d = Fresh.create();
    ArrayDeque<String> names =
        new ArrayDeque<>(List.of(d.file("\\\\?\\pipe\\jnet"), d.file("\\\\.\\pipe\\jnet")));
    Runnable[] next = new Runnable[1];
    next[0] =
        () -> {
          String name = names.poll();
          if (name == null) {
            d.remove();
            return;
          }
          Server server = Net.createServer(s -> s.end("w"));
          server.listen(
              name,
              () -> {
                log.log("listening", isAddress(server, name), exists(name), d.entries());
                Socket c = Net.connect(name);
                c.setEncoding("utf8");
                watch(log::log, c, "data", "end", "close");
                c.on(
                    Socket.CLOSE,
                    () ->
                        server.close(
                            e -> {
                              log.log("closed", d.entries());
                              next[0].run();
                            }));
              });
        };
    next[0].run();
  }

  static void relistenSamePath(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer();
    server.on(Server.LISTENING, () -> log.log("listening", exists(f)));
    server.listen(
        f,
        () ->
            server.close(
                e -> {
                  log.log("closed", exists(f));
                  server.listen(
                      f,
                      () ->
                          server.close(
                              x -> {
                                log.log("closed again", exists(f));
                                d.remove();
                              }));
                }));
  }

  static void listenTwice(Trace log) {
    Fresh d = Fresh.create();
    String f = d.file();
    Server server = Net.createServer();
    server.listen(
        f,
        () -> {
          try {
            server.listen(d.file("other.sock"));
            log.log("no throw");
          } catch (JnetException e) {
            log.log("threw", e.code(), e.name(), e.getMessage());
          }
          server.close(
              e -> {
                log.log("entries", d.entries());
                d.remove();
              });
        });
  }
}
