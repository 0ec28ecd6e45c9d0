package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.loop.EventLoops;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server spread over several loops ({@code ServerOptions.loops}), on every transport. */
class MultiLoopServerTest {
  private static final int CLIENTS = 1000;
  private static final int BYTES = 4096;

  private static EventLoops group;

  @TempDir Path dir;
  private static final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void makeLoops() {
    group = EventLoops.create(4);
    for (EventLoop l : group.loops()) l.setUncaughtExceptionHandler(uncaught::add);
  }

  @AfterAll
  static void stopLoops() {
    for (EventLoop l : group.loops()) {
      LoopEngine engine = LoopEngine.of(l);
      assertTrue(engine.awaitIdle(10_000), "a group loop went idle");
      engine.shutdown();
    }
    assertTrue(uncaught.isEmpty(), "uncaught on a group loop: " + uncaught);
  }

  /**
   * Runs {@code body} on a fresh loop with a log and a "done" to complete; once done, waits until
   * the fresh loop and the group's are idle, and returns the log.
   */
  static List<String> run(EventLoops group, BiConsumer<List<String>, Runnable> body)
      throws Exception {
    return run(group, body, () -> "");
  }

  /** {@link #run(EventLoops, BiConsumer)}; a timeout's message adds {@code state}. */
  static List<String> run(
      EventLoops group, BiConsumer<List<String>, Runnable> body, Supplier<String> state)
      throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> done = new CompletableFuture<>();
    EventLoop loop = EventLoop.create();
    loop.setUncaughtExceptionHandler(thrown::add);
    loop.execute(() -> body.accept(log, () -> done.complete(null)));
    LoopEngine engine = LoopEngine.of(loop);
    try {
      try {
        done.get(20, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("not done: " + log + " " + state.get() + " " + thrown, e);
      }
      assertTrue(engine.awaitIdle(10_000), "the loop went idle: " + log);
      for (EventLoop l : group.loops()) {
        assertTrue(LoopEngine.of(l).awaitIdle(10_000), "idle: " + l + " " + log);
      }
    } finally {
      engine.shutdown();
    }
    assertTrue(thrown.isEmpty(), "uncaught: " + thrown);
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }

  /** One server socket's record: written on its loop only. */
  private static final class Seen {
    final EventLoop loop;
    final List<String> events = new ArrayList<>();
    final CRC32 crc = new CRC32();
    long bytes;

    Seen(EventLoop loop) {
      this.loop = loop;
    }
  }

