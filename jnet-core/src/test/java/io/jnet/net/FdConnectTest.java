package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.loop.EventLoop;
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
 * {@code connect()} of a Socket adopted from a descriptor bound but not connected ({@code new
 * Socket({fd})}), against what Node 24 printed for the same steps ({@code
 * src/test/node/fd/fd-connect.js}): the adopted descriptor itself is connected (a TCP one keeps its
 * bound port; in a family race, by the first attempt, a later one on a new socket), and it is
 * closed with the socket, whether the connect succeeded or failed. Only epoll adopts descriptors
 * ({@code FdTest} checks the refusal elsewhere).
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
          "missing close true fd EBADF");

  @TempDir Path dir;

  @Test
  void connectsTheAdoptedDescriptorAsNode24() throws InterruptedException {
    assumeTrue("epoll".equals(EventLoop.defaultLoop().transport()), "only epoll adopts");
    assertEquals(NODE_24, LoopRun.run(this::steps));
  }

  /** A descriptor the test opened, and what {@code /proc/self/fd} names while it is open. */
  private record Raw(int fd, String target, int port) {
    static Raw of(io.netty.channel.unix.Socket s, int port) {
      return new Raw(s.intValue(), target(s.intValue()), port);
    }

    private static String target(int fd) {
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
      io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketStream();
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return Raw.of(s, s.localAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    s.on(
        Socket.ERROR,
        e -> log.add(name + " error " + e.code() + " " + e.getMessage().replace(d, "DIR")));
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
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] =
        () -> {
          if (i[0] < steps.size()) steps.get(i[0]++).accept(next[0]);
        };
    next[0].run();
  }
}
