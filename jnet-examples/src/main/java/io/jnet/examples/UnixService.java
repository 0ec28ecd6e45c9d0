package io.jnet.examples;

import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key-value service on a Unix domain socket, for processes of one machine: {@code SET key value}
 * answers {@code OK}, {@code GET key} answers the value or {@code NOT_FOUND}. The socket file is
 * removed when the server closes. Try it with {@code nc -U /tmp/kv.sock}.
 */
public final class UnixService {
  private UnixService() {}

  /** Starts the service on the socket file {@code path}, which must not exist. */
  public static Server start(String path) throws Exception {
    Map<String, String> store = new ConcurrentHashMap<>();
    Server server =
        Net.createServer(
            socket ->
                Lines.of(
                    socket,
                    line -> {
                      String[] words = line.split(" ", 3);
                      if (words.length == 3 && words[0].equals("SET")) {
                        store.put(words[1], words[2]);
                        socket.write("OK\n");
                      } else if (words.length == 2 && words[0].equals("GET")) {
                        socket.write(store.getOrDefault(words[1], "NOT_FOUND") + "\n");
                      } else {
                        socket.write("ERROR expected SET key value or GET key\n");
                      }
                    }));
    server.listenAsync(ListenOptions.path(path)).get();
    return server;
  }

  public static void main(String[] args) throws Exception {
    Server server = start(args.length > 0 ? args[0] : "/tmp/kv.sock");
    System.out.println("serving on " + server.address()); // until the process is stopped
  }
}
