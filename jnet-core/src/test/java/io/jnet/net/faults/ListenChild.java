package io.jnet.net.faults;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A server in a child JVM for the fault cases that need one: {@code unix PATH} or {@code tcp PORT}.
 * It prints {@code listening}, or the listen error's code and message, then waits for a line on
 * stdin (or its death) and exits.
 */
public final class ListenChild {
  private ListenChild() {}

  public static void main(String[] args) throws Exception {
    ListenOptions options =
        args[0].equals("unix")
            ? ListenOptions.path(args[1])
            : ListenOptions.port(Integer.parseInt(args[1])).host("127.0.0.1");
    Server server = Net.createServer(s -> s.on(io.jnet.net.Socket.DATA, b -> s.write(b)));
    CompletableFuture<?> listening = server.listenAsync(options);
    try {
      listening.get();
      System.out.println("listening");
    } catch (ExecutionException e) {
      JnetException error = (JnetException) e.getCause();
      System.out.println(error.code() + " " + error.getMessage());
    }
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.exit(0);
  }
}
