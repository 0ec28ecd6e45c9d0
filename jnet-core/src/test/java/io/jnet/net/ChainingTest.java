package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.stream.PassThrough;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java surface: event methods return the receiver's own type, and method references to
 * overloaded methods ({@code socket::end}) compile as listeners. Most of this test is that it
 * compiles; the round trip checks that the chained listeners are the ones that run.
 */
class ChainingTest {
  @Test
  void aServerAndAClientReadAsOneChainEachAndMethodReferencesAreListeners() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Server server =
        Net.createServer(
                s ->
                    s.setEncoding(StandardCharsets.UTF_8)
                        .on(Socket.TEXT, (String t) -> s.write(t.toUpperCase(), Encoding.UTF8))
                        .on(Socket.END, s::end)
                        .setTimeout(10_000))
            .on(Server.ERROR, e -> done.completeExceptionally(e))
            .on(Server.CLOSE, () -> done.complete(null));
    Server same =
        server.listen(
            0,
            "127.0.0.1",
            () -> {
              Socket c =
                  Net.connect(server.address().port(), "127.0.0.1")
                      .setEncoding(Encoding.UTF8)
                      .on(Socket.CONNECT, () -> log.add("connect"))
                      .once(Socket.TEXT, (String t) -> log.add("text " + t))
                      .on(Socket.END, () -> log.add("end"))
                      .on(Socket.CLOSE, (Boolean hadError) -> log.add("close " + hadError))
                      .on(Socket.CLOSE, () -> server.close())
                      .setNoDelay(true);
              c.end("hello");
            });
    assertSame(server, same);
    done.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("connect", "text HELLO", "end", "close false"), log);
  }

  @Test
  void removalAndModeMethodsChainToo() {
    Socket s = new Socket();
    Runnable end = () -> {};
    Socket back =
        s.on(Socket.END, end)
            .prependListener(Socket.END, end)
            .off(Socket.END, end)
            .removeListener(Socket.END, end)
            .prependOnceListener(Socket.DATA, (Buffer b) -> {})
            .removeAllListeners(Socket.DATA)
            .setMaxListeners(20)
            .setDefaultEncoding("latin1")
            .pause()
            .resume();
    assertSame(s, back);
    assertEquals(1, s.listenerCount(Socket.END)); // the socket's own, as in Node
    s.destroy();
    PassThrough p = new PassThrough();
    assertSame(p, p.on(PassThrough.FINISH, () -> {}).setEncoding("hex").pause());
    p.destroy();
  }
}
