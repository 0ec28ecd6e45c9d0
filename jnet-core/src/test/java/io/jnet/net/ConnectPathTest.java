package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node 24's {@code 'connectionAttempt'} and {@code 'connectionAttemptFailed'} outside a family
 * race, against what Node 24 printed for the same calls ({@code [ip, port, family]} per event;
 * {@code PORT} is the server's port).
 */
class ConnectPathTest {
  private static final Lookup ONE_V4 = (host, family, done) -> // answers later, as a resolver does
      EventLoop.current().nextTick(() -> done.done(null, List.of("127.0.0.1")));

  @TempDir Path dir;

  @Test
  void anIpLiteralConnectEmitsConnectionAttempt() throws Exception {
    // Node 24: connectionAttempt ["127.0.0.1",PORT,4] | connect
    List<String> log = runAgainstServer(port -> ConnectOptions.port(port).host("127.0.0.1"));
    assertEquals(List.of("connectionAttempt 127.0.0.1 PORT 4", "connect", "close false"), log);
  }

  @Test
  void aRefusedIpLiteralEmitsConnectionAttemptFailed() throws Exception {
    // Node 24: connectionAttempt ["127.0.0.1",1,4] |
    //   connectionAttemptFailed ["127.0.0.1",1,4,"ECONNREFUSED"] | error ECONNREFUSED port=1
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(() -> watch(Net.connect(ConnectOptions.port(1).host("127.0.0.1")), log, -1));
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(
        List.of(
            "connectionAttempt 127.0.0.1 1 4",
            "connectionAttemptFailed 127.0.0.1 1 4 ECONNREFUSED",
            "error ECONNREFUSED port 1",
            "close true"),
        log);
  }

  @Test
  void aNameWithOneAddressEmitsConnectionAttemptAfterLookup() throws Exception {
    // Node 24: lookup [null,"127.0.0.1",4,"localhost"] | connectionAttempt ["127.0.0.1",PORT,4]
    List<String> log =
        runAgainstServer(port -> ConnectOptions.port(port).host("one.test").lookup(ONE_V4));
    assertEquals(
        List.of(
            "lookup 127.0.0.1 4 one.test",
            "connectionAttempt 127.0.0.1 PORT 4",
            "connect",
            "close false"),
        log);
  }

  @Test
  void autoSelectFamilyFalseEmitsConnectionAttempt() throws Exception {
    // Node 24 (autoSelectFamily: false): lookup [null,"127.0.0.1",4,"localhost"] |
    //   connectionAttempt ["127.0.0.1",PORT,4] | connect
    List<String> log =
        runAgainstServer(
            port ->
                ConnectOptions.port(port).host("one.test").lookup(ONE_V4).autoSelectFamily(false));
    assertEquals(
        List.of(
            "lookup 127.0.0.1 4 one.test",
            "connectionAttempt 127.0.0.1 PORT 4",
            "connect",
            "close false"),
        log);
  }

  @Test
  void aFailedBindOfTheLocalAddressAnnouncesNoAttempt() throws Exception {
    // Node 24 (localAddress 192.0.2.1): error bind EADDRNOTAVAIL 192.0.2.1, port undefined |
    //   close true; no connectionAttempt.
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () ->
            watch(
                Net.connect(ConnectOptions.port(1).host("127.0.0.1").localAddress("192.0.2.1")),
                log,
                -1));
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of("error EADDRNOTAVAIL port null", "close true"), log);
  }

  @Test
  void aBoundLocalAddressAnnouncesTheAttemptOnceBound() throws Exception {
    // Node 24 (localAddress 127.0.0.1): connectionAttempt ['127.0.0.1', PORT, 4] | connect
    List<String> log =
        runAgainstServer(
            port -> ConnectOptions.port(port).host("127.0.0.1").localAddress("127.0.0.1"));
    assertEquals(List.of("connectionAttempt 127.0.0.1 PORT 4", "connect", "close false"), log);
  }

  @Test
  void aPipeConnectEmitsConnectionAttemptInsideConnectWithThePathOnly() throws Exception {
    // Node 24: connectionAttempt [ '/tmp/x.sock', undefined, undefined ] | after connect() |
    // connect
    String path = dir.resolve("a.sock").toString();
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(s -> s.end());
          server.listen(
              path,
              () -> {
                Socket c = new Socket();
                watch(c, log, -1);
                c.on(Socket.CLOSE, h -> server.close());
                c.on(Socket.CONNECT, () -> c.destroy());
                c.connect(path);
                log.add("after connect()");
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(
        List.of(
            "connectionAttempt " + path + " null null",
            "after connect()",
            "connect",
            "close false"),
        log);
  }

  @Test
  void aFailedPipeConnectEmitsConnectionAttemptFailed() throws Exception {
    // Node 24: connectionAttempt [path, undefined, undefined] | after connect() |
    //   connectionAttemptFailed [path, undefined, undefined, ENOENT] | error ENOENT (no port)
    String path = dir.resolve("nothing.sock").toString();
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Socket c = new Socket();
          watch(c, log, -1);
          c.connect(path);
          log.add("after connect()");
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(
        List.of(
            "connectionAttempt " + path + " null null",
            "after connect()",
            "connectionAttemptFailed " + path + " null null ENOENT",
            "error ENOENT port null",
            "close true"),
        log);
  }

  @Test
  void aConnectWithoutAFamilyRaceHasNoAttemptedAddresses() throws Exception {
    // Node 24: autoSelectFamilyAttemptedAddresses is undefined for an IP literal and for a name
    // with one address, before and after 'connect'.
    List<Object> seen = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(s -> s.end());
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server.address().port();
                Socket a = Net.connect(port, "127.0.0.1");
                seen.add(String.valueOf(a.autoSelectFamilyAttemptedAddresses()));
                a.on(
                    Socket.CONNECT,
                    () -> {
                      seen.add(String.valueOf(a.autoSelectFamilyAttemptedAddresses()));
                      a.destroy();
                      Socket b =
                          Net.connect(ConnectOptions.port(port).host("one.test").lookup(ONE_V4));
                      b.on(
                          Socket.CONNECT,
                          () -> {
                            seen.add(String.valueOf(b.autoSelectFamilyAttemptedAddresses()));
                            b.destroy();
                            server.close();
                          });
                    });
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of("null", "null", "null"), seen);
  }

  @Test
  void theDefaultAttemptTimeoutIsAtLeastTenAndZeroIsOutOfRange() {
    // Node 24: 250 by default; set(5) reads 10; set(0) throws ERR_OUT_OF_RANGE 'The value of
    // "value" is out of range. It must be >= 1 && <= 2147483647. Received 0'
    int before = Net.getDefaultAutoSelectFamilyAttemptTimeout();
    try {
      Net.setDefaultAutoSelectFamilyAttemptTimeout(5);
      assertEquals(10, Net.getDefaultAutoSelectFamilyAttemptTimeout());
      io.jnet.error.JnetException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              io.jnet.error.JnetException.class,
              () -> Net.setDefaultAutoSelectFamilyAttemptTimeout(0));
      assertEquals("ERR_OUT_OF_RANGE", e.code());
      assertEquals(
          "The value of \"value\" is out of range. It must be >= 1 && <= 2147483647. Received 0",
          e.getMessage());
    } finally {
      Net.setDefaultAutoSelectFamilyAttemptTimeout(before);
    }
  }

  /** A server on 127.0.0.1; one client connects as {@code options} say, then destroys itself. */
  private static List<String> runAgainstServer(
      java.util.function.IntFunction<ConnectOptions> options) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(s -> s.end());
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server.address().port();
                Socket c = Net.connect(options.apply(port));
                watch(c, log, port);
                c.on(Socket.CONNECT, () -> c.destroy());
                c.on(Socket.CLOSE, h -> server.close());
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    return log;
  }

  private static void watch(Socket c, List<String> log, int port) {
    Consumer<String> add = log::add;
    String p = String.valueOf(port);
    c.on(
        Socket.LOOKUP,
        l -> add.accept("lookup " + l.address() + " " + l.family() + " " + l.host()));
    c.on(
        Socket.CONNECTION_ATTEMPT,
        a ->
            add.accept("connectionAttempt " + a.ip() + " " + show(a.port(), p) + " " + a.family()));
    c.on(
        Socket.CONNECTION_ATTEMPT_FAILED,
        a ->
            add.accept(
                "connectionAttemptFailed "
                    + a.ip()
                    + " "
                    + show(a.port(), p)
                    + " "
                    + a.family()
                    + " "
                    + a.error().code()));
    c.on(Socket.CONNECT, () -> add.accept("connect"));
    c.on(Socket.ERROR, e -> add.accept("error " + e.code() + " port " + e.port()));
    c.on(Socket.CLOSE, h -> add.accept("close " + h));
  }

  private static String show(Integer port, String p) {
    return String.valueOf(port).equals(p) ? "PORT" : String.valueOf(port);
  }
}
