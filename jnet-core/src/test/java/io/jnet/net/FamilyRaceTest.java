package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Node 20's autoSelectFamily connect, against the events Node printed for the same calls: a name
 * resolving to {@code ::1} then {@code 127.0.0.1}, with a server on IPv4 only (and then on no port
 * at all).
 */
class FamilyRaceTest {
  private static final Lookup DUAL = (host, family, done) -> // answers later, as a resolver does
      EventLoop.current().nextTick(() -> done.done(null, List.of("::1", "127.0.0.1")));

  @Test
  void refusedFirstFamilyFallsBackToTheOther() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    List<String> attempted = new ArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(s -> s.end("x"));
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = server.address().port();
                Socket c = Net.connect(ConnectOptions.port(port).host("dual.test").lookup(DUAL));
                watch(c, log, port);
                c.on(
                    Socket.CONNECT,
                    () ->
                        c.autoSelectFamilyAttemptedAddresses()
                            .forEach(a -> attempted.add(a.replace(":" + port, ":PORT"))));
                c.resume();
                c.on(Socket.CLOSE, () -> server.close());
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(
        List.of(
            "lookup ::1 6 dual.test",
            "lookup 127.0.0.1 4 dual.test",
            "connectionAttempt ::1 PORT 6",
            "connectionAttemptFailed ::1 PORT 6 ECONNREFUSED",
            "connectionAttempt 127.0.0.1 PORT 4",
            "connect",
            "ready",
            "close false"),
        log);
    assertEquals(List.of("::1:PORT", "127.0.0.1:PORT"), attempted);
  }

  @Test
  void everyFamilyRefusedIsAnAggregateError() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    List<JnetException> errors = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Socket c = Net.connect(ConnectOptions.port(1).host("dual.test").lookup(DUAL));
          watch(c, log, -1);
          c.on(Socket.ERROR, errors::add);
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(
        List.of(
            "lookup ::1 6 dual.test",
            "lookup 127.0.0.1 4 dual.test",
            "connectionAttempt ::1 1 6",
            "connectionAttemptFailed ::1 1 6 ECONNREFUSED",
            "connectionAttempt 127.0.0.1 1 4",
            "connectionAttemptFailed 127.0.0.1 1 4 ECONNREFUSED",
            "error AggregateError ECONNREFUSED",
            "close true"),
        log);
    JnetException e = errors.get(0);
    assertEquals("", e.getMessage());
    assertEquals(2, e.getSuppressed().length);
    assertEquals("connect ECONNREFUSED ::1:1", e.getSuppressed()[0].getMessage());
    assertEquals("connect ECONNREFUSED 127.0.0.1:1", e.getSuppressed()[1].getMessage());
  }

  @Test
  void ordersAlternatingFamiliesFromTheFirstAddress() {
    var a4 = new io.jnet.internal.net.Resolver.Address("10.0.0.1", 4);
    var b4 = new io.jnet.internal.net.Resolver.Address("10.0.0.2", 4);
    var a6 = new io.jnet.internal.net.Resolver.Address("fd00::1", 6);
    assertEquals(List.of(a4, a6, b4), FamilyRace.order(List.of(a4, b4, a6, a4)));
  }

  private static void watch(Socket c, List<String> log, int port) {
    String p = port < 0 ? "" : String.valueOf(port);
    c.on(Socket.LOOKUP, l -> log.add("lookup " + l.address() + " " + l.family() + " " + l.host()));
    c.on(
        Socket.CONNECTION_ATTEMPT,
        a -> log.add("connectionAttempt " + a.ip() + " " + show(a.port(), p) + " " + a.family()));
    c.on(
        Socket.CONNECTION_ATTEMPT_FAILED,
        a ->
            log.add(
                "connectionAttemptFailed "
                    + a.ip()
                    + " "
                    + show(a.port(), p)
                    + " "
                    + a.family()
                    + " "
                    + a.error().code()));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.READY, () -> log.add("ready"));
    c.on(Socket.ERROR, e -> log.add("error " + e.name() + " " + e.code()));
    c.on(Socket.CLOSE, h -> log.add("close " + h));
  }

  private static String show(int port, String p) {
    return String.valueOf(port).equals(p) ? "PORT" : String.valueOf(port);
  }
}