  /**
   * 1,000 clients on four loops: every byte comes back (checksums both ends), each socket's events
   * run on its own loop in Node's order, the connections are dealt round robin, getConnections
   * counts every loop's, and 'close' follows the last connection of every loop. The server accepts
   * on a loop of its own, or on one of the four (whose share is then served inside the accept).
   */
  @ParameterizedTest(name = "server on a loop of the group: {0}")
  @ValueSource(booleans = {false, true})
  void aThousandConnectionsOnFourLoopsEchoEveryByteInOrder(boolean serverInGroup) throws Exception {
    Map<Socket, Seen> seen = new ConcurrentHashMap<>();
    AtomicInteger offLoop = new AtomicInteger();
    AtomicInteger closedOnServer = new AtomicInteger();
    AtomicInteger matched = new AtomicInteger();
    List<String> got =
        run(
            group,
            (log, done) -> {
              Runnable start =
                  () -> {
                    EventLoop clientLoop = EventLoop.current();
                    AtomicInteger accepted = new AtomicInteger();
                    Server[] server = new Server[1];
                    Runnable[] allConnected = new Runnable[1];
                    server[0] =
                        Net.createServer(
                            ServerOptions.defaults().loops(group),
                            socket -> {
                              Seen s = new Seen(socket.loop());
                              if (EventLoop.current() != socket.loop()) offLoop.incrementAndGet();
                              s.events.add("connection");
                              seen.put(socket, s);
                              socket.on(
                                  Socket.DATA,
                                  chunk -> {
                                    if (EventLoop.current() != s.loop) offLoop.incrementAndGet();
                                    if (!s.events.get(s.events.size() - 1).equals("data")) {
                                      s.events.add("data");
                                    }
                                    s.crc.update(chunk.toByteArray());
                                    s.bytes += chunk.length();
                                    socket.write(chunk);
                                  });
                              socket.on(
                                  Socket.END,
                                  () -> {
                                    s.events.add("end");
                                    socket.end();
                                  });
                              socket.on(Socket.FINISH, () -> s.events.add("finish"));
                              socket.on(
                                  Socket.CLOSE,
                                  hadError -> {
                                    if (EventLoop.current() != s.loop) offLoop.incrementAndGet();
                                    s.events.add("close " + hadError);
                                    closedOnServer.incrementAndGet();
                                  });
                              if (accepted.incrementAndGet() == CLIENTS) {
                                clientLoop.execute(allConnected[0]);
                              }
                            });
                    server[0].listen(
                        ListenOptions.port(0).host("127.0.0.1").backlog(CLIENTS),
                        () -> {
                          int port = server[0].address().port();
                          long[] sent = new long[CLIENTS];
                          List<Socket> clients = new ArrayList<>();
                          List<byte[]> payloads = new ArrayList<>();
                          for (int i = 0; i < CLIENTS; i++) {
                            int id = i;
                            byte[] payload = new byte[BYTES];
                            new Random(id).nextBytes(payload);
                            CRC32 want = new CRC32();
                            want.update(payload);
                            sent[id] = want.getValue();
                            CRC32 back = new CRC32();
                            long[] backBytes = new long[1];
                            Socket c = Net.connect(port, "127.0.0.1");
                            c.on(
                                Socket.DATA,
                                chunk -> {
                                  back.update(chunk.toByteArray());
                                  backBytes[0] += chunk.length();
                                });
                            c.on(
                                Socket.END,
                                () -> {
                                  if (backBytes[0] == BYTES && back.getValue() == sent[id]) {
                                    matched.incrementAndGet();
                                  }
                                });
                            payloads.add(payload);
                            clients.add(c);
                          }
                          allConnected[0] =
                              () ->
                                  server[0].getConnections(
                                      (err, n) -> {
                                        log.add("connections " + n);
                                        server[0].close(e -> log.add("server closed " + e));
                                        server[0].on(
                                            Server.CLOSE,
                                            () -> {
                                              // Node's 'close' follows the last socket's destroy,
                                              // and
                                              // comes before that socket's own 'close' event.
                                              long destroyed =
                                                  seen.keySet().stream()
                                                      .filter(Socket::destroyed)
                                                      .count();
                                              log.add("server sockets destroyed " + destroyed);
                                              done.run();
                                            });
                                        for (int i = 0; i < CLIENTS; i++) {
                                          Socket c = clients.get(i);
                                          byte[] p = payloads.get(i);
                                          c.write(Buffer.from(p, 0, 1000));
                                          c.end(Buffer.from(p, 1000, BYTES - 1000));
                                        }
                                      });
                        });
                  };
              if (serverInGroup) group.get(0).execute(start);
              else start.run();
            });
    assertEquals(
        List.of(
            "connections " + CLIENTS, "server closed null", "server sockets destroyed " + CLIENTS),
        got);
    assertEquals(CLIENTS, closedOnServer.get());
    assertEquals(CLIENTS, matched.get(), "clients that got every byte back");
    assertEquals(0, offLoop.get(), "events off their socket's loop");
    assertEquals(CLIENTS, seen.size());
    Map<EventLoop, Integer> perLoop = new ConcurrentHashMap<>();
    for (Seen s : seen.values()) {
      perLoop.merge(s.loop, 1, Integer::sum);
      assertEquals(List.of("connection", "data", "end", "finish", "close false"), s.events);
      assertEquals(BYTES, s.bytes);
    }
    for (EventLoop l : group.loops()) {
      assertEquals(CLIENTS / 4, perLoop.getOrDefault(l, 0), "round robin on " + l);
    }
  }

