package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.transport.Transport;
import io.jnet.loop.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node's {@code undefined} and {@code {}} in jnet's one Java form (null, boxed numbers, {@link
 * AddressInfo#EMPTY}), each against what Node 24 printed for the same socket.
 */
class AbsentValuesTest {
  @TempDir Path dir;

  @Test
  void aNewSocketHasNoBufferSizeTimeoutPortsOrAddress() {
    // Node 24: bufferSize undefined timeout undefined localPort undefined remotePort undefined
    //   address {} localAddress undefined server null
    Socket s = new Socket();
    assertNull(s.bufferSize());
    assertNull(s.timeout());
    assertNull(s.localPort());
    assertNull(s.remotePort());
    assertNull(s.localAddress());
    assertSame(AddressInfo.EMPTY, s.address());
    assertEquals("{}", s.address().toString());
    assertNull(s.server());
  }

  @Test
  void aSocketDestroyedBeforeItHadAHandleClosesWithFalse() throws Exception {
    // Node 24: 'close' is emitted with no argument (args []); jnet passes false.
    List<Object> closes = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Socket s = new Socket();
          s.on(Socket.CLOSE, closes::add);
          s.destroy();
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of(false), closes);
  }

  @Test
  void bufferSizeIsZeroWhileConnectingAndAbsentOnceClosed() throws Exception {
    // Node 24: right after connect() bufferSize 0; after 'close' bufferSize undefined, and the
    // timeout set before stays (100).
    List<Object> seen = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(Socket::end);
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(server.address().port(), "127.0.0.1");
                seen.add(c.bufferSize());
                c.setTimeout(100);
                c.on(Socket.CONNECT, () -> c.destroy());
                c.on(
                    Socket.CLOSE,
                    h -> {
                      seen.add(String.valueOf(c.bufferSize()));
                      seen.add(c.timeout());
                      seen.add(c.address());
                      server.close();
                    });
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of(0, "null", 100L, AddressInfo.EMPTY), seen);
  }

  @Test
  void aConnectedPipeSocketsAddressIsEmpty() throws Exception {
    // Node 24: connect addr={} la=undefined lp=undefined lf=undefined ra=undefined rp=undefined
    String path = dir.resolve("a.sock").toString();
    List<Object> seen = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(Socket::end);
          server.listen(
              path,
              () -> {
                Socket c = Net.connect(path);
                c.on(
                    Socket.CONNECT,
                    () -> {
                      seen.add(c.address());
                      seen.add(String.valueOf(c.localAddress()));
                      seen.add(String.valueOf(c.localPort()));
                      seen.add(String.valueOf(c.localFamily()));
                      seen.add(String.valueOf(c.remoteAddress()));
                      seen.add(String.valueOf(c.remotePort()));
                      c.destroy();
                    });
                c.on(Socket.CLOSE, h -> server.close());
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of(AddressInfo.EMPTY, "null", "null", "null", "null", "null"), seen);
    assertTrue(AddressInfo.EMPTY.isEmpty());
  }

  @Test
  void aConnectingSocketsLocalAddressIsReadableOnceTheKernelBoundIt() throws Exception {
    // Node 24, a connect whose SYNs are dropped (the peer's backlog is full), read 300 ms later:
    // connecting true localPort number la 127.0.0.1 lf IPv4 addr [address, family, port]
    // remotePort undefined ra undefined. NIO: the JDK tells no local address before the connect
    // completes (documented on Socket.address()).
    assumeTrue(Transport.current() == Transport.EPOLL, "epoll only: the JDK hides it");
    List<Object> seen = new CopyOnWriteArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<SocketChannel> fillers = fill(full);
      try {
        EventLoop loop = EventLoop.create();
        loop.execute(
            () -> {
              Socket c = Net.connect(full.getLocalPort(), "127.0.0.1");
              c.on(Socket.ERROR, e -> {});
              seen.add(c.address()); // before the connect call: nothing bound yet
              readOnceBound(loop, c, seen);
            });
        assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
      } finally {
        for (SocketChannel f : fillers) f.close();
      }
    }
    assertEquals(AddressInfo.EMPTY, seen.get(0));
    assertEquals(List.of(true, "127.0.0.1", "IPv4", "null", "null", true), seen.subList(1, 7));
  }

  /** Once the socket's local port is readable (still connecting), records what Node printed. */
  private static void readOnceBound(EventLoop loop, Socket c, List<Object> seen) {
    if (c.localPort() == null) {
      loop.setImmediate(() -> readOnceBound(loop, c, seen));
      return;
    }
    AddressInfo a = c.address();
    seen.add(c.connecting());
    seen.add(c.localAddress());
    seen.add(c.localFamily());
    seen.add(String.valueOf(c.remotePort()));
    seen.add(String.valueOf(c.remoteAddress()));
    seen.add(a.port().equals(c.localPort()) && "127.0.0.1".equals(a.address()));
    c.destroy();
  }

  /** Fills {@code server}'s accept queue (backlog 1: two connections), so further SYNs drop. */
  private static List<SocketChannel> fill(ServerSocket server) throws Exception {
    List<SocketChannel> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SocketChannel ch = SocketChannel.open();
      ch.configureBlocking(false);
      ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      out.add(ch);
    }
    return out;
  }

  @Test
  void aPipeListenErrorHasPortMinusOneAndAPipeConnectErrorNone() throws Exception {
    // Node 24: pipe listen error port -1 errno -98; pipe connect error port undefined
    // ('port' in e false) errno -2; a TCP connect error: port 1.
    String path = dir.resolve("b.sock").toString();
    List<JnetException> errors = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server first = Net.createServer();
          first.listen(
              path,
              () -> {
                Server second = Net.createServer();
                second.on(
                    Server.ERROR,
                    e -> {
                      errors.add(e);
                      Socket k = new Socket();
                      k.on(Socket.ERROR, errors::add);
                      k.on(
                          Socket.CLOSE,
                          h -> {
                            Socket t = Net.connect(1, "127.0.0.1");
                            t.on(Socket.ERROR, errors::add);
                            t.on(Socket.CLOSE, x -> first.close());
                          });
                      k.connect(dir.resolve("none.sock").toString());
                    });
                second.listen(path);
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(3, errors.size());
    assertEquals(List.of("EADDRINUSE", -98, -1), codeErrnoPort(errors.get(0)));
    assertEquals(List.of("ENOENT", -2, "null"), codeErrnoPort(errors.get(1)));
    assertEquals(List.of("ECONNREFUSED", -111, 1), codeErrnoPort(errors.get(2)));
    // An error that is no system error has neither errno nor port.
    JnetException plain = new JnetException("ERR_X", "x");
    assertNull(plain.errno());
    assertNull(plain.port());
  }

  private static List<Object> codeErrnoPort(JnetException e) {
    return List.of(e.code(), e.errno(), e.port() == null ? "null" : e.port());
  }

  @Test
  void connectWithAPortAndAListenerGoesToLocalhost() throws Exception {
    // Node 24: net.connect(port, cb): connected to 127.0.0.1, server null; the accepted
    // socket's server is the server.
    List<Object> seen = new CopyOnWriteArrayList<>();
    List<Object> accepted = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  s -> {
                    accepted.add(s.server() == server[0]);
                    s.end();
                    // The second accept may come before or after that client's 'connect' (on NIO
                    // the
                    // selector's order decides): the server closes once it has both.
                    if (accepted.size() == 2) server[0].close();
                  });
          server[0].listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server[0].address().port();
                Socket[] c = new Socket[1];
                c[0] =
                    Net.connect(
                        port,
                        () -> {
                          seen.add(c[0].remotePort() == port);
                          seen.add(String.valueOf(c[0].server()));
                          Socket d = new Socket();
                          d.connect(
                              port,
                              () -> {
                                seen.add("socket.connect(port, cb)");
                                d.destroy();
                                c[0].destroy();
                              });
                        });
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of(true, "null", "socket.connect(port, cb)"), seen);
    assertEquals(List.of(true, true), accepted);
  }
}
