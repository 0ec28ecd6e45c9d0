package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code bytesWritten} and {@code bytesRead}, against what Node 24 printed for the same scripts.
 */
class ByteCountersTest {
  private static void run(EventLoop loop) {
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000), "loop still busy");
  }

  @Test
  void bytesWrittenAndBytesReadStartFromZeroOnReconnect() {
    // Node 24: connect 0 bytesWritten 6 bytesRead 0, close 0 bytesWritten 6 bytesRead 5,
    // reconnect called: bytesWritten 0 bytesRead 0, connect 1 bytesWritten 2 bytesRead 0,
    // close 1 bytesWritten 2 bytesRead 5.
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s =
              Net.createServer(
                  p -> {
                    p.end("hello");
                    p.resume();
                  });
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                int port = s.address().port();
                Socket c = Net.connect(port, "127.0.0.1");
                c.resume();
                c.end("abcdef");
                int[] round = {0};
                c.on(
                    Socket.CONNECT,
                    () ->
                        log.add(
                            "connect " + round[0] + " " + c.bytesWritten() + " " + c.bytesRead()));
                c.on(
                    Socket.CLOSE,
                    h -> {
                      log.add("close " + round[0] + " " + c.bytesWritten() + " " + c.bytesRead());
                      if (round[0]++ == 0) {
                        c.connect(port, "127.0.0.1");
                        log.add("reconnect " + c.bytesWritten() + " " + c.bytesRead());
                        c.end("xy");
                      } else {
                        s.close();
                      }
                    });
              });
        });
    run(loop);
    assertEquals(
        List.of("connect 0 6 0", "close 0 6 5", "reconnect 0 0", "connect 1 2 0", "close 1 2 5"),
        log);
  }

  @Test
  void bytesWrittenCountsWritesQueuedBeforeConnectOnceWhenAConnectListenerThrows() {
    // Node 24: write true 21, write true 34, uncaught boom, after connect bytesWritten 34
    // writableLength 34.
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.setUncaughtExceptionHandler(t -> log.add("uncaught " + t.getMessage()));
    loop.execute(
        () -> {
          Server s = Net.createServer(p -> p.resume());
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c =
                    Net.connect(
                        s.address().port(),
                        "127.0.0.1",
                        () -> {
                          throw new IllegalStateException("boom");
                        });
                log.add("write " + c.write("x".repeat(21)) + " " + c.bytesWritten());
                log.add("write " + c.write("y".repeat(13)) + " " + c.bytesWritten());
                c.on(
                    Socket.CLOSE,
                    h -> {
                      s.close();
                    });
                loop.setImmediate(
                    new Runnable() {
                      @Override
                      public void run() {
                        if (c.connecting()) {
                          loop.setImmediate(this);
                          return;
                        }
                        log.add("after connect " + c.bytesWritten() + " " + c.writableLength());
                        c.destroy();
                      }
                    });
              });
        });
    run(loop);
    assertEquals(
        List.of("write true 21", "write true 34", "uncaught boom", "after connect 34 34"), log);
  }
}
