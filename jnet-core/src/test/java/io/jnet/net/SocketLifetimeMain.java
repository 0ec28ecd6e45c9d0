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
    String scenario = args.length > 0 ? args[0] : "eof";
    switch (scenario) {
      case "pauseOnConnect":
        loop.execute(SocketLifetimeMain::pauseOnConnect);
        return;
      case "unrefConnecting":
        loop.execute(SocketLifetimeMain::unrefConnecting);
        return;
      case "unrefWriting":
        loop.execute(SocketLifetimeMain::unrefWriting);
        return;
      default:
        break;
    }
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

  /** An accepted socket paused on connect does not read, so it keeps nothing alive. */
  private static void pauseOnConnect() {
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            ServerOptions.defaults().pauseOnConnect(true),
            p -> {
              System.out.println("connection");
              server[0].close(e -> System.out.println("server closed"));
            });
    server[0].listen(
        0,
        "127.0.0.1",
        () -> {
          Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
          c.on(Socket.CONNECT, () -> c.unref());
        });
  }

  /** The lookup and the connect of an unref'd socket keep the JVM alive until 'connect'. */
  private static void unrefConnecting() {
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            p -> {
              p.unref();
              server[0].close();
            });
    server[0].listen(
        0,
        "127.0.0.1",
        () -> {
          Socket c = Net.connect(server[0].address().port(), "localhost");
          c.unref();
          c.on(Socket.LOOKUP, info -> System.out.println("lookup"));
          c.on(Socket.CONNECT, () -> System.out.println("connect"));
        });
  }

  /** A write pending on an unref'd socket keeps the JVM alive until it is done. */
  private static void unrefWriting() {
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            p -> {
              server[0].close();
              p.unref();
              p.write(io.jnet.buffer.Buffer.alloc(32 << 20), e -> System.out.println("written"));
            });
    server[0].listen(
        0,
        "127.0.0.1",
        () -> {
          Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
          c.unref();
          c.on(Socket.DATA, (io.jnet.buffer.Buffer b) -> {});
        });
  }
}
