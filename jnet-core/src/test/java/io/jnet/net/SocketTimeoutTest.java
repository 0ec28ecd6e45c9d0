package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The idle timer after it fired, against what Node 20 printed for the same script. */
class SocketTimeoutTest {
  @Test
  void activityAfterATimeoutReArmsTheTimer() throws Exception {
    // Node: timeout 1, (write) timeout 2, (end) close.
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s =
              Net.createServer(
                  c -> {
                    c.on(Socket.DATA, d -> {});
                    c.on(Socket.END, () -> c.end());
                  });
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(s.address().port(), "127.0.0.1");
                int[] n = {0};
                c.setTimeout(50);
                c.on(
                    Socket.TIMEOUT,
                    () -> {
                      n[0]++;
                      log.add("timeout " + n[0]);
                      if (n[0] == 1) c.write("x");
                      else if (n[0] == 2) c.end();
                    });
                c.on(
                    Socket.CLOSE,
                    () -> {
                      log.add("close");
                      s.close();
                    });
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of("timeout 1", "timeout 2", "close"), log);
  }
}
