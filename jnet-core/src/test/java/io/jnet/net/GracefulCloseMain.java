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
    if (args.length > 0 && args[0].equals("unref")) {
      unrefServer();
      return;
    }
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

  /**
   * An unref'd server on two loops: its connection keeps the JVM alive until it closes, the server
   * itself does not.
   */
  private static void unrefServer() {
    EventLoop.defaultLoop()
        .execute(
            () -> {
              Server server =
                  Net.createServer(
                      ServerOptions.defaults().loops(2),
                      socket -> {
                        say("connection");
                        socket.end("bye");
                      });
              server.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket client = Net.connect(server.address().port(), "127.0.0.1");
                    client.on(Socket.DATA, d -> say("client " + d));
                    client.on(Socket.CLOSE, h -> say("client close"));
                    server.unref();
                  });
            });
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
