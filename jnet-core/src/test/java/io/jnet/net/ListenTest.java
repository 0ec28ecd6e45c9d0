package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code listen()} does at the call, before any event: Node 24's synchronous bind. */
class ListenTest {
  @TempDir Path dir;

  /** Node 24: {@code true {"address":"::","family":"IPv6","port":46779}} right after listen(0). */
  @Test
  void listenWithoutHostIsBoundWhenTheCallReturns() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> log.add("listening"));
              s.listen(0);
              AddressInfo a = s.address();
              log.add(s.listening() + " " + a.address() + " " + a.family() + " " + (a.port() > 0));
              s.close();
            });
    assertEquals(List.of("true :: IPv6 true"), got);
  }

  /** Node 24: {@code true true "/tmp/srv/x.sock"} right after listen(path). */
  @Test
  void listenOnPathIsBoundWhenTheCallReturns() throws Exception {
    String path = dir.resolve("s.sock").toString();
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.listen(path, () -> s.close());
              log.add(s.listening() + " " + Files.exists(Path.of(path)) + " " + s.address());
            });
    assertEquals(List.of("true true " + path), got);
  }

  /** Node 24: no throw; one 'listening', then cb1 and cb2, on the second listen's address. */
  @Test
  void aSecondListenDuringTheLookupSupersedesTheFirst() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> log.add("listening " + s.address().address()));
              s.listen(0, "localhost", () -> log.add("cb1"));
              log.add("after 1 " + s.listening());
              s.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    log.add("cb2");
                    s.close();
                  });
              log.add("after 2 " + s.listening());
            });
    assertEquals(
        List.of("after 1 false", "after 2 false", "listening 127.0.0.1", "cb1", "cb2"), got);
  }

  /** Node 24: {@code threw ERR_SOCKET_BAD_PORT listeners 1}; then "7 cb ran", "7 second cb". */
  @Test
  void theCallbackOfAListenThatThrewRunsOnTheNextListen() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              try {
                s.listen(70000, () -> log.add("cb ran"));
              } catch (JnetException e) {
                log.add("threw " + e.code() + " listeners " + s.listenerCount(Server.LISTENING));
              }
              s.listen(
                  0,
                  () -> {
                    log.add("second cb");
                    s.close();
                  });
            });
    assertEquals(List.of("threw ERR_SOCKET_BAD_PORT listeners 1", "cb ran", "second cb"), got);
  }

  /** Node 24: {@code threw ERR_SERVER_ALREADY_LISTEN count 0}: that check comes first. */
  @Test
  void listenWhileListeningThrowsWithoutAddingTheCallback() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.listen(0);
              try {
                s.listen(0, () -> log.add("cb ran"));
              } catch (JnetException e) {
                log.add("threw " + e.code() + " " + s.listenerCount(Server.LISTENING));
              }
              s.close();
            });
    assertEquals(List.of("threw ERR_SERVER_ALREADY_LISTEN 0"), got);
  }

  /**
   * Node 24: {@code ERR_INVALID_ARG_VALUE The argument 'options' can not set readableAll or
   * writableAllt to true when path is abstract unix socket. Received { path: '\x00abstract-x',
   * readableAll: true } false}, and no event.
   */
  @Test
  void anAbstractPathWithReadableAllOrWritableAllThrowsAtTheCall() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> log.add("listening"));
              s.on(Server.ERROR, e -> log.add("error " + e.code()));
              for (ListenOptions o :
                  List.of(
                      ListenOptions.path("\0abstract-x").readableAll(true),
                      ListenOptions.path("\0abstract-x").writableAll(true))) {
                try {
                  s.listen(o);
                  log.add("no throw");
                } catch (JnetException e) {
                  log.add(e.code() + " " + e.getMessage() + " " + s.listening());
                }
              }
            });
    String m =
        "The argument 'options' can not set readableAll or writableAllt to true when path is"
            + " abstract unix socket. Received { path: '\\x00abstract-x', ";
    assertEquals(
        List.of(
            "ERR_INVALID_ARG_VALUE " + m + "readableAll: true } false",
            "ERR_INVALID_ARG_VALUE " + m + "writableAll: true } false"),
        got);
  }

  /** Node 24: {@code getConnections(cb) === server} is true. */
  @Test
  void getConnectionsReturnsTheServer() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              log.add("same " + (s.getConnections((e, n) -> log.add("n " + n)) == s));
            });
    assertEquals(List.of("same true", "n 0"), got);
  }

  /** Node 24: {@code undefined} before any listen ({@code maxConnections} is unset too). */
  @Test
  void anUnlistenedServerHasNoAddressAndNoMaxConnections() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              log.add(s.address() + " " + s.maxConnections() + " " + s.listening());
            });
    assertEquals(List.of("null null false"), got);
  }

  /** Node 24: {@code returned false}, {@code error EADDRINUSE false null}, {@code tick after}. */
  @Test
  void aBindErrorIsEmittedOnTheTickAfterListen() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server a = Net.createServer();
              a.listen(0);
              Server b = Net.createServer();
              b.on(Server.ERROR, e -> log.add("error " + e.code() + " " + b.listening()));
              b.listen(a.address().port());
              log.add("returned " + b.listening());
              b.loop().nextTick(() -> log.add("tick after"));
              a.close();
            });
    assertEquals(List.of("returned false", "error EADDRINUSE false", "tick after"), got);
  }

  /** The Java form of Node's synchronous bind: a thread that runs no loop waits for the bind. */
  @Test
  void listenFromAPlainThreadIsBoundWhenTheCallReturns() throws Exception {
    Server s = Net.createServer();
    s.listen(0);
    assertEquals(true, s.listening());
    assertEquals("::", s.address().address());
    s.closeAsync().get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * Node 24: {@code v6 listening ::}, {@code v6 connection} (from {@code ::1}): a server on {@code
   * ::} with {@code ipv6Only} takes the port of a server on {@code 127.0.0.1} (it leaves IPv4
   * alone; without ipv6Only Node says {@code EADDRINUSE}). The IPv4 server binds first: a port the
   * kernel picks for an IPv6-only socket may be taken in IPv4. Not {@code 0.0.0.0}, which io_uring
   * binds as {@code ::}.
   */
  @Test
  void anIpv6OnlyServerSharesItsPortWithAnIpv4Server() throws Exception {
    assumeTrue(Transport.current() != Transport.NIO, "the JDK has no IPV6_V6ONLY");
    assumeTrue(hasIpv6(), "no IPv6");
    List<String> got =
        LoopRun.run(
            log -> {
              Server v4 = Net.createServer(c -> c.destroy());
              v4.listen(
                  ListenOptions.port(0).host("127.0.0.1"),
                  () -> {
                    int port = v4.address().port();
                    Server v6 =
                        Net.createServer(
                            c -> {
                              log.add("v6 connection");
                              c.destroy();
                            });
                    v6.on(Server.ERROR, e -> log.add("v6 error " + e.code()));
                    v6.listen(
                        ListenOptions.port(port).host("::").ipv6Only(true),
                        () -> {
                          log.add("v6 listening " + v6.address().address());
                          Socket c = Net.connect(ConnectOptions.port(port).host("::1"));
                          c.on(
                              Socket.CLOSE,
                              hadError -> {
                                v4.close();
                                v6.close();
                              });
                        });
                  });
            });
    assertEquals(List.of("v6 listening ::", "v6 connection"), got);
  }

  /** Node 24: {@code error ECONNREFUSED}: a server on {@code 0.0.0.0} is IPv4 only. */
  @Test
  void anIpv4ServerRefusesIpv6() throws Exception {
    assumeTrue(hasIpv6(), "no IPv6");
    assumeTrue(
        Transport.current() != Transport.IO_URING,
        "a known difference: Netty's io_uring server socket is IPv6, its 0.0.0.0 binds ::");
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer(c -> c.destroy());
              s.listen(
                  ListenOptions.port(0).host("0.0.0.0"),
                  () -> {
                    Socket c = Net.connect(ConnectOptions.port(s.address().port()).host("::1"));
                    c.on(Socket.CONNECT, () -> log.add("connected"));
                    c.on(Socket.ERROR, e -> log.add("error " + e.code()));
                    c.on(Socket.CLOSE, hadError -> s.close());
                  });
            });
    assertEquals(List.of("error ECONNREFUSED"), got);
  }

  private static boolean hasIpv6() {
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.bind(new java.net.InetSocketAddress("::1", 0));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
