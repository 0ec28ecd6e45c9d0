package io.jnet.examples;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A line-based chat server: each line a client sends goes to every other client, prefixed with its
 * sender's address; joins and leaves are announced. Try it with {@code nc localhost 7000}.
 */
public final class ChatServer {
  private ChatServer() {}

  /** Starts the chat server on {@code port} (0: any) of 127.0.0.1. */
  public static Server start(int port) throws Exception {
    Set<Socket> clients = ConcurrentHashMap.newKeySet();
    Server server =
        Net.createServer(
            socket -> {
              String name = socket.remoteAddress() + ":" + socket.remotePort();
              broadcast(clients, name + " joined\n");
              clients.add(socket);
              Lines.of(socket, line -> broadcast(clients, name + ": " + line + "\n", socket));
              socket.on(Socket.ERROR, e -> {}); // a reset client just leaves
              socket.on(
                  Socket.CLOSE,
                  hadError -> {
                    clients.remove(socket);
                    broadcast(clients, name + " left\n");
                  });
            });
    server.listenAsync(ListenOptions.port(port).host("127.0.0.1")).get(10, TimeUnit.SECONDS);
    return server;
  }

  private static void broadcast(Set<Socket> clients, String message, Socket... except) {
    for (Socket client : clients) {
      if (except.length == 0 || client != except[0]) client.write(message);
    }
  }

  public static void main(String[] args) throws Exception {
    Server server = start(args.length > 0 ? Integer.parseInt(args[0]) : 7000);
    System.out.println("chat on " + server.address()); // runs until the process is stopped
  }
}
