package io.jnet.net.faults;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of {@link EmfileTest}, run in a child JVM under a lowered descriptor limit: it holds
 * every connection it accepts and answers each {@code "ping"} with {@code "pong"}. It prints its
 * port, then, when a line comes on stdin, {@code errors [...] accepted N} and exits. The twin of
 * {@code jnet-core/src/test/node/faults/emfile.js}'s server.
 */
public final class EmfileServer {
  private EmfileServer() {}

  /**
   * One ping and pong with itself before the clients come: under a full table no class can be
   * loaded from the class path's directories, so everything a connection needs is loaded now.
   */
  private static void warmUp(int port) throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Socket c = Net.connect(port, "127.0.0.1", () -> {});
    c.on(Socket.CONNECT, () -> c.write("ping"));
    c.on(Socket.DATA, b -> c.destroy());
    c.on(Socket.ERROR, e -> {});
    c.on(Socket.CLOSE, closed::complete);
    closed.get();
  }

  public static void main(String[] args) throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    Server server =
        Net.createServer(
            socket -> {
              accepted.incrementAndGet();
              socket.on(Socket.ERROR, e -> {});
              socket.on(Socket.DATA, b -> socket.write("pong"));
            });
    server.on(Server.ERROR, e -> errors.add(e.code()));
    int port = server.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get().port();
    warmUp(port);
    accepted.set(0);
    System.out.println(port);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.out.println("errors " + errors + " accepted " + accepted.get());
    System.out.flush();
    System.exit(0);
  }
}
