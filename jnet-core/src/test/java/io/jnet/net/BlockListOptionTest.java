package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The {@code blockList} options of Node 24's {@code createServer} and {@code connect}, against the
 * events Node 24 printed for the same calls (a server refusing 127.0.0.1, clients whose list blocks
 * their target).
 */
class BlockListOptionTest {
  private static final Lookup DUAL = (host, family, done) -> // answers later, as a resolver does
      EventLoop.current().nextTick(() -> done.done(null, List.of("::1", "127.0.0.1")));

  private static String code(JnetException e) {
    return e.code() + " " + e.getMessage();
  }

  private static void run(EventLoop loop) {
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000), "loop did not become idle");
  }

  @Test
  void serverClosesABlockedPeerWithoutAnyEvent() {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          BlockList blocked = new BlockList();
          blocked.addAddress("127.0.0.1");
          Server server =
              Net.createServer(
                  ServerOptions.defaults().blockList(blocked), s -> log.add("server connection"));
          server.on(Server.DROP, d -> log.add("server drop"));
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(server.address().port(), "127.0.0.1");
                c.on(Socket.CONNECT, () -> log.add("client connect"));
                c.on(Socket.END, () -> log.add("client end"));
                c.on(Socket.ERROR, e -> log.add("client error " + e.code()));
                c.on(
                    Socket.CLOSE,
                    hadError -> {
                      log.add("client close " + hadError);
                      server.close();
                    });
              });
        });
    run(loop);
    assertEquals(List.of("client connect", "client end", "client close false"), log);
  }

  @Test
  void serverReadsItsListAtEachAccept() {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          BlockList list = new BlockList();
          list.addAddress("10.0.0.1");
          Server server =
              Net.createServer(
                  ServerOptions.defaults().blockList(list),
                  s -> {
                    log.add("server connection " + s.remoteAddress());
                    s.end();
                  });
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server.address().port();
                Socket first = Net.connect(port, "127.0.0.1");
                first.resume();
                first.on(
                    Socket.CLOSE,
                    h -> {
                      list.addSubnet("127.0.0.0", 8);
                      Socket second = Net.connect(port, "127.0.0.1");
                      second.on(Socket.CONNECT, () -> log.add("second connect"));
                      second.on(Socket.END, () -> log.add("second end"));
                      second.on(Socket.CLOSE, x -> server.close());
                    });
              });
        });
    run(loop);
    assertEquals(List.of("server connection 127.0.0.1", "second connect", "second end"), log);
  }

  @Test
  void connectToABlockedAddressFailsWithIpBlocked() {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          BlockList list = new BlockList();
          list.addAddress("127.0.0.1");
          // Port 1 has no server: only the block list stops an ECONNREFUSED.
          Socket c = Net.connect(ConnectOptions.port(1).host("127.0.0.1").blockList(list));
          c.on(
              Socket.CONNECTION_ATTEMPT,
              a -> log.add("connectionAttempt " + a.ip() + " " + a.port() + " " + a.family()));
          c.on(Socket.CONNECT, () -> log.add("connect"));
          c.on(Socket.ERROR, e -> log.add("error " + code(e) + " " + e.name()));
          c.on(Socket.CLOSE, h -> log.add("close " + h));
        });
    run(loop);
    assertEquals(
        List.of(
            "connectionAttempt 127.0.0.1 1 4",
            "error ERR_IP_BLOCKED IP(127.0.0.1) is blocked by net.BlockList Error",
            "close true"),
        log);
  }

  @Test
  void aBlockedFamilyFailsItsAttemptAndTheRaceGoesOn() {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          BlockList list = new BlockList();
          list.addAddress("::1", "ipv6");
          Server server = Net.createServer(s -> s.end());
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server.address().port();
                Socket c =
                    Net.connect(
                        ConnectOptions.port(port)
                            .host("example.test")
                            .lookup(DUAL)
                            .autoSelectFamily(true)
                            .blockList(list));
                watch(c, log, port);
                c.resume();
                c.on(
                    Socket.CLOSE,
                    h -> {
                      list.addAddress("127.0.0.1");
                      Socket d =
                          Net.connect(
                              ConnectOptions.port(port)
                                  .host("example.test")
                                  .lookup(DUAL)
                                  .autoSelectFamily(true)
                                  .blockList(list));
                      watch(d, log, port);
                      d.on(Socket.CLOSE, x -> server.close());
                    });
              });
        });
    run(loop);
    assertEquals(
        List.of(
            "connectionAttemptFailed ::1 PORT 6 ERR_IP_BLOCKED IP(::1) is blocked by net.BlockList",
            "connectionAttempt 127.0.0.1 PORT 4",
            "connect",
            "end",
            "close false",
            "connectionAttemptFailed ::1 PORT 6 ERR_IP_BLOCKED IP(::1) is blocked by net.BlockList",
            "connectionAttemptFailed 127.0.0.1 PORT 4 ERR_IP_BLOCKED"
                + " IP(127.0.0.1) is blocked by net.BlockList",
            "error AggregateError ERR_IP_BLOCKED",
            "close true"),
        log);
  }

  private static void watch(Socket c, List<String> log, int port) {
    c.on(
        Socket.CONNECTION_ATTEMPT,
        a -> log.add("connectionAttempt " + a.ip() + " PORT " + a.family()));
    c.on(
        Socket.CONNECTION_ATTEMPT_FAILED,
        a ->
            log.add(
                "connectionAttemptFailed "
                    + a.ip()
                    + " PORT "
                    + a.family()
                    + " "
                    + code(a.error())));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.END, () -> log.add("end"));
    c.on(Socket.ERROR, e -> log.add("error " + e.name() + " " + e.code()));
    c.on(Socket.CLOSE, h -> log.add("close " + h));
  }
}
