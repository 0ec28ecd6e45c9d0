package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code server.close()} does, on every transport, as Node 24 does it. */
class ServerCloseTest {
  @TempDir Path dir;

  /**
   * Node 24: {@code 9 close cb}, {@code 9 close}, {@code 9 nextTick}, {@code 9 immediate}: an idle
   * server's 'close' is emitted on the tick queue ahead of a nextTick queued after close().
   */
  @Test
  void anIdleServersCloseComesBeforeANextTickQueuedAfterClose() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer();
              s.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    s.close(e -> log.add("close cb"));
                    s.on(Server.CLOSE, () -> log.add("close"));
                    s.loop().nextTick(() -> log.add("nextTick"));
                    s.loop().setImmediate(() -> log.add("immediate"));
                  });
            });
    assertEquals(List.of("close cb", "close", "nextTick", "immediate"), got);
  }

  /**
   * Node 24: {@code 10 server closed}, {@code 10 client error ECONNREFUSED connect ECONNREFUSED
   * 127.0.0.1:PORT}, {@code 10 close true}: a connect made before close() and not yet accepted is
   * refused.
   */
  @Test
  void aConnectPendingWhenTheServerClosesIsRefused() throws Exception {
    List<String> got =
        LoopRun.run(
            log -> {
              Server s = Net.createServer(c -> log.add("connection"));
              s.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    int port = s.address().port();
                    Socket c = Net.connect(port, "127.0.0.1");
                    c.on(
                        Socket.ERROR,
                        e ->
                            log.add(
                                "error "
                                    + e.code()
                                    + " "
                                    + e.getMessage()
                                        .equals("connect ECONNREFUSED 127.0.0.1:" + port)));
                    c.on(Socket.CONNECT, () -> log.add("connect"));
                    c.on(Socket.CLOSE, h -> log.add("close " + h));
                    s.close(e -> log.add("server closed"));
                  });
            });
    assertEquals(List.of("server closed", "error ECONNREFUSED true", "close true"), got);
  }

  /**
   * Node 24: a pipe server's {@code address()} is its path after {@code close()} and in the close
   * callback ({@code "/tmp/srv/x.sock"} both times); a TCP server's is {@code null}.
   */
  @Test
  void aPipeServerKeepsItsAddressAfterClose() throws Exception {
    String path = dir.resolve("s.sock").toString();
    List<String> got =
        LoopRun.run(
            log -> {
              Server p = Net.createServer();
              p.listen(
                  path,
                  () -> {
                    p.close(e -> log.add("pipe closed " + p.address()));
                    log.add("pipe after close() " + p.address());
                  });
              Server t = Net.createServer();
              t.listen(
                  0,
                  () -> {
                    t.close(e -> log.add("tcp closed " + t.address()));
                    log.add("tcp after close() " + t.address());
                  });
            });
    assertEquals(
        List.of(
            "pipe after close() " + path,
            "tcp after close() null",
            "pipe closed " + path,
            "tcp closed null"),
        got);
  }

  /**
   * A server closed as the loop runs out of work: the loop lives until the listening socket is
   * closed (io_uring closes it turns later, once the ring has cancelled its accept), so stopping
   * the loop then leaves nothing half done and Netty logs nothing.
   */
  @Test
  void aServerClosedJustBeforeTheLoopStopsLeavesNothingToLog() throws Exception {
    List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger netty = Logger.getLogger("io.netty");
    netty.addHandler(handler);
    try {
      List<String> got =
          LoopRun.run(
              log -> {
                Server s = Net.createServer();
                s.listen(0, "127.0.0.1", () -> s.close(e -> log.add("closed")));
              });
      assertEquals(List.of("closed"), got);
    } finally {
      netty.removeHandler(handler);
    }
    assertEquals(List.of(), logged.stream().map(r -> r.getMessage()).toList());
  }
}
