package io.jnet.cli;

import io.jnet.net.Net;
import io.jnet.net.Socket;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code jnet connect}: stdin to a socket, the socket to stdout, like {@code nc}.
 *
 * <p>stdin is pumped by a {@link StdinPump} (backpressure: it waits for {@code 'drain'}), the
 * socket's bytes go to {@link Stdout} on the loop (backpressure: the loop reads no more while
 * stdout is full). End of stdin ends the socket's writable side (half-close, {@code nc -N}); the
 * command exits when the socket closes. A closed stdout destroys the socket and exits 1, as {@code
 * nc} stops on SIGPIPE.
 */
final class ConnectCommand {
  static final String HELP =
      String.join(
          "\n",
          "usage: jnet connect [-v] [-w SECONDS] [--no-shutdown] [--progress[=WHEN]]"
              + " HOST:PORT | unix:PATH",
          "",
          "Copies stdin to the socket and the socket to stdout, like nc. At the end of stdin it",
          "sends FIN (shutdown(SHUT_WR), what nc -N and ncat do) and keeps copying the socket to",
          "stdout until the peer ends too; then it exits 0. If the peer ends first, stdin still",
          "flows until it ends. A failed connection prints Node's error (for example 'connect",
          "ECONNREFUSED 127.0.0.1:1') and exits 1; so does a closed stdout.",
          "",
          "  -w, --wait SECONDS   give up if connecting takes longer (exit 1, 'connect timed",
          "                       out'), or close once no byte has moved either way for that",
          "                       long (exit 0, as nc -w)",
          "  --no-shutdown        at the end of stdin send nothing and wait for the peer to end",
          "                       (nc without -N); a FIN from the peer then ends the connection",
          "  -v, --verbose        say when connected and, at the close, the bytes each way and",
          "                       the time; implies --progress",
          "  --progress[=WHEN]    a live line on stderr: bytes sent and received, rate, elapsed",
          "                       time, at most 4 times a second. WHEN is auto (the default:",
          "                       when stderr is a terminal and stdout is not), always or never");

  static final Set<Options.Flag> FLAGS =
      Set.of(Options.VERBOSE, Options.PROGRESS, Options.WAIT, Options.NO_SHUTDOWN);

  private ConnectCommand() {}

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
    Address address = Address.parse(o.operands().get(0), "localhost");
    long waitMillis = o.waitMillis();
    boolean verbose = o.has(Options.VERBOSE);
    boolean shutdown = !o.has(Options.NO_SHUTDOWN);
    Progress progress = new Progress(o.progressMode(), err, false, true);
    Stdout stdout = new Stdout();
    StdinPump pump = new StdinPump(System.in, shutdown, progress, err, "connect");
    AtomicInteger exit = new AtomicInteger(0);
    long start = System.nanoTime();
    Socket socket = Net.connect(address.connectOptions().allowHalfOpen(shutdown));
    if (waitMillis > 0) {
      socket.setTimeout(
          waitMillis,
          () -> {
            if (socket.connecting()) {
              progress.log(
                  err,
                  "jnet connect: connect timed out after " + seconds(waitMillis) + ": " + address);
              exit.set(1);
            } else if (verbose) {
              progress.log(err, "jnet connect: idle for " + seconds(waitMillis) + ", closing");
            }
            socket.destroy();
          });
    }
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
          progress.log(err, "jnet connect: " + e.getMessage() + UnixPath.hint(e, address));
          exit.set(1);
        });
    socket.on(
        Socket.CONNECT,
        () -> {
          if (verbose) progress.log(err, "connected to " + address);
          pump.attach(socket);
        });
    socket.on(
        Socket.CLOSE,
        () -> {
          progress.finish();
          if (verbose && exit.get() == 0) {
            err.println(
                "closed "
                    + address
                    + " read="
                    + socket.bytesRead()
                    + " written="
                    + socket.bytesWritten()
                    + " time="
                    + Progress.seconds(start));
          }
          System.exit(exit.get());
        });
    return -1;
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }
}
