package io.jnet.shaded;

import io.jnet.buffer.Buffer;
import io.jnet.loop.EventLoop;
import io.jnet.net.AddressInfo;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The consumer program of the shaded-jar tests, run in a child JVM: reports which Netty the class
 * path holds (and whether that Netty's own epoll loads), then runs one echo round trip over jnet
 * and prints the transport jnet ran it on. Uses jnet's public API and no Netty type.
 */
public final class EchoMain {
  private EchoMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println("netty " + nettyOnClassPath());
    System.out.println("netty epoll " + nettyEpoll());
    Server server = Net.createServer(s -> s.pipe(s));
    AddressInfo address =
        server.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get(30, TimeUnit.SECONDS);
    Socket client =
        Net.connectAsync(ConnectOptions.port(address.port()).host("127.0.0.1"))
            .get(30, TimeUnit.SECONDS);
    CompletableFuture<String> echoed = new CompletableFuture<>();
    StringBuilder received = new StringBuilder();
    client.on(Socket.DATA, (Buffer d) -> received.append(d.toString()));
    client.on(Socket.END, () -> echoed.complete(received.toString()));
    client.on(Socket.ERROR, e -> echoed.completeExceptionally(e));
    client.end("hello");
    System.out.println("echo " + echoed.get(30, TimeUnit.SECONDS));
    System.out.println("transport " + EventLoop.defaultLoop().transport());
    server.closeAsync().get(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  /** The version of the io.netty classes on the class path, if any. */
  private static String nettyOnClassPath() {
    try {
      Class<?> version = Class.forName("io.netty.util.Version");
      Object all = version.getMethod("identify").invoke(null);
      Object common = ((java.util.Map<?, ?>) all).get("netty-common");
      return common == null
          ? "unknown"
          : String.valueOf(common.getClass().getMethod("artifactVersion").invoke(common));
    } catch (ClassNotFoundException e) {
      return "none";
    } catch (ReflectiveOperationException e) {
      return "unreadable: " + e;
    }
  }

  /** Whether the class path's own Netty loads its epoll native library. */
  private static String nettyEpoll() {
    try {
      Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
      return String.valueOf(epoll.getMethod("isAvailable").invoke(null));
    } catch (ClassNotFoundException e) {
      return "absent";
    } catch (ReflectiveOperationException e) {
      return "failed: " + e;
    }
  }
}
