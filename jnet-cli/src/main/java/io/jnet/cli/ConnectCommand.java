package io.jnet.cli;

import io.jnet.buffer.Buffer;
import io.jnet.net.Net;
import io.jnet.net.Socket;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code jnet connect}: stdin to a socket, the socket to stdout, like {@code nc}.
 *
 * <p>stdin is read on a thread of its own and written to the socket from there (jnet takes writes
 * from any thread); when {@code write} returns false the reader waits for {@code 'drain'}, so a
 * slow peer slows the reader instead of filling memory. End of stdin ends the socket's writable
 * side (half-close); the command exits when the socket closes. A closed stdout destroys the socket
 * and exits 1, as {@code nc} stops on SIGPIPE.
 */
final class ConnectCommand {
  static final String HELP =
      String.join(
          "\n",
          "usage: jnet connect HOST:PORT | unix:PATH",
          "",
          "Copies stdin to the socket and the socket to stdout. End of stdin sends FIN; the",
          "command exits 0 when the peer has ended too. A failed connection prints Node's",
          "error (for example 'connect ECONNREFUSED 127.0.0.1:1') and exits 1.");

  private ConnectCommand() {}

  static int run(String[] args, PrintStream err) {
    if (Main.wantsHelp(args)) {
      System.out.println(HELP);
      return 0;
    }
    if (args.length != 1) {
      err.println(HELP);
      return 2;
    }
    Address address;
    try {
      address = Address.parse(args[0], "localhost");
    } catch (IllegalArgumentException e) {
      err.println("jnet connect: " + e.getMessage());
      return 2;
    }
    PrintStream out = System.out;
    AtomicInteger exit = new AtomicInteger(0);
    Semaphore drained = new Semaphore(0);
    Socket socket = Net.connect(address.connectOptions().allowHalfOpen(true));
    socket.on(
        Socket.DATA,
        chunk -> {
          out.write(chunk.array(), chunk.arrayOffset(), chunk.length());
          // The JVM ignores SIGPIPE, so a closed stdout (`| head`) shows only as a write error.
          if (out.checkError()) {
            exit.set(1);
            socket.destroy();
          }
        });
    socket.on(Socket.END, out::flush);
    socket.on(Socket.DRAIN, () -> drained.release());
    socket.on(
        Socket.ERROR,
        e -> {
          err.println("jnet connect: " + e.getMessage());
          exit.set(1);
        });
    socket.on(
        Socket.CLOSE,
        () -> {
          out.flush();
          System.exit(exit.get());
        });
    socket.on(Socket.CONNECT, () -> startStdinPump(System.in, socket, drained));
    return -1;
  }

  private static void startStdinPump(InputStream in, Socket socket, Semaphore drained) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  if (n == 0) continue;
                  if (!socket.write(Buffer.from(buf, 0, n))) drained.acquire();
                }
              } catch (IOException e) {
                System.err.println("jnet connect: stdin: " + e.getMessage());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              socket.end();
            },
            "jnet-stdin");
    pump.setDaemon(true);
    pump.start();
  }
}
