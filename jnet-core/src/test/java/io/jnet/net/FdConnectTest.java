package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.loop.EventLoop;
import io.jnet.testing.Steps;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect()} of a Socket adopted from a descriptor ({@code new Socket({fd})}), against what
 * Node 24 printed for the same steps ({@code src/test/node/fd/fd-connect.js}). A bound descriptor
 * itself is connected (a TCP one keeps its bound port; in a family race, by the first attempt, a
 * later one on a new socket) and closed with the socket, whether the connect succeeded or failed.
 * The answers of libuv for the other cases: a Unix socket connected to an IP address connects the
 * path the address names ({@code ENOENT}); a TCP one connected to a path fails in {@code connect()}
 * ({@code EINVAL}, its local address named); a listening TCP one fails there too ({@code EISCONN}),
 * a listening or connected Unix one fails as a connect does; a connected TCP one "connects" and
 * keeps its peer; a descriptor adopted twice is refused ({@code open EEXIST}) and a file is refused
 * and left open. Node's script hands listening and connected descriptors to a child process; here
 * the test opens them through Netty's native socket calls. Only epoll adopts descriptors ({@code
 * FdTest} checks the refusal elsewhere).
 */
class FdConnectTest {
  private static final List<String> NODE_24 =
      List.of(
          "pipe made open false false",
          "pipe connectionAttempt ",
          "pipe connecting opening true true",
          "pipe connect ",
          "pipe ready ",
          "server data hi",
          "pipe data bye",
          "pipe end ",
          "pipe finish ",
          "pipe close false fd EBADF",
          "tcp connectionAttempt ",
          "tcp connect ",
          "tcp local port is the bound one true",
          "tcp ready ",
          "server data hi",
          "tcp data bye",
          "tcp end ",
          "tcp finish ",
          "tcp close false fd EBADF",
          "race connectionAttempt ",
          "race connect ",
          "race local port is the bound one true",
          "race ready ",
          "server data hi",
          "race data bye",
          "race end ",
          "race finish ",
          "race close false fd EBADF",
          "mixed connectionAttempt ",
          "mixed connectionAttemptFailed ::1 EAFNOSUPPORT",
          "mixed connectionAttempt ",
          "mixed connect ",
          "mixed local port is the bound one false",
          "mixed ready ",
          "server data hi",
          "mixed data bye",
          "mixed end ",
          "mixed finish ",
          "mixed close false fd EBADF",
          "missing connectionAttempt ",
          "missing connectionAttemptFailed DIR/missing ENOENT",
          "missing error ENOENT connect ENOENT DIR/missing",
          "missing close true fd EBADF",
          "pipe2tcp connecting opening true true",
          "pipe2tcp connectionAttempt ",
          "pipe2tcp connectionAttemptFailed 127.0.0.1 ENOENT",
          "pipe2tcp error ENOENT connect ENOENT 127.0.0.1:PORT",
          "pipe2tcp close true fd EBADF",
          "tcp2pipe connectionAttempt ",
          "tcp2pipe connecting closed false true",
          "tcp2pipe error EINVAL connect EINVAL DIR/server2 - Local (127.0.0.1:LPORT)",
          "tcp2pipe close true fd EBADF",
          "listening made open false false",
          "listening connecting opening true true",
          "listening connectionAttempt ",
          "listening error EISCONN connect EISCONN 127.0.0.1:PORT - Local (127.0.0.1:LPORT)",
          "listening close true fd EBADF",
          "plistening made open false false",
          "plistening connectionAttempt ",
          "plistening connecting opening true true",
          "plistening connectionAttemptFailed DIR/server3 EINVAL",
          "plistening error EINVAL connect EINVAL DIR/server3",
          "plistening close true fd EBADF",
          "connected made open false false",
          "connected connecting opening true true",
          "connected connectionAttempt ",
          "connected connect ",
          "connected peer kept true",
          "connected ready ",
          "connected data bye",
          "connected end ",
          "connected finish ",
          "connected close false fd EBADF",
          "pconnected made open false false",
          "pconnected connectionAttempt ",
          "pconnected connecting opening true true",
          "pconnected connectionAttemptFailed DIR/server4 EISCONN",
          "pconnected error EISCONN connect EISCONN DIR/server4",
          "pconnected close true fd EBADF",
          "piperace connectionAttempt ",
          "piperace connectionAttemptFailed 127.0.0.1 ENOENT",
          "piperace connectionAttempt ",
          "piperace connectionAttemptFailed 127.0.0.2 ECONNREFUSED",
          "piperace error ENOENT ",
          "piperace errors AggregateError connect ENOENT 127.0.0.1:PORT, connect ECONNREFUSED"
              + " 127.0.0.2:PORT",
          "piperace close true fd EBADF",
          "pipelocal error EINVAL bind EINVAL 0.0.0.0:1234",
          "pipelocal fields bind 0.0.0.0 1234",
          "pipelocal close true fd EBADF",
          "file threw ERR_INVALID_FD_TYPE Unsupported fd type: FILE fd open",
          "lrace made open false false",
          "lrace connecting opening true true",
          "lrace connectionAttempt ",
          "lrace connectionAttemptFailed 127.0.0.1 EISCONN",
          "lrace connectionAttempt ",
          "lrace connectionAttemptFailed 127.0.0.2 ECONNREFUSED",
          "lrace error EISCONN ",
          "lrace errors AggregateError connect EISCONN 127.0.0.1:PORT - Local (127.0.0.1:LPORT),"
              + " connect ECONNREFUSED 127.0.0.2:PORT",
          "lrace close true fd EBADF",
          "crace made open false false",
          "crace connecting opening true true",
          "crace connectionAttempt ",
          "crace connect ",
          "crace peer kept true",
          "crace ready ",
          "crace data bye",
          "crace end ",
          "crace finish ",
          "crace close false fd EBADF",
          "tcpidle error ENOTCONN read ENOTCONN",
          "tcpidle close true fd EBADF",
          "pipeidle error EINVAL read EINVAL",
          "pipeidle close true fd EBADF",
          "tcpwrite callback EPIPE",
          "tcpwrite error EPIPE write EPIPE",
          "tcpwrite close true fd EBADF",
          "pipewrite callback ENOTCONN",
          "pipewrite error ENOTCONN write ENOTCONN",
          "pipewrite close true fd EBADF",
          "tcpend finish ",
          "tcpend error ENOTCONN read ENOTCONN",
          "tcpend close true fd EBADF",
          "twice made open false false",
          "twice again threw EEXIST open EEXIST open open",
          "twice data bye",
          "twice end ",
          "twice finish ",
          "twice close false fd EBADF");

