package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A socket's end of stream (the peer's FIN, its own end), against what Node 24 printed. */
class EndOfStreamTest {
  private static void run(EventLoop loop) {
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000), "loop still busy");
  }

  @Test
  void automaticEndAfterThePeersFinFinishesAndDestroysBeforeAnImmediate() {
    // Node 24: server end, tick after end, server finish, immediate: destroyed true writableEnded
    // true writableFinished true, write returned false, write cb EPIPE This socket has been ended
    // by the other party, server close false (no 'error').
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server[] srv = new Server[1];
          Server s =
              Net.createServer(
                  p -> {
                    p.resume();
                    p.on(
                        Socket.END,
                        () -> {
                          log.add("end");
                          loop.setImmediate(
                              () -> {
                                log.add(
                                    "immediate "
                                        + p.destroyed()
                                        + " "
                                        + p.writableEnded()
                                        + " "
                                        + p.writableFinished());
                                boolean r =
                                    p.write(
                                        "x",
                                        e ->
                                            log.add(
                                                "write cb "
                                                    + (e == null
                                                        ? "ok"
                                                        : e.code() + " " + e.getMessage())));
                                log.add("write returned " + r);
                              });
                          loop.nextTick(() -> log.add("tick after end"));
                        });
                    p.on(Socket.FINISH, () -> log.add("finish"));
                    p.on(Socket.ERROR, e -> log.add("error " + e.code()));
                    p.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("close " + h);
                          srv[0].close();
                        });
                  });
          srv[0] = s;
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(s.address().port(), "127.0.0.1", () -> {});
                c.on(Socket.CONNECT, () -> c.end());
                c.resume();
              });
        });
    run(loop);
    assertEquals(
        List.of(
            "end",
            "tick after end",
            "finish",
            "immediate true true true",
            "write returned false",
            "write cb EPIPE This socket has been ended by the other party",
            "close false"),
        log);
  }

  @Test
  void endAfterThePeerIsGoneIsSuccessNotENOTCONN() {
    // Node 24 (pauseOnConnect, the client resets, then the server ends; strace shows shutdown
    // ENOTCONN): end cb, server finish; no 'error'.
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server[] srv = new Server[1];
          Socket[] client = new Socket[1];
          srv[0] =
              Net.createServer(
                  ServerOptions.defaults().pauseOnConnect(true),
                  p -> {
                    p.on(Socket.FINISH, () -> log.add("finish"));
                    p.on(Socket.ERROR, e -> log.add("error " + e.getMessage()));
                    p.on(Socket.CLOSE, h -> log.add("close " + h));
                    client[0].on(
                        Socket.CLOSE,
                        h ->
                            p.end(
                                e -> {
                                  log.add("end cb " + (e == null ? "ok" : e.code()));
                                  srv[0].close();
                                  loop.setImmediate(p::destroy);
                                }));
                    client[0].resetAndDestroy();
                  });
          srv[0].listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(srv[0].address().port(), "127.0.0.1");
                client[0] = c;
                c.on(Socket.ERROR, e -> {});
              });
        });
    run(loop);
    assertEquals(List.of("end cb ok", "finish", "close false"), log);
  }
}
