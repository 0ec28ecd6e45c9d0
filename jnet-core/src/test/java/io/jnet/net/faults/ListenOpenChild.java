package io.jnet.net.faults;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Listens where the listening socket itself cannot be opened, in a child JVM: {@code emfile PATH}
 * fills the descriptor table first, then listens on {@code 127.0.0.1}, on no host and on the Unix
 * socket {@code PATH}; {@code ipv6 } listens on {@code ::1} and on no host (run where the JVM has
 * no IPv6). Each first listens once where it works, so that no class is loaded, and no file opened,
 * for the first time while the table is full. Prints one line per listen ({@code code message}, or
 * {@code listening address}), then {@code descriptors +N}, how many more are open than before, and
 * exits.
 */
public final class ListenOpenChild {
  private ListenOpenChild() {}

  public static void main(String[] args) throws Exception {
    warmUp(args.length > 1 ? args[1] + ".warm" : null);
    long before = openDescriptors();
    List<ListenOptions> cases = new ArrayList<>();
    if (args[0].equals("emfile")) {
      cases.add(ListenOptions.port(0).host("127.0.0.1"));
      cases.add(ListenOptions.port(0));
      cases.add(ListenOptions.path(args[1]));
    } else {
      cases.add(ListenOptions.port(0).host("::1"));
      cases.add(ListenOptions.port(0));
    }
    List<String> lines = new ArrayList<>();
    List<InputStream> filler = new ArrayList<>();
    for (ListenOptions o : cases) {
      if (!args[0].equals("emfile")) {
        lines.add(listen(o, null));
        continue;
      }
      // A JVM thread may hold a descriptor for a moment while the table fills (a compiler thread
      // reads /proc or the cgroup files for the memory it may use) and free it before the listen:
      // then the table was not full. A listen that works where it should fail works every time.
      String line = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        line = listen(o, filler);
        if (!line.startsWith("listening ")) break;
        for (InputStream in : filler) in.close();
        filler.clear();
      }
      lines.add(line);
    }
    for (InputStream in : filler) in.close();
    for (String line : lines) System.out.println(line);
    System.out.println("descriptors +" + (openDescriptors() - before));
    System.out.flush();
    System.exit(0);
  }

  /**
   * One listen: its error's code and message, or its address (the server then closed). With a
   * {@code filler}, the descriptor table is filled on the server's loop right before the listen, in
   * the same task: a descriptor the loop closes late (NIO closes a channel at its next select) can
   * then not be free for the listen's socket.
   */
  private static String listen(ListenOptions o, List<InputStream> filler) throws Exception {
    Server server = Net.createServer();
    CompletableFuture<String> outcome = new CompletableFuture<>();
    server.on(Server.ERROR, e -> outcome.complete(e.code() + " " + e.getMessage()));
    server.on(Server.LISTENING, () -> outcome.complete("listening " + server.address()));
    server
        .loop()
        .execute(
            () -> {
              if (filler != null) filler.addAll(fillDescriptorTable());
              server.listen(o);
            });
    String line;
    try {
      line = outcome.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      line = "no outcome";
    }
    if (server.listening()) {
      CompletableFuture<Object> closed = new CompletableFuture<>();
      server.close(e -> closed.complete(null));
      closed.get(20, TimeUnit.SECONDS);
    }
    return line;
  }

  /** A listen that works and one that fails, so that nothing is loaded for the first time later. */
  private static void warmUp(String path) throws Exception {
    if (path != null) {
      Server pipe = Net.createServer();
      pipe.listenAsync(ListenOptions.path(path)).get(20, TimeUnit.SECONDS);
      pipe.closeAsync().get(20, TimeUnit.SECONDS);
    }
    Server first = Net.createServer();
    first.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get(20, TimeUnit.SECONDS);
    Server second = Net.createServer();
    try {
      second.listenAsync(ListenOptions.port(first.address().port()).host("127.0.0.1")).get();
    } catch (java.util.concurrent.ExecutionException expected) {
      JnetException e = (JnetException) expected.getCause();
      e.code();
    }
    first.closeAsync().get(20, TimeUnit.SECONDS);
  }

  private static List<InputStream> fillDescriptorTable() {
    List<InputStream> open = new ArrayList<>();
    try {
      while (true) open.add(new FileInputStream("/dev/null"));
    } catch (IOException full) {
      return open;
    }
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
