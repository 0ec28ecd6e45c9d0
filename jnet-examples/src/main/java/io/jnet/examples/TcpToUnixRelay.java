package io.jnet.examples;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;

/**
 * Relays each TCP client to a Unix domain socket service, both ways, as {@code socat
 * TCP-LISTEN:8080,fork UNIX-CONNECT:/tmp/app.sock} does: each side's end ends the other, and an
 * error on either destroys both.
 */
public final class TcpToUnixRelay {
  private TcpToUnixRelay() {}

  /** Listens on TCP {@code port} (0: any) of 127.0.0.1 and relays each client to {@code path}. */
  public static Server start(int port, String path) throws Exception {
    Server server =
        Net.createServer(
            client -> {
              Socket service = Net.connect(path);
              client.pipe(service).pipe(client); // bytes sent while connecting wait, as in Node
              service.on(Socket.ERROR, e -> client.destroy());
              client.on(Socket.ERROR, e -> service.destroy());
            });
    server.listenAsync(ListenOptions.port(port).host("127.0.0.1")).get();
    return server;
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    String path = args.length > 1 ? args[1] : "/tmp/app.sock";
    System.out.println("relaying " + start(port, path).address() + " to " + path);
  }
}