  @TempDir Path dir;

  @Test
  void connectsTheAdoptedDescriptorAsNode24() throws InterruptedException {
    assumeTrue("epoll".equals(EventLoop.defaultLoop().transport()), "only epoll adopts");
    int before = openSockets(dir);
    assertEquals(NODE_24, LoopRun.run(this::steps));
    assertEquals(before, openSockets(dir), "sockets left open");
  }

  @Test
  void otherTransportsRefuseAndLeaveTheDescriptorToTheCaller() throws IOException {
    assumeFalse("epoll".equals(EventLoop.defaultLoop().transport()), "epoll adopts");
    // Netty's native library opens the descriptor here as a service manager would.
    assumeTrue(io.netty.channel.epoll.Epoll.isAvailable(), "no native socket calls");
    Raw raw = boundPipe(dir.resolve("client").toString());
    JnetException made =
        assertThrows(JnetException.class, () -> new Socket(SocketOptions.defaults().fd(raw.fd())));
    assertEquals("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", made.code());
    JnetException connect =
        assertThrows(
            JnetException.class,
            () -> Net.connect(ConnectOptions.path(dir.resolve("server").toString()).fd(raw.fd())));
    assertEquals("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", connect.code());
    assertEquals("open", raw.state(), "the refused descriptor stays the caller's");
    new io.netty.channel.unix.FileDescriptor(raw.fd()).close();
  }

