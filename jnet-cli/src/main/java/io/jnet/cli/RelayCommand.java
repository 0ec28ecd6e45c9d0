package io.jnet.cli;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code jnet relay FROM TO}: accepts on FROM and copies each connection both ways to a new
 * connection to TO, like {@code socat}.
 *
 * <p>Both directions are pipes, so backpressure holds end to end; both sides allow half-open, so
 * one side's FIN travels to the other and the reverse direction keeps flowing until it ends too. An
 * error on either side destroys both.
 */
final class RelayCommand {
  static final String HELP =
      String.join(
          "\n",
          "usage: jnet relay FROM TO",
          "",
          "Listens on FROM; for each client, connects to TO and copies bytes both ways, with",
          "backpressure and half-close. FROM and TO are [HOST:]PORT, tcp:[HOST:]PORT or",
          "unix:PATH, e.g. 'jnet relay tcp:8080 unix:/run/app.sock'.");

  private RelayCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Main.wantsHelp(args)) {
      out.println(HELP);
      return 0;
    }
    if (args.length != 2) {
      err.println(HELP);
      return 2;
    }
    Address from;
    Address to;
    try {
      from = Address.parse(args[0], null);
      to = Address.parse(args[1], "localhost");
    } catch (IllegalArgumentException e) {
      err.println("jnet relay: " + e.getMessage());
      return 2;
    }
    Set<Socket> open = ConcurrentHashMap.newKeySet();
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true).pauseOnConnect(true),
            client -> {
              Socket upstream = Net.connect(to.connectOptions().allowHalfOpen(true));
              open.add(client);
              open.add(upstream);
              String peer = EchoCommand.peerOf(client);
              out.println("relay " + peer + " -> " + to);
              client.on(
                  Socket.ERROR,
                  e -> {
                    out.println("error " + peer + " " + e.code());
                    upstream.destroy();
                  });
              upstream.on(
                  Socket.ERROR,
                  e -> {
                    out.println("error " + to + " " + e.code());
                    client.destroy();
                  });
              client.once(Socket.CLOSE, () -> open.remove(client));
              upstream.once(Socket.CLOSE, () -> open.remove(upstream));
              upstream.once(
                  Socket.CONNECT,
                  () -> {
                    client.pipe(upstream);
                    upstream.pipe(client);
                  });
            });
    server.on(
        Server.ERROR,
        e -> {
          err.println("jnet relay: " + e.getMessage() + " (" + e.code() + ")");
          System.exit(1);
        });
    server.listen(
        from.listenOptions(), () -> out.println("relaying " + server.address() + " to " + to));
    EchoCommand.closeOnSignal(server, open);
    return -1;
  }
}
