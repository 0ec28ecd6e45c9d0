package io.jnet.cli;

import io.jnet.buffer.Buffer;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The training run for the class-data archive the build makes ({@code target/jnet.jsa}): loads the
 * classes a typical {@code jnet} run loads, then exits 0.
 *
 * <p>The build runs it with {@code -XX:ArchiveClassesAtExit}; {@code ./jnet} then starts the tool
 * with {@code -XX:SharedArchiveFile}, so those classes are mapped from the archive instead of being
 * read, verified and linked again at each start. It parses every command's help and options, then
 * moves a few bytes over TCP and over a Unix socket through jnet, as connect, listen, echo and
 * relay do.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    for (String[] a :
        new String[][] {
          {"--help"}, {"--version"}, {"connect", "--help"}, {"listen", "--help"},
          {"echo", "--help"}, {"relay", "--help"}, {"connect", "--frob"}, {"connect", "udp:1"}
        }) {
      Main.run(a, discard, discard);
    }
    Options.parse(
        new String[] {"-v", "-w", "1", "--progress=never", "--no-shutdown", "x"},
        ConnectCommand.FLAGS);
    new Progress(Progress.Mode.NEVER, discard, true, false).log(discard, "");
    for (String c : new String[] {"StdinPump", "Stdout", "UnixPath", "Serving", "ListenCommand"}) {
      Class.forName(CdsTraining.class.getPackageName() + "." + c);
    }
    Path dir = Files.createTempDirectory("jnet-cds");
    try {
      exchange(Address.parse("127.0.0.1:0", null));
      exchange(Address.parse("unix:" + dir.resolve("t.sock"), null));
    } finally {
      Files.deleteIfExists(dir.resolve("t.sock"));
      Files.deleteIfExists(dir);
    }
    System.exit(0);
  }

  /** A server on {@code address} echoes one client's bytes; the client ends, both close. */
  private static void exchange(Address address) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(2);
    Server server =
        Net.createServer(
            socket -> {
              socket.once(Socket.CLOSE, closed::countDown);
              socket.pipe(socket);
            });
    // A failure only makes the archive smaller: it ends the wait instead of holding the build.
    server.on(
        Server.ERROR,
        e -> {
          closed.countDown();
          closed.countDown();
        });
    server.listen(
        address.listenOptions(),
        () -> {
          Socket client =
              Net.connect(
                  address.isPipe()
                      ? address.connectOptions()
                      : ConnectOptions.port(server.address().port()).host(address.host()));
          client.on(Socket.DATA, chunk -> chunk.length());
          client.once(Socket.CLOSE, closed::countDown);
          client.on(Socket.ERROR, e -> closed.countDown());
          client.on(Socket.CONNECT, () -> client.end(Buffer.from(new byte[] {1, 2, 3})));
        });
    closed.await(10, TimeUnit.SECONDS);
    server.close();
  }
}
