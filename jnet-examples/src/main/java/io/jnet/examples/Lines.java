package io.jnet.examples;

import io.jnet.net.Socket;
import java.util.function.Consumer;

/**
 * Splits what a socket receives into lines (without their {@code \n}), as a line protocol reads.
 */
final class Lines {
  private Lines() {}

  /** Calls {@code onLine} with each complete line {@code socket} receives, on its loop. */
  static void of(Socket socket, Consumer<String> onLine) {
    StringBuilder pending = new StringBuilder();
    socket.setEncoding("utf8");
    socket.on(
        Socket.TEXT,
        text -> {
          pending.append(text);
          for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
            String line = pending.substring(0, nl);
            pending.delete(0, nl + 1);
            onLine.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
          }
        });
  }
}
