package io.jnet.bench;

import io.jnet.loop.EventLoop;
import io.jnet.loop.EventLoops;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The jnet echo server the shared benchmark harness runs, a transliteration of its Node one.
 *
 * <pre>
 * java -jar jnet-bench/target/jnet-bench.jar tcp:[HOST:]PORT | unix:PATH [--mode=pipe|data] [--nodelay=1|0] [--loops=N] [--reuse-port]
 * </pre>
 *
 * <p>{@code --mode=pipe} (the default) is {@code socket.pipe(socket)}; {@code --mode=data} writes
 * every chunk back from {@code 'data'}, pauses when {@code write} returns false and resumes on
 * {@code 'drain'}. {@code --loops=N} (default 1, Node's one loop) spreads the connections over N
 * loops ({@code ServerOptions.loops}), so the server uses N cores; with {@code --reuse-port} it
 * runs N servers instead, one per loop, each listening on the port with {@code reusePort}. SIGTERM
 * and SIGINT close the server, which removes a unix socket file.
 */
public final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) throws InterruptedException {
    String target = null;
    boolean data = false;
    boolean noDelay = true;
    boolean reusePort = false;
    int loops = 1;
    for (String a : args) {
      if (a.equals("--mode=data") || a.equals("--data")) {
        data = true;
      } else if (a.equals("--mode=pipe") || a.equals("--pipe")) {
        data = false;
      } else if (a.startsWith("--nodelay=")) {
        noDelay = !a.substring(10).equals("0");
      } else if (a.equals("--reuse-port")) {
        reusePort = true;
      } else if (a.startsWith("--loops=")) {
        loops = Integer.parseInt(a.substring(8));
        if (loops < 1) {
          System.err.println("--loops must be at least 1");
          System.exit(2);
        }
      } else if (!a.startsWith("--")) {
        target = a;
      } else {
        System.err.println("unknown flag " + a);
        System.exit(2);
      }
    }
    if (target == null) {
      System.err.println(
          "usage: jnet-bench tcp:[HOST:]PORT | unix:PATH [--mode=pipe|data] [--nodelay=1|0]"
              + " [--loops=N] [--reuse-port]");
      System.exit(2);
    }
    ListenOptions listen = listenOptions(target);
    boolean dataMode = data;
    Consumer<Socket> echo =
        socket -> {
          socket.on(Socket.ERROR, err -> {}); // a peer's reset must not stop the server
          if (dataMode) {
            echoData(socket);
          } else {
            socket.pipe(socket);
          }
        };
    ServerOptions options = ServerOptions.defaults().noDelay(noDelay);
    List<Server> servers = new ArrayList<>();
    if (reusePort && listen.path() == null) {
      // One server per loop, each with its own listening socket: the kernel spreads connections.
      for (EventLoop loop : EventLoops.shared(loops).loops()) {
        servers.add(
            CompletableFuture.supplyAsync(() -> Net.createServer(options, echo), loop).join());
      }
      listen = listen.reusePort(true);
    } else {
      servers.add(Net.createServer(options.loops(loops), echo));
    }
    String shown =
        target
            + " mode="
            + (data ? "data" : "pipe")
            + " noDelay="
            + noDelay
            + " loops="
            + loops
            + (servers.size() > 1 ? " reusePort" : "");
    CountDownLatch closed = new CountDownLatch(servers.size());
    for (Server server : servers) {
      server.on(
          Server.ERROR,
          err -> {
            System.err.println("jnet-echo: " + err.getMessage());
            System.exit(1);
          });
      server.listen(listen, () -> System.err.println("jnet-echo listening on " + shown));
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Server server : servers) server.close(err -> closed.countDown());
                  try {
                    closed.await(300, TimeUnit.MILLISECONDS); // open connections keep close waiting
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
  }

  /** Writes every chunk back, pausing while the socket's buffer is full. */
  private static void echoData(Socket socket) {
    socket.on(
        Socket.DATA,
        chunk -> {
          if (!socket.write(chunk)) socket.pause();
        });
    socket.on(Socket.DRAIN, socket::resume);
    socket.on(Socket.END, () -> socket.end());
  }

  private static ListenOptions listenOptions(String target) {
    if (target.startsWith("unix:")) {
      String path = target.substring(5);
      try {
        Files.deleteIfExists(Path.of(path));
      } catch (java.io.IOException e) {
        System.err.println("cannot remove " + path + ": " + e.getMessage());
        System.exit(2);
      }
      return ListenOptions.path(path);
    }
    if (target.startsWith("tcp:")) {
      String hp = target.substring(4);
      int i = hp.lastIndexOf(':');
      String host = i < 0 ? "127.0.0.1" : hp.substring(0, i);
      int port = Integer.parseInt(i < 0 ? hp : hp.substring(i + 1));
      if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
      return ListenOptions.port(port).host(host.isEmpty() ? "127.0.0.1" : host);
    }
    System.err.println("bad address " + target);
    System.exit(2);
    return null;
  }
}
