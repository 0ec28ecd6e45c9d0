package io.jnet.cli;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code jnet echo}: an echo server that logs each connection and its byte counts. */
final class EchoCommand {
  static final String HELP =
      String.join(
          "\n",
          "usage: jnet echo [-v] [--unlink] [HOST:]PORT | unix:PATH",
          "",
          "Echoes every byte back to its sender. Logs 'connection', then 'closed' with the bytes",
          "read and written, for each client. Without HOST it listens on every interface (:: or",
          "0.0.0.0, as Node does). SIGINT or SIGTERM closes the server (a unix socket file is",
          "removed) and exits 0; an address in use exits 1 naming EADDRINUSE.",
          "",
          "  -v, --verbose   add each connection's duration to its 'closed' line (time=1.234s)",
          "  --unlink        remove a stale unix socket file at PATH first (socat's",
          "                  unlink-early); a file a server still answers on is left alone");

  static final Set<Options.Flag> FLAGS = Set.of(Options.VERBOSE, Options.UNLINK);

  private EchoCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Options.UsageException {
    Options o = Options.parse(args, FLAGS);
    if (o.has(Options.HELP)) {
      out.println(HELP);
      return 0;
    }
    if (o.operands().size() != 1) {
      err.println(HELP);
      return 2;
    }
    Address address = Address.parse(o.operands().get(0), null);
    boolean verbose = o.has(Options.VERBOSE);
    Set<Socket> open = ConcurrentHashMap.newKeySet();
    Server server =
        Net.createServer(
            socket -> {
              open.add(socket);
              socket.once(Socket.CLOSE, () -> open.remove(socket));
              String peer = peerOf(socket);
              long start = System.nanoTime();
              out.println("connection from " + peer);
              socket.on(Socket.ERROR, e -> out.println("error " + peer + " " + e.code()));
              socket.once(
                  Socket.CLOSE,
                  hadError ->
                      out.println(
                          "closed "
                              + peer
                              + " read="
                              + socket.bytesRead()
                              + " written="
                              + socket.bytesWritten()
                              + (verbose ? " time=" + Progress.seconds(start) : "")));
              socket.pipe(socket);
            });
    // Before listen: its callback (the line a caller waits for) may run at once on the loop.
    closeOnSignal(server, open);
    Serving.listen(
        "echo",
        server,
        address,
        o.has(Options.UNLINK),
        out,
        err,
        () -> out.println("listening on " + server.address()));
    return -1;
  }

  static String peerOf(Socket socket) {
    String remote = socket.remoteAddress();
    if (remote == null) return "unix socket";
    return (remote.contains(":") ? "[" + remote + "]" : remote) + ":" + socket.remotePort();
  }

  /**
   * SIGINT/SIGTERM close the server, give connections a moment, then exit 0.
   *
   * <p>Signal handlers rather than a shutdown hook: a JVM shut down by a signal exits 128+signal
   * whatever its hooks do, and the command promises 0 for a clean close.
   */
  static void closeOnSignal(Server server, Set<Socket> open) {
    SignalHandler close =
        signal -> {
          CountDownLatch closed = new CountDownLatch(1);
          server.close(e -> closed.countDown());
          try {
            if (!closed.await(500, TimeUnit.MILLISECONDS)) {
              open.forEach(Socket::destroy);
              closed.await(500, TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          System.exit(0);
        };
    Signal.handle(new Signal("INT"), close);
    Signal.handle(new Signal("TERM"), close);
  }
}