  /** 'connection' runs on the socket's loop; the server's own events stay on the server's loop. */
  @Test
  void connectionRunsOnTheSocketsLoopAndDropOnTheServersLoop() throws Exception {
    List<String> got =
        run(
            group,
            (log, done) -> {
              EventLoop serverLoop = EventLoop.current();
              Socket[] first = new Socket[1];
              int[] port = new int[1];
              // The second client connects once the first is served: the two connections go to
              // two loops, and the first to be counted must be the first.
              Runnable connectSecond =
                  () -> {
                    Socket second = Net.connect(port[0], "127.0.0.1");
                    second.on(Socket.ERROR, e -> {});
                    second.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("second closed");
                          first[0].destroy();
                        });
                  };
              Server server =
                  Net.createServer(
                      ServerOptions.defaults().loops(group),
                      socket -> {
                        log.add(
                            "connection on socket loop "
                                + (EventLoop.current() == socket.loop())
                                + " group "
                                + group.contains(socket.loop()));
                        serverLoop.execute(connectSecond);
                      });
              server.maxConnections(1);
              server.on(
                  Server.DROP,
                  d -> {
                    log.add("drop on server loop " + (EventLoop.current() == serverLoop));
                    server.close(
                        e -> {
                          log.add("closed " + e);
                          done.run();
                        });
                  });
              server.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    port[0] = server.address().port();
                    first[0] = Net.connect(port[0], "127.0.0.1");
                  });
            });
    assertTrue(got.contains("connection on socket loop true group true"), got.toString());
    assertTrue(got.contains("drop on server loop true"), got.toString());
    assertEquals("closed null", got.get(got.size() - 1), got.toString());
  }

  /** A Unix socket server spreads its connections too: each client gets its own bytes back. */
  @Test
  void aPipeServerSpreadsItsConnectionsOverTheLoops() throws Exception {
    String path = dir.resolve("m.sock").toString();
    Map<EventLoop, Integer> perLoop = new ConcurrentHashMap<>();
    List<String> got =
        run(
            group,
            (log, done) -> {
              AtomicInteger echoed = new AtomicInteger();
              Server server =
                  Net.createServer(
                      ServerOptions.defaults().loops(group),
                      socket -> {
                        perLoop.merge(socket.loop(), 1, Integer::sum);
                        socket.pipe(socket);
                      });
              server.listen(
                  path,
                  () -> {
                    for (int i = 0; i < 8; i++) {
                      String word = "client " + i;
                      Socket c = Net.connect(path);
                      StringBuilder back = new StringBuilder();
                      c.on(Socket.DATA, d -> back.append(d));
                      c.on(
                          Socket.END,
                          () -> {
                            if (back.toString().equals(word) && echoed.incrementAndGet() == 8) {
                              log.add("all echoed");
                              server.close(
                                  e -> {
                                    log.add("closed " + e);
                                    done.run();
                                  });
                            }
                          });
                      c.end(word);
                    }
                  });
            });
    assertEquals(List.of("all echoed", "closed null"), got);
    for (EventLoop l : group.loops()) assertEquals(2, perLoop.get(l), "round robin on " + l);
  }

  /** With the default options every socket lives on the server's loop: Node's model. */
  @Test
  void theDefaultKeepsEverySocketOnTheServersLoop() throws Exception {
    assertNull(ServerOptions.defaults().loops());
    assertNull(ServerOptions.defaults().loops(1).loops());
    List<String> got =
        LoopRun.run(
            log -> {
              EventLoop serverLoop = EventLoop.current();
              Server server =
                  Net.createServer(
                      socket -> {
                        log.add("same loop " + (socket.loop() == serverLoop));
                        socket.destroy();
                      });
              server.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket c = Net.connect(server.address().port(), "127.0.0.1");
                    c.on(Socket.CLOSE, h -> server.close());
                  });
            });
    assertEquals(List.of("same loop true"), got);
  }

  @Test
  void loopsOutOfRangeThrowsAtTheCall() {
    JnetException e = assertThrows(JnetException.class, () -> ServerOptions.defaults().loops(0));
    assertEquals("ERR_OUT_OF_RANGE", e.code());
    assertEquals(
        "The value of \"loops\" is out of range. It must be >= 1. Received 0", e.getMessage());
    assertEquals(
        "ERR_OUT_OF_RANGE", assertThrows(JnetException.class, () -> EventLoops.create(0)).code());
  }

  @Test
  void sharedLoopsAreTheDefaultLoopAndTheSameOthersEachTime() {
    EventLoops a = ServerOptions.defaults().loops(3).loops();
    EventLoops b = EventLoops.shared(2);
    assertEquals(3, a.size());
    assertSame(EventLoop.defaultLoop(), a.get(0));
    assertSame(a.get(1), b.get(1));
  }
}
