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
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen({fd})} and {@code new Socket({fd})}, against what Node 24 printed for the same
 * steps ({@code src/test/node/fd/fd.js}). Node's script hands the descriptors to a child process;
 * here the test opens them itself through Netty's native socket calls, as a service manager would.
 * Only epoll adopts descriptors: on the other transports both calls throw.
 */
class FdTest {
  private static final List<String> NODE_24 =
      List.of(
          "bad listen error EINVAL listen EINVAL: invalid argument false",
          "bad socket threw ERR_INVALID_FD_TYPE Unsupported fd type: UNKNOWN",
          "negative socket threw ERR_OUT_OF_RANGE The value of \"fd\" is out of range. It must be"
              + " >= 0 && <= 2147483647. Received -1",
          "negative listen threw ERR_INVALID_ARG_VALUE The argument 'options' must have the property"
              + " \"port\" or \"path\". Received { fd: -1 }",
          "listen listening true true",
          "listen connection",
          "client data hi",
          "socket made open false false",
          "server data from fd",
          "socket data to fd",
          "socket end",
          "socket close false");

  /** A descriptor no process has open: above any RLIMIT_NOFILE a test runs with. */
  private static final int NOT_OPEN = 999_999;

  @TempDir Path dir;

  private static boolean epoll() {
    return "epoll".equals(EventLoop.defaultLoop().transport());
  }

  @Test
  void adoptsDescriptorsAsNode24() throws InterruptedException {
    assumeTrue(epoll(), "only epoll adopts descriptors");
    String path = dir.resolve("fd.sock").toString();
    assertEquals(NODE_24, LoopRun.run(log -> steps(log, path)));
  }

  /**
   * Node 24 ({@code src/test/node/fd/fd-listen-kinds.js}): a stream socket not listening yet is
   * made to listen (an unbound TCP one on a port the kernel picks), a failed {@code listen(2)}
   * closes the descriptor, and one that is no stream socket is left open.
   */
  @Test
  void listenOnDescriptorsOfEveryKind() throws Exception {
    assumeTrue(epoll(), "only epoll adopts descriptors");
    int unboundTcp = Ipv4Socket.open();
    int boundTcp = Ipv4Socket.open();
    new io.netty.channel.unix.Socket(boundTcp).bind(new InetSocketAddress("127.0.0.1", 0));
    int unboundUnix = io.netty.channel.unix.Socket.newSocketDomain().intValue();
    int udp = io.netty.channel.unix.Socket.newSocketDgram().intValue();
    io.netty.channel.unix.FileDescriptor file =
        io.netty.channel.unix.FileDescriptor.from(dir.resolve("f").toFile());
    List<Consumer<Runnable>> steps = new ArrayList<>();
    List<String> got =
        LoopRun.run(
            log -> {
              steps.add(next -> listen(log, "unbound tcp", unboundTcp, next));
              steps.add(next -> listen(log, "bound tcp", boundTcp, next));
              steps.add(next -> listen(log, "unbound unix", unboundUnix, next));
              steps.add(next -> listen(log, "udp", udp, next));
              steps.add(next -> listen(log, "file", file.intValue(), next));
              Steps.run(steps);
            });
    new io.netty.channel.unix.Socket(udp).close();
    file.close();
    assertEquals(
        List.of(
            "unbound tcp listening 0.0.0.0 true",
            "unbound tcp closed open false",
            "bound tcp listening 127.0.0.1 true",
            "bound tcp closed open false",
            "unbound unix error EINVAL listen EINVAL: invalid argument open false",
            "udp error EINVAL listen EINVAL: invalid argument open true",
            "file error EINVAL listen EINVAL: invalid argument open true"),
        got);
  }

  /** An unbound IPv4 stream socket, as another process would hand one over. */
  private static final class Ipv4Socket extends io.netty.channel.unix.Socket {
    private Ipv4Socket() {
      super(0);
    }

    static int open() {
      return newSocketStream0(false);
    }
  }

