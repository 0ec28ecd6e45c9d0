package io.jnet.internal.transport;

import io.jnet.buffer.Buffer;
import io.jnet.loop.EventLoop;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link TransportChoiceTest}: prints the transport of the default loop, then
 * one echo round trip per argument ({@code tcp}, {@code unix}), each as {@code <kind> echo <text>}.
 * Public API only.
 */
public final class EchoProbe {
  private EchoProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println("transport " + EventLoop.defaultLoop().transport());
    for (String kind : args) {
      Path dir = kind.equals("unix") ? Files.createTempDirectory("jnet-probe") : null;
      ListenOptions where =
          dir == null
              ? ListenOptions.port(0).host("127.0.0.1")
              : ListenOptions.path(dir.resolve("s.sock").toString());
      Server server = Net.createServer(s -> s.pipe(s));
      var address = server.listenAsync(where).get(30, TimeUnit.SECONDS);
      ConnectOptions to =
          dir == null
              ? ConnectOptions.port(address.port()).host("127.0.0.1")
              : ConnectOptions.path(address.address());
      Socket client = Net.connectAsync(to).get(30, TimeUnit.SECONDS);
      // The request is answered before the client ends, then the end brings the close.
      String request = "hello " + kind;
      CompletableFuture<String> echoed = new CompletableFuture<>();
      CompletableFuture<Void> closed = new CompletableFuture<>();
      StringBuilder received = new StringBuilder();
      client.on(
          Socket.DATA,
          (Buffer d) -> {
            received.append(d.toString());
            if (received.length() >= request.length()) echoed.complete(received.toString());
          });
      client.on(Socket.CLOSE, hadError -> closed.complete(null));
      client.on(Socket.ERROR, e -> echoed.completeExceptionally(e));
      client.write(request);
      System.out.println(kind + " echo " + echoed.get(30, TimeUnit.SECONDS));
      client.end();
      try {
        closed.get(10, TimeUnit.SECONDS);
        System.out.println(kind + " closed");
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.println(kind + " close missing after end()");
        client.destroy();
      }
      try {
        server.closeAsync().get(10, TimeUnit.SECONDS);
        System.out.println(kind + " server closed");
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.println(kind + " server close missing"); // its connection never closed
      }
      if (dir != null) Files.deleteIfExists(dir);
    }
    System.exit(0);
  }
}
