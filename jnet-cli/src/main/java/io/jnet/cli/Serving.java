package io.jnet.cli;

import io.jnet.net.Server;
import java.io.IOException;
import java.io.PrintStream;

/** What the commands that listen share: {@code --unlink}, and a listen error that exits 1. */
final class Serving {
  private Serving() {}

  /**
   * Listens on {@code address}, first removing a stale socket file there when {@code unlink} (and
   * saying so on {@code log}). A listen error prints Node's message, plus a hint where Node's word
   * misleads, and exits 1.
   */
  static void listen(
      String command,
      Server server,
      Address address,
      boolean unlink,
      PrintStream log,
      PrintStream err,
      Runnable onListening) {
    if (unlink && address.isPipe()) {
      try {
        String removed = UnixPath.unlinkStale(address.path());
        if (removed != null) log.println(removed);
      } catch (IOException e) {
        err.println("jnet " + command + ": --unlink: " + e.getMessage());
        System.exit(1);
      }
    }
    server.on(
        Server.ERROR,
        e -> {
          err.println("jnet " + command + ": " + e.getMessage() + UnixPath.hint(e, address));
          System.exit(1);
        });
    server.listen(address.listenOptions(), onListening);
  }
}
