package io.jnet.examples;

import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.stream.Streams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plain blocking code on jnet sockets: each client runs on its own virtual thread and talks through
 * the {@link Streams} views ({@code InputStream}/{@code OutputStream}), while jnet's loop does the
 * I/O. On JDK 17 to 20, which have no virtual threads, it says so and uses platform threads.
 */
public final class BlockingClients {
  private BlockingClients() {}

  /** Virtual threads where the JDK has them (21+), else a cached pool of platform threads. */
  static ExecutorService threads() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      System.out.println("virtual threads need JDK 21; running on platform threads");
      return Executors.newCachedThreadPool();
    }
  }

  /** One blocking conversation: send a line, read the echo back. */
  static String talk(int port, String line) throws Exception {
    Socket socket = Net.connectAsync(ConnectOptions.port(port).host("127.0.0.1")).get();
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Streams.inputStream(socket), StandardCharsets.UTF_8));
    try (OutputStream out = Streams.outputStream(socket)) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      return in.readLine();
    } // closing the output stream ends the socket
  }

  /** Runs {@code clients} conversations at once against an echo server; returns the replies. */
  public static List<String> run(int clients) throws Exception {
    Server echo = Net.createServer(s -> s.pipe(s));
    int port = echo.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get().port();
    List<Future<String>> replies = new ArrayList<>();
    ExecutorService pool = threads();
    try {
      for (int i = 0; i < clients; i++) {
        String line = "client " + i;
        replies.add(pool.submit(() -> talk(port, line)));
      }
      List<String> result = new ArrayList<>();
      for (Future<String> reply : replies) result.add(reply.get());
      return result;
    } finally {
      pool.shutdown();
      echo.closeAsync().get();
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> replies = run(args.length > 0 ? Integer.parseInt(args[0]) : 1000);
    System.out.println(replies.size() + " replies, the last: " + replies.get(replies.size() - 1));
  }
}
