package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.loop.EventLoops;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shutdown with a deadline, and ending or destroying every connection of a server. */
class GracefulCloseTest {
  private static EventLoops group;
  private static final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void makeLoops() {
    group = EventLoops.create(2);
    for (EventLoop l : group.loops()) l.setUncaughtExceptionHandler(uncaught::add);
  }

  @AfterAll
  static void stopLoops() {
    for (EventLoop l : group.loops()) {
      LoopEngine engine = LoopEngine.of(l);
      assertTrue(engine.awaitIdle(10_000), "a loop went idle");
      engine.shutdown();
    }
    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
  }

  /**
   * close(deadline): the connection whose client ends in time finishes as usual ('end', then
   * 'close'); the one still open at the deadline is destroyed (no 'end' on the server), and the
   * server's 'close' follows it.
   */
  @Test
  void closeWithADeadlineLetsOneConnectionFinishAndDestroysTheOther() throws Exception {
    List<String> got =
        MultiLoopServerTest.run(
            group,
            (log, done) -> {
              EventLoop main = EventLoop.current();
              AtomicInteger named = new AtomicInteger();
              Socket[] clients = new Socket[2];
              Server[] server = new Server[1];
              Runnable bothIn =
                  () -> {
                    server[0].close(Duration.ofSeconds(1), e -> log.add("server closed " + e));
                    clients[0].end();
                  };
              server[0] =
                  Net.createServer(
                      ServerOptions.defaults().loops(group),
                      socket -> {
                        String[] name = new String[1];
                        socket.on(
                            Socket.DATA,
                            chunk -> {
                              name[0] = chunk.toString();
                              if (named.incrementAndGet() == 2) main.execute(bothIn);
                            });
                        socket.on(Socket.END, () -> log.add(name[0] + " end"));
                        socket.on(Socket.CLOSE, h -> log.add(name[0] + " close " + h));
                      });
              server[0].listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    int port = server[0].address().port();
                    clients[0] = Net.connect(port, "127.0.0.1");
                    clients[0].write("polite");
                    clients[1] = Net.connect(port, "127.0.0.1");
                    clients[1].write("stubborn");
                    clients[1].on(Socket.END, () -> log.add("stubborn client end"));
                    clients[1].on(Socket.CLOSE, h -> done.run());
                  });
            });
    List<String> polite = new ArrayList<>();
    List<String> stubborn = new ArrayList<>();
    for (String line : got) {
      if (line.startsWith("polite")) polite.add(line);
      if (line.startsWith("stubborn")) stubborn.add(line);
    }
    assertEquals(List.of("polite end", "polite close false"), polite);
    assertTrue(stubborn.contains("stubborn close false"), got.toString());
    assertTrue(stubborn.contains("stubborn client end"), got.toString());
    assertTrue(!stubborn.contains("stubborn end"), got.toString());
    assertTrue(got.contains("server closed null"), got.toString());
  }

  /** close(deadline) when every connection ends in time: 'close' comes with the last one. */
  @Test
  void closeAsyncWithADeadlineCompletesWhenTheLastConnectionEnds() throws Exception {
    List<String> got =
        MultiLoopServerTest.run(
            group,
            (log, done) -> {
              Server[] server = new Server[1];
              server[0] =
                  Net.createServer(
                      ServerOptions.defaults().loops(group),
                      socket -> {
                        server[0]
                            .closeAsync(Duration.ofMinutes(10))
                            .thenRun(
                                () -> {
                                  log.add("closed");
                                  done.run();
                                });
                        socket.end("bye");
                      });
              server[0].listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
                    c.on(Socket.DATA, d -> log.add("client " + d));
                  });
            });
    assertEquals(List.of("client bye", "closed"), got);
  }

  /** endConnections(): every connection, on every loop, is ended; the clients end in turn. */
  @Test
  void endConnectionsEndsEveryConnection() throws Exception {
    assertEquals(
        List.of("closed null", "end 3", "server ends 3"), allThree(Server::endConnections));
  }

  /** destroyConnections(): every connection, on every loop, is destroyed. */
  @Test
  void destroyConnectionsDestroysEveryConnection() throws Exception {
    assertEquals(
        List.of("closed null", "end 3", "server ends 0"), allThree(Server::destroyConnections));
  }

  /** Three clients connect; once all are in, the server closes and {@code action} runs. */
  private static List<String> allThree(java.util.function.Consumer<Server> action)
      throws Exception {
    AtomicInteger serverEnds = new AtomicInteger();
    List<String> got =
        MultiLoopServerTest.run(
            group,
            (log, done) -> {
              EventLoop main = EventLoop.current();
              AtomicInteger in = new AtomicInteger();
              AtomicInteger clientEnds = new AtomicInteger();
              Server[] server = new Server[1];
              server[0] =
                  Net.createServer(
                      ServerOptions.defaults().loops(group).allowHalfOpen(true),
                      socket -> {
                        socket.on(Socket.END, serverEnds::incrementAndGet);
                        if (in.incrementAndGet() == 3) {
                          main.execute(
                              () -> {
                                server[0].close(
                                    e -> {
                                      log.add("closed " + e);
                                      done.run();
                                    });
                                action.accept(server[0]);
                              });
                        }
                      });
              server[0].listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    for (int i = 0; i < 3; i++) {
                      Socket c =
                          Net.connect(
                              ConnectOptions.port(server[0].address().port())
                                  .host("127.0.0.1")
                                  .allowHalfOpen(true));
                      c.on(
                          Socket.END,
                          () -> {
                            if (clientEnds.incrementAndGet() == 3) log.add("end 3");
                            c.end();
                          });
                    }
                  });
            });
    // Ended, the server's sockets wait for the clients' end; destroyed, they never see it.
    List<String> all = new ArrayList<>(got);
    Collections.sort(all);
    all.add("server ends " + serverEnds.get());
    return all;
  }

  @Test
  void aBadDeadlineThrowsAtTheCall() {
    Server s = Net.createServer();
    JnetException nul = assertThrows(JnetException.class, () -> s.close((Duration) null));
    assertEquals("ERR_INVALID_ARG_TYPE", nul.code());
    JnetException neg =
        assertThrows(JnetException.class, () -> s.closeAsync(Duration.ofMillis(-1)));
    assertEquals("ERR_OUT_OF_RANGE", neg.code());
  }

  /**
   * The JVM exits once a deadline close has destroyed the last connection: a child JVM whose main
   * returns at once, with a server on two loops and a client that never ends.
   */
  @Test
  void theJvmExitsOnceTheDeadlineHasDestroyedTheLastConnection() throws Exception {
    assertEquals(
        List.of(
            "client close", "client end", "connections 1", "main returned", "server closed null"),
        runChild("deadline"));
  }

  /** An unref'd server on two loops lets the JVM exit once its connection, on a loop, is done. */
  @Test
  void anUnrefdServerOnTwoLoopsLetsTheJvmExitAfterItsConnection() throws Exception {
    assertEquals(List.of("client bye", "client close", "connection"), runChild("unref"));
  }

  /** Runs {@link GracefulCloseMain} in a child JVM and returns its lines, sorted. */
  private static List<String> runChild(String mode) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djnet.transport=" + System.getProperty("jnet.transport", "auto"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GracefulCloseMain.class.getName());
    command.add(mode);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      byte[] out = p.getInputStream().readAllBytes(); // ends when the child exits
      if (!p.waitFor(60, TimeUnit.SECONDS)) fail("the child JVM did not exit");
      assertEquals(0, p.exitValue(), "exit status");
      List<String> lines =
          new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
      Collections.sort(lines); // the loops run at once: their lines interleave
      return lines;
    } finally {
      p.destroyForcibly();
    }
  }
}
