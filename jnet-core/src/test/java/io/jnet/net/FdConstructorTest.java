package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new Socket({fd})} of a connected TCP descriptor with Node's {@code readable}, {@code
 * writable} and {@code allowHalfOpen} options, against what Node 24 printed for the same steps
 * ({@code src/test/node/fd/fd-constructor.js}): both sides open by default, {@code readable: false}
 * a write-only socket that never reads, {@code writable: false} a read-only one, neither a closed
 * one whose write fails; {@code destroy()} closes the descriptor at once. An adopted TCP socket
 * knows both its ends at once, an adopted Unix one neither ({@code address()} is {@code {}}). Only
 * epoll adopts.
 */
class FdConstructorTest {
  private static final List<String> NODE_24 =
      List.of(
          "file threw ERR_INVALID_FD_TYPE Unsupported fd type: FILE fd open",
          "devnull threw ERR_INVALID_FD_TYPE Unsupported fd type: FILE fd open",
          "ptmx threw ERR_INVALID_FD_TYPE Unsupported fd type: TTY fd open",
          "plain made true true open false false true true IPv4 false",
          "plain data bye",
          "plain end ",
          "plain finish ",
          "plain close false",
          "both made true true open false false true true IPv4 false",
          "both data bye",
          "both end ",
          "both finish ",
          "both close false",
          "writeOnly made false true writeOnly false false true true IPv4 false",
          "writeOnly finish ",
          "writeOnly close false",
          "readOnly made true false readOnly false false true true IPv4 false",
          "readOnly data bye",
          "readOnly end ",
          "readOnly close false",
          "halfOpen made true true open false false true true IPv4 true",
          "halfOpen finish ",
          "halfOpen data bye",
          "halfOpen end ",
          "halfOpen close false",
          "write made true true open false false true true IPv4 false",
          "write write callback null",
          "write data bye",
          "write end ",
          "write finish ",
          "write close false",
          "destroy made true true open false false true true IPv4 false",
          "destroy destroyed, fd closed",
          "destroy close false",
          "neither made false false closed false false true true IPv4 false",
          "neither write callback ERR_STREAM_WRITE_AFTER_END",
          "neither error ERR_STREAM_WRITE_AFTER_END write after end",
          "neither close true",
          "tcpAddresses address IPv4 127.0.0.1 true 127.0.0.1 true IPv4 127.0.0.1 true IPv4"
              + " undefined 0 0 0",
          "pipeAddresses address undefined undefined false undefined undefined undefined undefined"
              + " undefined undefined undefined 0 0 0");

  /** One variant: its name, its options, and what it does once made. */
  private record Variant(
      String name,
      UnaryOperator<SocketOptions> options,
      boolean write,
      boolean end,
      boolean destroy,
      boolean addresses) {
    Variant(
        String name,
        UnaryOperator<SocketOptions> options,
        boolean write,
        boolean end,
        boolean destroy) {
      this(name, options, write, end, destroy, false);
    }
  }

  private static final List<Variant> VARIANTS =
      List.of(
          new Variant("plain", o -> o, false, false, false),
          new Variant("both", o -> o.readable(true).writable(true), false, false, false),
          new Variant("writeOnly", o -> o.readable(false), false, true, false),
          new Variant("readOnly", o -> o.writable(false), false, false, false),
          new Variant("halfOpen", o -> o.allowHalfOpen(true), false, true, false),
          new Variant("write", o -> o, true, false, false),
          new Variant("destroy", o -> o, false, false, true),
          new Variant("neither", o -> o.readable(false).writable(false), true, false, false),
          new Variant("tcpAddresses", o -> o, false, false, false, true));

  @Test
  void adoptsAConnectedDescriptorWithNodesOptions() throws InterruptedException {
    assumeTrue("epoll".equals(EventLoop.defaultLoop().transport()), "only epoll adopts");
    int before = FdConnectTest.openSockets(dir);
    assertEquals(NODE_24, LoopRun.run(this::steps));
    assertEquals(before, FdConnectTest.openSockets(dir), "sockets left open");
  }

