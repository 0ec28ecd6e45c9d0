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
          "usage: jnet relay [-v] [--unlink] [--progress[=WHEN]] FROM TO",
          "",
          "Listens on FROM; for each client, connects to TO and copies bytes both ways, with",
          "backpressure and half-close. FROM and TO are [HOST:]PORT, tcp:[HOST:]PORT or",
          "unix:PATH, e.g. 'jnet relay tcp:8080 unix:/run/app.sock'. Logs each relayed client",
          "and each error on stdout.",
          "",
          "  -v, --verbose       log each connection's close: bytes read from and written to",
          "                      the client, and its duration; implies --progress",
          "  --unlink            remove a stale unix socket file at FROM first (socat's",
          "                      unlink-early); a file a server still answers on is left alone",
          "  --progress[=WHEN]   a live line on stderr: open connections, bytes sent to TO and",
          "                      received from it, rate, elapsed time, at most 4 times a",
          "                      second. WHEN is auto (when stderr is a terminal; the",
          "                      default), always or never");

  static final Set<Options.Flag> FLAGS = Set.of(Options.VERBOSE, Options.PROGRESS, Options.UNLINK);

  private RelayCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Options.UsageException {
    Options o = Options.parse(args, FLAGS);
    if (o.has(Options.HELP)) {
      out.println(HELP);
      return 0;
    }
    if (o.operands().size() != 2) {
      err.println(HELP);
      return 2;
    }
    Address from = Address.parse(o.operands().get(0), null);
    Address to = Address.parse(o.operands().get(1), "localhost");
    boolean verbose = o.has(Options.VERBOSE);
    Progress progress = new Progress(o.progressMode(), err, true, false);
    Set<Socket> open = ConcurrentHashMap.newKeySet();
    Server server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(true).pauseOnConnect(true),
            client -> {
              Socket upstream = Net.connect(to.connectOptions().allowHalfOpen(true));
              open.add(client);
              open.add(upstream);
              String peer = EchoCommand.peerOf(client);
              long start = System.nanoTime();
              progress.open.incrementAndGet();
              progress.log(out, "relay " + peer + " -> " + to);
              client.on(Socket.DATA, c -> progress.sent.addAndGet(c.length()));
              upstream.on(Socket.DATA, c -> progress.received.addAndGet(c.length()));
              client.on(
                  Socket.ERROR,
                  e -> {
                    progress.log(out, "error " + peer + " " + e.code());
                    upstream.destroy();
                  });
              upstream.on(
                  Socket.ERROR,
                  e -> {
                    progress.log(out, "error " + to + " " + e.code());
                    client.destroy();
                  });
              client.once(
                  Socket.CLOSE,
                  () -> {
                    progress.open.decrementAndGet();
                    if (verbose) {
                      progress.log(
                          out,
                          "closed "
                              + peer
                              + " read="
                              + client.bytesRead()
                              + " written="
                              + client.bytesWritten()
                              + " time="
                              + Progress.seconds(start));
                    }
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
    // Before listen: its callback (the line a caller waits for) may run at once on the loop.
    EchoCommand.closeOnSignal(server, open);
    Serving.listen(
        "relay",
        server,
        from,
        o.has(Options.UNLINK),
        out,
        err,
        () -> progress.log(out, "relaying " + server.address() + " to " + to));
    return -1;
  }
}
