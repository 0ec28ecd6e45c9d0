package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnet.events.AbortController;
import io.jnet.events.AbortSignal;
import io.jnet.loop.EventLoop;
import io.jnet.testing.Steps;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code signal} option of listen and connect, against what Node 24 printed for the same steps
 * ({@code src/test/node/abort/abort.js}).
 */
class AbortSignalTest {
  private static final List<String> NODE_24 =
      List.of(
          "A listening true",
          "A after abort false",
          "A close",
          "B returned true",
          "B close",
          "C connect",
          "C destroyed true",
          "C error ABORT_ERR AbortError The operation was aborted This operation was aborted",
          "C close true",
          "E destroyed true",
          "E error ABORT_ERR The operation was aborted why",
          "E close true",
          "F destroyed true",
          "F error ABORT_ERR",
          "F close",
          "G listening false",
          "G after abort false",
          "G close",
          "H close 1",
          "I abort true AbortError This operation was aborted",
          "I once 1 first",
          "I timeout TimeoutError The operation was aborted due to timeout");

  @Test
  void abortClosesServersAndDestroysSocketsAsNode24() throws InterruptedException {
    List<String> log = LoopRun.run(AbortSignalTest::steps);
    assertEquals(NODE_24, log);
  }

  @Test
  void cancellingTheListenFutureClosesTheServer() throws InterruptedException {
    List<String> log =
        LoopRun.run(
            l -> {
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> l.add("listening"));
              s.on(Server.CLOSE, () -> l.add("close " + s.listening()));
              var f = s.listenAsync(ListenOptions.port(0).host("localhost"));
              l.add("cancelled " + f.cancel(false));
            });
    assertEquals(List.of("cancelled true", "close false"), log);
  }

  @Test
  void cancellingTheConnectFutureDestroysTheSocketWithAnAbortError() throws InterruptedException {
    List<String> log =
        LoopRun.run(
            l -> {
              Server srv = Net.createServer(c -> c.on(Socket.ERROR, e -> {}));
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket c = new Socket();
                    c.on(Socket.CONNECT, () -> l.add("connect"));
                    c.on(Socket.ERROR, e -> l.add("error " + e.code() + " " + e.name()));
                    c.on(
                        Socket.CLOSE,
                        h -> {
                          l.add("close " + h);
                          srv.close();
                        });
                    var f =
                        c.connectAsync(ConnectOptions.port(srv.address().port()).host("127.0.0.1"));
                    l.add("cancelled " + f.cancel(false) + " " + c.destroyed());
                  });
            });
    assertEquals(List.of("cancelled true true", "error ABORT_ERR AbortError", "close true"), log);
  }

  @Test
  void cancellingACompletedListenFutureChangesNothing() throws InterruptedException {
    List<String> log =
        LoopRun.run(
            l -> {
              Server s = Net.createServer();
              var f = s.listenAsync(ListenOptions.port(0).host("127.0.0.1"));
              f.thenAccept(
                  a -> {
                    l.add("cancelled " + f.cancel(false) + " " + s.listening());
                    s.close();
                  });
            });
    assertEquals(List.of("cancelled false true"), log);
  }

  @Test
  void anAbortFromAnotherThreadClosesTheServerAndDestroysTheSocket() throws Exception {
    AbortController ac = new AbortController();
    Server server = Net.createServer(c -> c.on(Socket.ERROR, e -> {}));
    CompletableFuture<Void> serverClosed = new CompletableFuture<>();
    server.on(Server.CLOSE, () -> serverClosed.complete(null));
    int port =
        server
            .listenAsync(ListenOptions.port(0).host("127.0.0.1").signal(ac.signal()))
            .get(10, TimeUnit.SECONDS)
            .port();
    CompletableFuture<String> socketClosed = new CompletableFuture<>();
    Socket c =
        Net.connectAsync(ConnectOptions.port(port).host("127.0.0.1").signal(ac.signal()))
            .get(10, TimeUnit.SECONDS);
    String[] error = new String[1];
    c.on(Socket.ERROR, e -> error[0] = e.code());
    c.on(Socket.CLOSE, h -> socketClosed.complete(error[0] + " " + h));
    ac.abort();
    assertEquals("ABORT_ERR true", socketClosed.get(10, TimeUnit.SECONDS));
    serverClosed.get(10, TimeUnit.SECONDS);
    assertFalse(server.listening());
  }

  private static void steps(List<String> log) {
    List<Consumer<Runnable>> steps =
        List.of(
            next -> { // A
              AbortController ac = new AbortController();
              Server s = Net.createServer();
              s.on(
                  Server.CLOSE,
                  () -> {
                    log.add("A close");
                    next.run();
                  });
              s.listen(
                  ListenOptions.port(0).host("127.0.0.1").signal(ac.signal()),
                  () -> {
                    log.add("A listening " + s.listening());
                    ac.abort();
                    log.add("A after abort " + s.listening());
                  });
            },
            next -> { // B
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> log.add("B listening event"));
              s.on(
                  Server.CLOSE,
                  () -> {
                    log.add("B close");
                    next.run();
                  });
              s.listen(ListenOptions.port(0).signal(AbortSignal.abort()));
              log.add("B returned " + s.listening());
            },
            next -> { // C
              Server srv = Net.createServer(c -> c.on(Socket.ERROR, e -> {}));
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    AbortController ac = new AbortController();
                    Socket c =
                        Net.connect(
                            ConnectOptions.port(srv.address().port())
                                .host("127.0.0.1")
                                .signal(ac.signal()));
                    c.on(
                        Socket.CONNECT,
                        () -> {
                          log.add("C connect");
                          ac.abort();
                          log.add("C destroyed " + c.destroyed());
                        });
                    c.on(
                        Socket.ERROR,
                        e ->
                            log.add(
                                "C error "
                                    + e.code()
                                    + " "
                                    + e.name()
                                    + " "
                                    + e.getMessage()
                                    + " "
                                    + e.getCause().getMessage()));
                    c.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("C close " + h);
                          srv.close(e -> next.run());
                        });
                  });
            },
            next -> { // E
              Server srv = Net.createServer();
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    AbortController ac = new AbortController();
                    Socket c =
                        Net.connect(
                            ConnectOptions.port(srv.address().port())
                                .host("127.0.0.1")
                                .signal(ac.signal()));
                    c.on(Socket.CONNECT, () -> log.add("E connect"));
                    ac.abort(new IllegalStateException("why"));
                    log.add("E destroyed " + c.destroyed());
                    c.on(
                        Socket.ERROR,
                        e ->
                            log.add(
                                "E error "
                                    + e.code()
                                    + " "
                                    + e.getMessage()
                                    + " "
                                    + e.getCause().getMessage()));
                    c.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("E close " + h);
                          srv.close(e -> next.run());
                        });
                  });
            },
            next -> { // F
              AbortController ac = new AbortController();
              Socket c = new Socket(SocketOptions.defaults().signal(ac.signal()));
              c.on(Socket.ERROR, e -> log.add("F error " + e.code()));
              c.on(
                  Socket.CLOSE,
                  () -> {
                    log.add("F close");
                    next.run();
                  });
              ac.abort();
              log.add("F destroyed " + c.destroyed());
            },
            next -> { // G
              AbortController ac = new AbortController();
              Server s = Net.createServer();
              s.on(Server.LISTENING, () -> log.add("G listening event"));
              s.on(
                  Server.CLOSE,
                  () -> {
                    log.add("G close");
                    next.run();
                  });
              s.listen(ListenOptions.port(0).host("localhost").signal(ac.signal()));
              log.add("G listening " + s.listening());
              ac.abort();
              log.add("G after abort " + s.listening());
            },
            next -> { // H
              AbortController ac = new AbortController();
              Server s = Net.createServer();
              int[] n = {0};
              s.on(Server.CLOSE, () -> log.add("H close " + ++n[0]));
              s.listen(
                  ListenOptions.port(0).signal(ac.signal()),
                  () -> {
                    s.close();
                    s.loop()
                        .setTimeout(
                            () -> {
                              ac.abort();
                              s.loop().setTimeout(next, 20);
                            },
                            5);
                  });
            },
            next -> { // I
              AbortSignal a = AbortSignal.abort();
              JnetReason r = new JnetReason(a.reason());
              log.add("I abort " + a.aborted() + " " + r.name + " " + r.message);
              AbortController ac = new AbortController();
              int[] calls = {0};
              ac.signal().on(AbortSignal.ABORT, () -> calls[0]++);
              ac.abort(new IllegalStateException("first"));
              ac.abort(new IllegalStateException("second"));
              log.add("I once " + calls[0] + " " + ac.signal().reason().getMessage());
              AbortSignal t = AbortSignal.timeout(5);
              t.on(
                  AbortSignal.ABORT,
                  () -> {
                    JnetReason tr = new JnetReason(t.reason());
                    log.add("I timeout " + tr.name + " " + tr.message);
                    next.run();
                  });
              // AbortSignal.timeout does not keep the JVM alive: something else must.
              EventLoop.current().setTimeout(() -> {}, 50);
            });
    Steps.run(steps);
  }

  private static final class JnetReason {
    final String name;
    final String message;

    JnetReason(Throwable t) {
      this.name = ((io.jnet.error.JnetException) t).name();
      this.message = t.getMessage();
    }
  }
}
