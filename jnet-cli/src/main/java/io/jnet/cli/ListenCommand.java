package io.jnet.cli;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code jnet listen ADDR}: waits for a client and pipes it to stdin and stdout, like {@code ncat
 * -l}.
 *
 * <p>Without {@code --keep-open} the server stops listening at its first connection (a unix socket
 * file is removed then) and the command exits when that connection closes. With it, connections are
 * served one at a time in arrival order: the others wait, paused, until the one before them closes.
 * The data paths are {@link ConnectCommand}'s: {@link StdinPump} and {@link Stdout}, both with
 * backpressure.
 */
final class ListenCommand {
  static final String HELP =
      String.join(
          "\n",
          "usage: jnet listen [-k] [-v] [--unlink] [--no-shutdown] [--progress[=WHEN]]"
              + " [HOST:]PORT | unix:PATH",
          "",
          "Waits for one client, then copies stdin to it and it to stdout, like ncat -l. At the",
          "end of stdin it sends FIN and keeps copying until the client ends too; the command",
          "then exits 0. Without HOST it listens on every interface (:: or 0.0.0.0). An address",
          "in use exits 1 naming EADDRINUSE.",
          "",
          "  -k, --keep-open      after a client closes, serve the next (one at a time, in",
          "                       order); stdin goes to the client being served. Runs until",
          "                       SIGINT or SIGTERM (a unix socket file is then removed)",
          "  --unlink             remove a stale unix socket file at PATH first (socat's",
          "                       unlink-early); a file a server still answers on is left alone",
          "  --no-shutdown        at the end of stdin send nothing; wait for the client to end",
          "  -v, --verbose        log 'listening on', each connection, and its bytes each way",
          "                       and time at its close (on stderr); implies --progress",
          "  --progress[=WHEN]    a live line on stderr: bytes sent and received, rate, elapsed",
          "                       time, at most 4 times a second. WHEN is auto (the default:",
          "                       when stderr is a terminal and stdout is not), always or never");

  static final Set<Options.Flag> FLAGS =
      Set.of(
          Options.VERBOSE,
          Options.PROGRESS,
          Options.KEEP_OPEN,
          Options.UNLINK,
          Options.NO_SHUTDOWN);

  private final boolean keepOpen;
  private final boolean verbose;
  private final PrintStream err;
  private final Progress progress;
  private final Stdout stdout = new Stdout();
  private final StdinPump pump;
  private final Server server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger exit = new AtomicInteger(0);
  private final ArrayDeque<Socket> waiting = new ArrayDeque<>(); // loop thread only
  private Socket current; // loop thread only
  private boolean served; // loop thread only

  private ListenCommand(Options o, PrintStream err) throws Options.UsageException {
    this.keepOpen = o.has(Options.KEEP_OPEN);
    this.verbose = o.has(Options.VERBOSE);
    this.err = err;
    this.progress = new Progress(o.progressMode(), err, false, true);
    boolean shutdown = !o.has(Options.NO_SHUTDOWN);
    this.pump = new StdinPump(System.in, shutdown, progress, err, "listen");
    this.server =
        Net.createServer(
            ServerOptions.defaults().allowHalfOpen(shutdown).pauseOnConnect(true), this::accept);
  }

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
    ListenCommand listen = new ListenCommand(o, err);
    // Before listen: its callback (the line a caller waits for) may run at once on the loop.
    EchoCommand.closeOnSignal(listen.server, listen.open);
    Serving.listen(
        "listen",
        listen.server,
        address,
        o.has(Options.UNLINK),
        err,
        err,
        () -> {
          if (listen.verbose) listen.progress.log(err, "listening on " + listen.server.address());
        });
    return -1;
  }

  private void accept(Socket socket) {
    open.add(socket);
    socket.once(Socket.CLOSE, () -> open.remove(socket));
    if (!keepOpen) {
      if (served) {
        socket.destroy();
        return;
      }
      served = true;
      server.close();
    }
    if (current == null) {
      serve(socket);
    } else {
      waiting.add(socket);
      socket.once(Socket.CLOSE, () -> waiting.remove(socket));
    }
  }

  private void serve(Socket socket) {
    current = socket;
    long start = System.nanoTime();
    String peer = EchoCommand.peerOf(socket);
    if (verbose) progress.log(err, "connection from " + peer);
    socket.on(
        Socket.DATA,
        chunk -> {
          progress.received.addAndGet(chunk.length());
          if (!stdout.write(chunk)) {
            exit.set(1);
            socket.destroy();
          }
        });
    socket.on(
        Socket.ERROR,
        e -> {
          progress.log(err, "jnet listen: " + peer + ": " + e.getMessage());
          if (!keepOpen) exit.set(1);
        });
    socket.once(
        Socket.CLOSE,
        () -> {
          if (verbose) {
            progress.log(
                err,
                "closed "
                    + peer
                    + " read="
                    + socket.bytesRead()
                    + " written="
                    + socket.bytesWritten()
                    + " time="
                    + Progress.seconds(start));
          }
          current = null;
          if (!keepOpen || exit.get() != 0) {
            progress.finish();
            System.exit(exit.get());
          }
          Socket next = waiting.poll();
          if (next != null) serve(next);
        });
    pump.attach(socket);
    socket.resume();
  }
}
