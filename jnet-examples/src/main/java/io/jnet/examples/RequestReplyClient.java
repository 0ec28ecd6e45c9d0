package io.jnet.examples;

import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A client for a line protocol where each request line gets one reply line: {@link
 * #request(String)} returns the reply as a {@link CompletableFuture}, so calls can be pipelined and
 * composed. Replies come in request order, so each completes the oldest pending future.
 */
public final class RequestReplyClient implements AutoCloseable {
  private final Socket socket;
  private final Queue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();

  private RequestReplyClient(Socket socket) {
    this.socket = socket;
    Lines.of(socket, reply -> pending.remove().complete(reply));
    socket.on(Socket.ERROR, e -> pending.forEach(f -> f.completeExceptionally(e)));
  }

  /** Connects to {@code host:port}; the future completes once connected. */
  public static CompletableFuture<RequestReplyClient> connect(String host, int port) {
    return Net.connectAsync(ConnectOptions.port(port).host(host))
        .thenApply(RequestReplyClient::new);
  }

  /** Sends {@code line}; the future completes with its reply. Any thread. */
  public synchronized CompletableFuture<String> request(String line) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    pending.add(reply); // queued and written in one order, under this lock
    socket.write(line + "\n");
    return reply;
  }

  @Override
  public void close() {
    socket.end();
  }

  /** A server for the demo: replies to each line with the line in upper case. */
  static Server upperCaseServer() throws Exception {
    Server server = Net.createServer(s -> Lines.of(s, line -> s.write(line.toUpperCase() + "\n")));
    server.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get();
    return server;
  }

  public static void main(String[] args) throws Exception {
    Server server = upperCaseServer();
    try (RequestReplyClient client = connect("127.0.0.1", server.address().port()).get()) {
      CompletableFuture<String> a = client.request("hello");
      CompletableFuture<String> b = client.request("world");
      System.out.println(a.thenCombine(b, (x, y) -> x + " " + y).get()); // HELLO WORLD
    }
    server.closeAsync().get();
  }
}
