package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void echo() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    Server server =
        Net.createServer(
            s -> {
              log.add("s conn " + s.remoteAddress());
              s.on(Socket.DATA, (Buffer d) -> log.add("s data " + d));
              s.on(Socket.END, () -> log.add("s end"));
              s.on(Socket.CLOSE, h -> log.add("s close " + h));
              s.pipe(s);
            });
    server.on(Server.ERROR, e -> log.add("server error " + e));
    server.listen(
        0,
        "127.0.0.1",
        () -> {
          log.add("listening " + server.address());
          Socket c = Net.connect(server.address().port(), "127.0.0.1");
          c.on(
              Socket.CONNECT,
              () -> {
                log.add("c connect");
                c.end("hello");
              });
          c.on(Socket.DATA, (Buffer d) -> log.add("c data " + d));
          c.on(Socket.END, () -> log.add("c end"));
          c.on(Socket.ERROR, e -> log.add("c error " + e));
          c.on(
              Socket.CLOSE,
              h -> {
                log.add("c close " + h);
                server.close(
                    e -> {
                      log.add("server closed " + e);
                      done.countDown();
                    });
              });
        });
    boolean ok = done.await(10, TimeUnit.SECONDS);
    log.forEach(System.out::println);
    assertEquals(true, ok);
  }
}