  private static String target(int fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    } catch (IOException e) {
      return null;
    }
  }

  private Server server;

  /**
   * Opens {@code file} and adopts it: refused with libuv's word for it, and left open. Netty opens
   * for writing and truncates: a scratch file or a device only.
   */
  private static void refused(List<String> log, String name, String file) {
    try {
      io.netty.channel.unix.FileDescriptor opened = io.netty.channel.unix.FileDescriptor.from(file);
      int fd = opened.intValue();
      try {
        new Socket(SocketOptions.defaults().fd(fd));
      } catch (io.jnet.error.JnetException e) {
        String open = target(fd) != null ? "open" : "closed";
        log.add(name + " threw " + e.code() + " " + e.getMessage() + " fd " + open);
      }
      opened.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void refusesAPipeWhichNodeAdoptsAndLeavesItOpen() throws IOException {
    assumeTrue("epoll".equals(EventLoop.defaultLoop().transport()), "only epoll adopts");
    // jnet's documented difference: Node 24 adopts a pipe(2) or FIFO as a pipe socket.
    io.netty.channel.unix.FileDescriptor[] pipe = io.netty.channel.unix.FileDescriptor.pipe();
    int fd = pipe[0].intValue();
    io.jnet.error.JnetException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.jnet.error.JnetException.class, () -> new Socket(SocketOptions.defaults().fd(fd)));
    assertEquals("ERR_INVALID_FD_TYPE", e.code());
    assertEquals("Unsupported fd type: PIPE", e.getMessage());
    assertEquals(true, target(fd) != null, "the refused pipe stays open");
    pipe[0].close();
    pipe[1].close();
  }

  private void steps(List<String> log) {
    this.log = log;
    try {
      refused(log, "file", Files.writeString(dir.resolve("file"), "a file").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    refused(log, "devnull", "/dev/null");
    refused(log, "ptmx", "/dev/ptmx");
    int[] i = {0};
    int[] fd = {-1};
    int[] localPort = {-1};
    server =
        Net.createServer(
            c -> {
              c.on(Socket.ERROR, e -> {}).end("bye");
              Variant v = VARIANTS.get(i[0]++);
              adopt(log, v, fd[0], localPort[0], () -> next(i[0], fd, localPort));
            });
    server.listen(0, "127.0.0.1", () -> next(0, fd, localPort));
  }

  /** Connects the next variant's descriptor, or closes the server after the last. */
  private void next(int index, int[] fd, int[] localPort) {
    if (index == VARIANTS.size()) {
      server.close();
      pipeAddresses();
      return;
    }
    try {
      io.netty.channel.unix.Socket raw = io.netty.channel.epoll.LinuxSocket.newSocketStream(false);
      raw.connect(new InetSocketAddress("127.0.0.1", server.address().port()));
      fd[0] = raw.intValue();
      localPort[0] = raw.localAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The adopted end of a Unix connection: Node knows none of its addresses. */
  private void pipeAddresses() {
    String path = dir.resolve("server").toString();
    Server pipeServer =
        Net.createServer(
            c -> {
              c.on(Socket.ERROR, e -> {});
              adopt(
                  log,
                  new Variant("pipeAddresses", o -> o, false, false, false, true),
                  pipeFd,
                  0,
                  () -> {});
            });
    pipeServer.listen(
        path,
        () -> {
          try {
            io.netty.channel.unix.Socket raw = io.netty.channel.unix.Socket.newSocketDomain();
            raw.connect(new io.netty.channel.unix.DomainSocketAddress(path));
            pipeFd = raw.intValue();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    this.pipeServer = pipeServer;
  }

  private Server pipeServer;

  private int pipeFd;

  private List<String> log;

  @TempDir Path dir;

  /** Node's {@code undefined} for jnet's null. */
  private static String u(Object value) {
    return value == null ? "undefined" : value.toString();
  }

  private void addresses(String name, Socket s, int localPort) {
    AddressInfo a = s.address();
    Integer serverPort = name.startsWith("tcp") ? server.address().port() : null;
    log.add(
        String.join(
            " ",
            name,
            "address",
            u(a.family()),
            u(a.address()),
            "" + Objects.equals(a.port(), localPort),
            u(s.localAddress()),
            Objects.equals(s.localPort(), localPort) ? "true" : u(s.localPort()),
            u(s.localFamily()),
            u(s.remoteAddress()),
            serverPort != null && Objects.equals(s.remotePort(), serverPort)
                ? "true"
                : u(s.remotePort()),
            u(s.remoteFamily()),
            u(s.timeout()),
            "" + s.bytesRead(),
            "" + s.bytesWritten(),
            "" + s.writableLength()));
    s.destroy();
    if (pipeServer != null) pipeServer.close();
  }

  private void adopt(List<String> log, Variant v, int fd, int localPort, Runnable next) {
    String name = v.name();
    if (v.addresses()) {
      Socket s = new Socket(v.options().apply(SocketOptions.defaults()).fd(fd));
      s.on(Socket.CLOSE, h -> next.run());
      addresses(name, s, localPort);
      return;
    }
    String opened = target(fd);
    Socket s = new Socket(v.options().apply(SocketOptions.defaults()).fd(fd));
    log.add(
        name
            + " made "
            + s.readable()
            + " "
            + s.writable()
            + " "
            + s.readyState()
            + " "
            + s.pending()
            + " "
            + s.connecting()
            + " "
            + Objects.equals(s.remotePort(), server.address().port())
            + " "
            + Objects.equals(s.localPort(), localPort)
            + " "
            + s.remoteFamily()
            + " "
            + s.allowHalfOpen());
    s.on(Socket.CONNECT, () -> log.add(name + " connect "));
    s.on(Socket.READY, () -> log.add(name + " ready "));
    s.on(Socket.DATA, b -> log.add(name + " data " + b));
    s.on(Socket.END, () -> log.add(name + " end "));
    s.on(Socket.FINISH, () -> log.add(name + " finish "));
    s.on(Socket.ERROR, e -> log.add(name + " error " + e.code() + " " + e.getMessage()));
    s.on(
        Socket.CLOSE,
        h -> {
          log.add(name + " close " + h);
          next.run();
        });
    if (v.write()) {
      s.write(
          io.jnet.buffer.Buffer.from("x"),
          e -> log.add(name + " write callback " + (e == null ? null : e.code())));
    }
    if (v.end()) s.end();
    if (v.destroy()) {
      s.destroy();
      log.add(name + " destroyed, fd " + (opened.equals(target(fd)) ? "open" : "closed"));
    }
  }
}