  /**
   * The sockets this process holds that a test of {@code dir} may leave open: TCP ones, and Unix
   * ones named under {@code dir} (a server's, and the connections it accepted). Unnamed Unix
   * sockets are left out: the JVM's own come and go (a name lookup's), and a test checks its own
   * descriptors one by one.
   */
  static int openSockets(Path dir) {
    try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      java.util.Set<String> ours = new java.util.HashSet<>();
      for (String table : List.of("tcp", "tcp6")) {
        Files.readAllLines(Path.of("/proc/self/net/" + table)).stream()
            .skip(1)
            .map(l -> l.trim().split("\\s+"))
            .filter(f -> f.length > 9)
            .forEach(f -> ours.add(f[9]));
      }
      Files.readAllLines(Path.of("/proc/self/net/unix")).stream()
          .skip(1)
          .map(l -> l.trim().split("\\s+"))
          .filter(f -> f.length > 7 && f[7].startsWith(dir.toString()))
          .forEach(f -> ours.add(f[6]));
      return (int)
          fds.map(f -> Raw.target(Integer.parseInt(f.getFileName().toString())))
              .filter(t -> t != null && t.startsWith("socket:["))
              .filter(t -> ours.contains(t.substring(8, t.length() - 1)))
              .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A descriptor the test opened, and what {@code /proc/self/fd} names while it is open. */
  private record Raw(int fd, String target, int port) {
    static Raw of(io.netty.channel.unix.Socket s, int port) {
      return new Raw(s.intValue(), target(s.intValue()), port);
    }

    static String target(int fd) {
      try {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      } catch (IOException e) {
        return null;
      }
    }

    /** Node's {@code fstat}: open while the number still names this socket. */
    String state() {
      return target.equals(target(fd)) ? "open" : "EBADF";
    }
  }

  private static Raw boundPipe(String path) {
    try {
      io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketDomain();
      s.bind(new DomainSocketAddress(path));
      return Raw.of(s, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Raw boundTcp() {
    try {
      io.netty.channel.unix.Socket s = io.netty.channel.epoll.LinuxSocket.newSocketStream(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return Raw.of(s, s.localAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A listening socket, as a service manager hands it over. */
  private static Raw listening(java.net.SocketAddress at) {
    try {
      io.netty.channel.unix.Socket s =
          at instanceof DomainSocketAddress
              ? io.netty.channel.unix.Socket.newSocketDomain()
              : io.netty.channel.epoll.LinuxSocket.newSocketStream(false);
      s.bind(at);
      s.listen(8);
      return Raw.of(s, at instanceof DomainSocketAddress ? -1 : s.localAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Listens {@code server}, then {@code other} (where a re-connect goes), then opens into {@code
   * raw[0]} a raw socket connecting to {@code server}.
   */
  private void listenThenConnectRaw(Server server, Server other, Raw[] raw) {
    server.listen(
        0,
        "127.0.0.1",
        () ->
            other.listen(
                0,
                "127.0.0.1",
                () -> {
                  serverPort = other.address().port();
                  localPort = -1;
                  raw[0] = connecting(new InetSocketAddress("127.0.0.1", server.address().port()));
                }));
  }

  /**
   * A socket connecting to {@code at}; it is connected once the server's {@code 'connection'} comes
   * (the server accepts what completed the handshake).
   */
  private static Raw connecting(java.net.SocketAddress at) {
    try {
      io.netty.channel.unix.Socket s =
          at instanceof DomainSocketAddress
              ? io.netty.channel.unix.Socket.newSocketDomain()
              : io.netty.channel.epoll.LinuxSocket.newSocketStream(false);
      s.connect(at);
      return Raw.of(s, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's port and the adopted socket's own, as Node's script prints them. */
  private int serverPort = -1;

  private int localPort = -1;

  private String clean(String text) {
    String t = text.replace(dir.toString(), "DIR");
    if (serverPort > 0) t = t.replaceAll(":" + serverPort + "\\b", ":PORT");
    if (localPort > 0) t = t.replaceAll(":" + localPort + "\\b", ":LPORT");
    return t;
  }

  private static Server byeServer() {
    return Net.createServer(c -> c.on(Socket.ERROR, e -> {}).end("bye"));
  }

  private static String state(Socket s) {
    return s.readyState() + " " + s.connecting() + " " + s.pending();
  }

  private void watch(List<String> log, String name, Socket s, Raw raw, Runnable next) {
    String d = dir.toString();
    s.on(Socket.CONNECTION_ATTEMPT, a -> log.add(name + " connectionAttempt "));
    s.on(
        Socket.CONNECTION_ATTEMPT_FAILED,
        a ->
            log.add(
                name
                    + " connectionAttemptFailed "
                    + a.ip().replace(d, "DIR")
                    + " "
                    + a.error().code()));
    s.on(Socket.CONNECT, () -> log.add(name + " connect "));
    s.on(Socket.READY, () -> log.add(name + " ready "));
    s.on(Socket.DATA, b -> log.add(name + " data " + b));
    s.on(Socket.END, () -> log.add(name + " end "));
    s.on(Socket.FINISH, () -> log.add(name + " finish "));
    s.on(Socket.ERROR, e -> log.add(name + " error " + e.code() + " " + clean(e.getMessage())));
    s.on(
        Socket.CLOSE,
        h -> {
          log.add(name + " close " + h + " fd " + raw.state());
          next.run();
        });
  }

  private static Server echoBye(List<String> log) {
    return Net.createServer(
        c ->
            c.on(
                Socket.DATA,
                b -> {
                  log.add("server data " + b);
                  c.end("bye");
                }));
  }

  /** Connects {@code s} to the server's port through a race of two IPv4 addresses. */
  private void race(List<String> log, String name, Socket s) {
    s.on(
        Socket.ERROR,
        e -> {
          List<String> each = new ArrayList<>();
          for (Throwable x : e.getSuppressed()) each.add(clean(x.getMessage()));
          log.add(name + " errors " + e.name() + " " + String.join(", ", each));
        });
    Lookup lookup = // answers later, as a resolver does (and as fd-connect.js's)
        (host, family, done) ->
            EventLoop.current().nextTick(() -> done.done(null, List.of("127.0.0.1", "127.0.0.2")));
    s.connect(
        ConnectOptions.port(serverPort).host("race.test").autoSelectFamily(true).lookup(lookup),
        () -> {
          log.add(name + " peer kept " + !java.util.Objects.equals(s.remotePort(), serverPort));
          s.write("hi");
        });
  }

  /** The server of a step whose listener refers to it before it is made. */
  private Server connectedServer;

  private Server server() {
    return connectedServer;
  }

  private void steps(List<String> log) {
    List<Consumer<Runnable>> steps = new ArrayList<>();
    steps.add(
        next -> { // a bound Unix socket connects to a path
          Server server = echoBye(log);
          String serverPath = dir.resolve("server").toString();
          server.listen(
              serverPath,
              () -> {
                Raw raw = boundPipe(dir.resolve("client").toString());
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                log.add("pipe made " + s.readyState() + " " + s.connecting() + " " + s.pending());
                watch(log, "pipe", s, raw, () -> server.close(e -> next.run()));
                s.connect(serverPath, () -> s.write("hi"));
                log.add(
                    "pipe connecting " + s.readyState() + " " + s.connecting() + " " + s.pending());
              });
        });
    steps.add(
        next -> { // a bound TCP socket connects to an address: its bound port is the local port
          Server server = echoBye(log);
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Raw raw = boundTcp();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "tcp", s, raw, () -> server.close(e -> next.run()));
                s.connect(
                    server.address().port(),
                    "127.0.0.1",
                    () -> {
                      log.add(
                          "tcp local port is the bound one "
                              + (s.localPort() != null && s.localPort() == raw.port()));
                      s.write("hi");
                    });
              });
        });
    steps.add(
        next -> { // a lookup of two addresses of one family: the adopted descriptor connects
          Server server = echoBye(log);
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Raw raw = boundTcp();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "race", s, raw, () -> server.close(e -> next.run()));
                Lookup lookup =
                    (host, family, done) -> done.done(null, List.of("127.0.0.1", "127.0.0.2"));
                s.connect(
                    ConnectOptions.port(server.address().port())
                        .host("race.test")
                        .autoSelectFamily(true)
                        .lookup(lookup),
                    () -> {
                      log.add(
                          "race local port is the bound one "
                              + (s.localPort() != null && s.localPort() == raw.port()));
                      s.write("hi");
                    });
              });
        });
    steps.add(
        next -> { // the first attempt of a race fails on the adopted descriptor: a new socket wins
          Server server = echoBye(log);
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Raw raw = boundTcp();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "mixed", s, raw, () -> server.close(e -> next.run()));
                Lookup lookup =
                    (host, family, done) -> done.done(null, List.of("::1", "127.0.0.1"));
                s.connect(
                    ConnectOptions.port(server.address().port())
                        .host("mixed.test")
                        .autoSelectFamily(true)
                        .lookup(lookup),
                    () -> {
                      log.add(
                          "mixed local port is the bound one "
                              + (s.localPort() != null && s.localPort() == raw.port()));
                      s.write("hi");
                    });
              });
        });
    steps.add(
        next -> { // a connect that fails closes the descriptor with the socket
          Raw raw = boundPipe(dir.resolve("client2").toString());
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "missing", s, raw, next);
          s.connect(dir.resolve("missing").toString());
        });
    steps.add(
        next -> { // a Unix socket connected to an address connects the path the address names
          Server server = byeServer();
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                serverPort = server.address().port();
                Raw raw = boundPipe(dir.resolve("client3").toString());
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "pipe2tcp", s, raw, () -> server.close(e -> next.run()));
                s.connect(serverPort, "127.0.0.1");
                log.add("pipe2tcp connecting " + state(s));
              });
        });
    steps.add(
        next -> { // a TCP socket connected to a path fails in connect() itself
          Server server = byeServer();
          String serverPath = dir.resolve("server2").toString();
          server.listen(
              serverPath,
              () -> {
                Raw raw = boundTcp();
                serverPort = -1;
                localPort = raw.port();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "tcp2pipe", s, raw, () -> server.close(e -> next.run()));
                s.connect(serverPath);
                log.add("tcp2pipe connecting " + state(s));
              });
        });
    steps.add(
        next -> { // a listening TCP socket
          Server server = byeServer();
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Raw raw = listening(new InetSocketAddress("127.0.0.1", 0));
                serverPort = server.address().port();
                localPort = raw.port();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                log.add("listening made " + state(s));
                watch(log, "listening", s, raw, () -> server.close(e -> next.run()));
                s.connect(serverPort, "127.0.0.1");
                log.add("listening connecting " + state(s));
              });
        });
    steps.add(
        next -> { // a listening Unix socket
          Server server = byeServer();
          String serverPath = dir.resolve("server3").toString();
          server.listen(
              serverPath,
              () -> {
                Raw raw = listening(new DomainSocketAddress(dir.resolve("listening").toString()));
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                log.add("plistening made " + state(s));
                watch(log, "plistening", s, raw, () -> server.close(e -> next.run()));
                s.connect(serverPath);
                log.add("plistening connecting " + state(s));
              });
        });
    steps.add(
        next -> { // a connected TCP socket connected again: it stays connected to its peer
          Server other = byeServer();
          Raw[] raw = new Raw[1];
          Server server =
              Net.createServer(
                  c -> {
                    c.on(Socket.ERROR, e -> {}).end("bye");
                    Socket s = new Socket(SocketOptions.defaults().fd(raw[0].fd()));
                    log.add("connected made " + state(s));
                    watch(
                        log,
                        "connected",
                        s,
                        raw[0],
                        () -> other.close(e -> server().close(e2 -> next.run())));
                    s.connect(
                        serverPort,
                        "127.0.0.1",
                        () ->
                            log.add(
                                "connected peer kept "
                                    + !java.util.Objects.equals(s.remotePort(), serverPort)));
                    log.add("connected connecting " + state(s));
                  });
          connectedServer = server;
          listenThenConnectRaw(server, other, raw);
        });
    steps.add(
        next -> { // a connected Unix socket
          String serverPath = dir.resolve("server4").toString();
          Raw[] raw = new Raw[1];
          Server server =
              Net.createServer(
                  c -> {
                    c.on(Socket.ERROR, e -> {}).end("bye");
                    Socket s = new Socket(SocketOptions.defaults().fd(raw[0].fd()));
                    log.add("pconnected made " + state(s));
                    watch(log, "pconnected", s, raw[0], () -> server().close(e -> next.run()));
                    s.connect(serverPath);
                    log.add("pconnected connecting " + state(s));
                  });
          connectedServer = server;
          server.listen(serverPath, () -> raw[0] = connecting(new DomainSocketAddress(serverPath)));
        });
    steps.add(
        next -> { // a race: the adopted Unix socket's attempt connects a path, the next a new
          // socket
          Server server = byeServer();
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                serverPort = server.address().port();
                localPort = -1;
                Raw raw = boundPipe(dir.resolve("client4").toString());
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                watch(log, "piperace", s, raw, () -> server.close(e -> next.run()));
                s.on(
                    Socket.ERROR,
                    e -> {
                      List<String> each = new ArrayList<>();
                      for (Throwable x : e.getSuppressed()) each.add(clean(x.getMessage()));
                      log.add("piperace errors " + e.name() + " " + String.join(", ", each));
                    });
                Lookup lookup =
                    (host, family, done) -> done.done(null, List.of("127.0.0.1", "127.0.0.2"));
                s.connect(
                    ConnectOptions.port(serverPort)
                        .host("race.test")
                        .autoSelectFamily(true)
                        .lookup(lookup));
              });
        });
    steps.add(
        next -> { // a local port for an adopted Unix socket is bound as a path: a bound one refuses
          Raw raw = boundPipe(dir.resolve("client5").toString());
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "pipelocal", s, raw, next);
          s.on(
              Socket.ERROR,
              e -> log.add("pipelocal fields " + e.syscall() + " " + e.address() + " " + e.port()));
          s.connect(ConnectOptions.port(80).host("127.0.0.1").localPort(1234));
        });
    steps.add(
        next -> { // a file is refused by the constructor, and stays open
          try {
            Path file = Files.createFile(dir.resolve("file"));
            io.netty.channel.unix.FileDescriptor opened =
                io.netty.channel.unix.FileDescriptor.from(file.toString());
            int fd = opened.intValue();
            String target = Raw.target(fd);
            try {
              new Socket(SocketOptions.defaults().fd(fd));
            } catch (io.jnet.error.JnetException e) {
              log.add(
                  "file threw "
                      + e.code()
                      + " "
                      + e.getMessage()
                      + " fd "
                      + (target.equals(Raw.target(fd)) ? "open" : "EBADF"));
            }
            opened.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          next.run();
        });
    steps.add(
        next -> { // a listening TCP socket in a race: its attempt fails at once, the next goes on
          Server server = byeServer();
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Raw raw = listening(new InetSocketAddress("127.0.0.1", 0));
                serverPort = server.address().port();
                localPort = raw.port();
                Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
                log.add("lrace made " + state(s));
                watch(log, "lrace", s, raw, () -> server.close(e -> next.run()));
                race(log, "lrace", s);
                log.add("lrace connecting " + state(s));
              });
        });
    steps.add(
        next -> { // a connected TCP socket in a race: it stays connected to its peer
          Server other = byeServer();
          Raw[] raw = new Raw[1];
          Server server =
              Net.createServer(
                  c -> {
                    c.on(Socket.ERROR, e -> {}).on(Socket.DATA, b -> c.end("bye"));
                    Socket s = new Socket(SocketOptions.defaults().fd(raw[0].fd()));
                    log.add("crace made " + state(s));
                    watch(
                        log,
                        "crace",
                        s,
                        raw[0],
                        () -> other.close(e -> server().close(e2 -> next.run())));
                    race(log, "crace", s);
                    log.add("crace connecting " + state(s));
                  });
          connectedServer = server;
          listenThenConnectRaw(server, other, raw);
        });
    steps.add(
        next -> { // a bound TCP socket never connected: its first read fails
          Raw raw = boundTcp();
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "tcpidle", s, raw, next);
        });
    steps.add(
        next -> { // a bound Unix socket never connected: its first read fails
          Raw raw = boundPipe(dir.resolve("client6").toString());
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "pipeidle", s, raw, next);
        });
    steps.add(
        next -> { // a write to a bound TCP socket never connected
          Raw raw = boundTcp();
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "tcpwrite", s, raw, next);
          s.write(
              io.jnet.buffer.Buffer.from("x"),
              e -> log.add("tcpwrite callback " + (e == null ? null : e.code())));
        });
    steps.add(
        next -> { // a write to a bound Unix socket never connected
          Raw raw = boundPipe(dir.resolve("client7").toString());
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "pipewrite", s, raw, next);
          s.write(
              io.jnet.buffer.Buffer.from("x"),
              e -> log.add("pipewrite callback " + (e == null ? null : e.code())));
        });
    steps.add(
        next -> { // end() of a bound TCP socket never connected
          Raw raw = boundTcp();
          Socket s = new Socket(SocketOptions.defaults().fd(raw.fd()));
          watch(log, "tcpend", s, raw, next);
          s.end();
        });
    steps.add(
        next -> { // a connected socket adopted twice
          Raw[] raw = new Raw[1];
          Server server =
              Net.createServer(
                  c -> {
                    c.on(Socket.ERROR, e -> {}).end("bye");
                    Socket s = new Socket(SocketOptions.defaults().fd(raw[0].fd()));
                    log.add("twice made " + state(s));
                    try {
                      new Socket(SocketOptions.defaults().fd(raw[0].fd()));
                    } catch (io.jnet.error.JnetException e) {
                      log.add(
                          "twice again threw "
                              + e.code()
                              + " "
                              + e.getMessage()
                              + " "
                              + e.syscall()
                              + " "
                              + raw[0].state());
                    }
                    watch(log, "twice", s, raw[0], () -> server().close(e -> next.run()));
                  });
          connectedServer = server;
          server.listen(
              0,
              "127.0.0.1",
              () ->
                  raw[0] = connecting(new InetSocketAddress("127.0.0.1", server.address().port())));
        });
    Steps.run(steps);
  }
}