  private static boolean isOpen(int fd) {
    return java.nio.file.Files.exists(
        Path.of("/proc/self/fd/" + fd), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  private static void listen(List<String> log, String name, int fd, Runnable next) {
    Server s = Net.createServer();
    s.on(
        Server.ERROR,
        e -> {
          log.add(name + " error " + e.code() + " " + e.getMessage() + " open " + isOpen(fd));
          next.run();
        });
    s.listen(
        ListenOptions.fd(fd),
        () -> {
          AddressInfo a = s.address();
          log.add(name + " listening " + a.address() + " " + (a.port() > 0));
          s.close(
              e -> {
                log.add(name + " closed open " + isOpen(fd));
                next.run();
              });
        });
  }

  @Test
  void otherTransportsRefuseAtTheCall() {
    assumeFalse(epoll(), "epoll adopts descriptors");
    JnetException listen =
        assertThrows(
            JnetException.class, () -> Net.createServer().listen(ListenOptions.fd(NOT_OPEN)));
    assertEquals("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", listen.code());
    JnetException socket =
        assertThrows(JnetException.class, () -> new Socket(SocketOptions.defaults().fd(NOT_OPEN)));
    assertEquals("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", socket.code());
  }

  private static void bad(List<String> log, String name, Runnable call) {
    try {
      call.run();
    } catch (JnetException e) {
      log.add(name + " threw " + e.code() + " " + e.getMessage());
    }
  }

  private static void steps(List<String> log, String path) {
    List<Consumer<Runnable>> steps = new ArrayList<>();
    steps.add(
        next -> {
          Server s = Net.createServer();
          s.on(
              Server.ERROR,
              e -> {
                log.add(
                    "bad listen error " + e.code() + " " + e.getMessage() + " " + s.listening());
                next.run();
              });
          s.listen(ListenOptions.fd(NOT_OPEN));
        });
    steps.add(
        next -> {
          bad(log, "bad socket", () -> new Socket(SocketOptions.defaults().fd(NOT_OPEN)));
          bad(log, "negative socket", () -> new Socket(SocketOptions.defaults().fd(-1)));
          bad(log, "negative listen", () -> Net.createServer().listen(ListenOptions.fd(-1)));
          next.run();
        });
    steps.add(
        next -> { // a listening socket opened elsewhere
          int fd;
          int port;
          try {
            io.netty.channel.unix.Socket raw = io.netty.channel.unix.Socket.newSocketStream();
            raw.bind(new InetSocketAddress("127.0.0.1", 0));
            raw.listen(16);
            fd = raw.intValue();
            port = raw.localAddress().getPort();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
          Server s =
              Net.createServer(
                  c -> {
                    log.add("listen connection");
                    c.end("hi");
                  });
          s.listen(
              ListenOptions.fd(fd),
              () -> {
                log.add("listen listening " + s.listening() + " " + (s.address().port() == port));
                Socket c = Net.connect(port, "127.0.0.1");
                c.on(Socket.DATA, d -> log.add("client data " + d));
                c.on(
                    Socket.CLOSE,
                    h -> {
                      s.close();
                      next.run();
                    });
              });
        });
    steps.add(
        next -> { // a connected socket opened elsewhere
          Server srv =
              Net.createServer(
                  c ->
                      c.on(
                          Socket.DATA,
                          d -> {
                            log.add("server data " + d);
                            c.end("to fd");
                          }));
          srv.listen(
              path,
              () -> {
                int fd;
                try {
                  io.netty.channel.unix.Socket raw = io.netty.channel.unix.Socket.newSocketDomain();
                  raw.connect(new DomainSocketAddress(path)); // a Unix connect completes at once
                  fd = raw.intValue();
                } catch (IOException e) {
                  throw new AssertionError(e);
                }
                Socket s = new Socket(SocketOptions.defaults().fd(fd));
                log.add("socket made " + s.readyState() + " " + s.pending() + " " + s.connecting());
                s.on(Socket.DATA, d -> log.add("socket data " + d));
                s.on(Socket.END, () -> log.add("socket end"));
                s.on(
                    Socket.CLOSE,
                    h -> {
                      log.add("socket close " + h);
                      srv.close(e -> next.run());
                    });
                s.end("from fd");
              });
        });
    Steps.run(steps);
  }
}
