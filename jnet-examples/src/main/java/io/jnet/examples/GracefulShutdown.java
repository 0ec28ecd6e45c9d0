package io.jnet.examples;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server that stops cleanly on SIGTERM (or SIGINT, or {@code System.exit}): it stops accepting,
 * tells each connected client goodbye and ends its connection, and waits (at most five seconds) for
 * the connections to close before the JVM exits. The JVM's shutdown hook is the hook.
 */
public final class GracefulShutdown {
  private GracefulShutdown() {}

  public static void main(String[] args) throws Exception {
    Set<Socket> open = ConcurrentHashMap.newKeySet();
    Server server =
        Net.createServer(
            socket -> {
              open.add(socket);
              socket.on(Socket.CLOSE, hadError -> open.remove(socket));
              socket.pipe(socket); // an echo service
            });
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7000;
    server.listenAsync(ListenOptions.port(port).host("127.0.0.1")).get();
    System.out.println("listening on " + server.address().port());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("shutting down: " + open.size() + " connection(s)");
                  var closed = server.closeAsync(); // no new connection from now on
                  open.forEach(s -> s.end("server shutting down\n"));
                  try {
                    closed.get(5, TimeUnit.SECONDS);
                    System.out.println("closed cleanly");
                  } catch (TimeoutException e) {
                    System.out.println("gave up waiting for " + open.size() + " connection(s)");
                  } catch (Exception e) {
                    System.out.println("close failed: " + e);
                  }
                }));
  }
}
