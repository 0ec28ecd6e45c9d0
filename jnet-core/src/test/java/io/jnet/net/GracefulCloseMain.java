package io.jnet.net;

import io.jnet.loop.EventLoop;
import java.time.Duration;

/**
 * Run in a child JVM by {@link GracefulCloseTest}: a server on two loops, a client that never ends,
 * a close with a short deadline, and a {@code main} that returns at once.
 */
public final class GracefulCloseMain {
  private GracefulCloseMain() {}

  public static void main(String[] args) {
    EventLoop.defaultLoop()
        .execute(
            () -> {
              Server[] server = new Server[1];
              // The connection is left open: only the deadline ends it.
              server[0] =
                  Net.createServer(
                      ServerOptions.defaults().loops(2),
                      socket ->
                          server[0].getConnections(
                              (err, n) -> {
                                say("connections " + n);
                                server[0].close(
                                    Duration.ofMillis(100), e -> say("server closed " + e));
                              }));
              server[0].listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket client = Net.connect(server[0].address().port(), "127.0.0.1");
                    client.on(Socket.END, () -> say("client end"));
                    client.on(Socket.CLOSE, h -> say("client close"));
                  });
            });
    say("main returned");
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
