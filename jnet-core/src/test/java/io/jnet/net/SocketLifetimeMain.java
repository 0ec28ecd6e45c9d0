package io.jnet.net;

import io.jnet.loop.EventLoop;

/**
 * A small program for {@link SocketLifetimeTest}, run in a child JVM: a server that never reads its
 * accepted socket, and a client that sends {@code bye}, then goes away. Node 24 prints connection,
 * client close, and exits although the accepted socket was never destroyed.
 */
public final class SocketLifetimeMain {
  private SocketLifetimeMain() {}

  public static void main(String[] args) {
    EventLoop loop = EventLoop.defaultLoop();
    loop.execute(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  p -> {
                    System.out.println("connection");
                    server[0].close(e -> System.out.println("server closed"));
                  });
          server[0].listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
                c.on(Socket.CONNECT, () -> c.end("bye", e -> c.destroy()));
                c.on(Socket.CLOSE, h -> System.out.println("client close"));
              });
        });
  }
}
