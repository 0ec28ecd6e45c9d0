package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listening where it must fail, as Node 24 fails: a SIGKILLed server's stale socket file and a live
 * server's file are {@code listen EADDRINUSE: address already in use PATH} (never a silent
 * takeover; a connect to the stale file is {@code ECONNREFUSED}), a busy TCP port is {@code
 * EADDRINUSE}, and a privileged port for an unprivileged user is {@code listen EACCES: permission
 * denied 127.0.0.1:80}. Each failure leaves the server not listening and nothing open.
 */
@Timeout(120)
class ListenFaultsTest {
  @TempDir Path dir;

  private static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  private static JnetException listenError(ListenOptions options) throws Exception {
    Server server = Net.createServer();
    CompletableFuture<?> f = server.listenAsync(options);
    try {
      f.get(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertFalse(server.listening(), "listening after a failed listen");
      return (JnetException) e.getCause();
    }
    Faults.close(server);
    throw new AssertionError("listen succeeded: the file or port was taken over");
  }

  @Test
  void sigkilledServersStaleFileIsAddressInUseNeverATakeover() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("stale.sock").toString();
    // An io_uring child's listening socket outlives its SIGKILL a moment (the kernel tears its
    // ring down asynchronously, and the ring's pending accept holds the socket): a connect is
    // then accepted and reset (ECONNRESET). The child's transport is not under test here.
    List<String> command = Faults.javaCommand(ListenChild.class, "unix", path);
    command.replaceAll(a -> a.equals("-Djnet.transport=io_uring") ? "-Djnet.transport=auto" : a);
    Process child = start(command);
    try {
      assertEquals("listening", firstLine(child));
    } finally {
      child.destroyForcibly(); // SIGKILL: the file stays behind
    }
    assertTrue(child.waitFor(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS), "the child died");
    assertTrue(Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS), "the stale file");
    JnetException e = listenError(ListenOptions.path(path));
    assertEquals(
        List.of("EADDRINUSE", "listen EADDRINUSE: address already in use " + path),
        List.of(e.code(), e.getMessage()));
    Faults.Events refused = new Faults.Events();
    Socket c = new Socket();
    c.on(Socket.ERROR, err -> refused.errors.add(err.code()));
    c.on(Socket.CLOSE, refused.closed::complete);
    c.connect(path);
    Faults.await(refused.closed, "the connect's 'close'");
    assertEquals(List.of("ECONNREFUSED"), refused.errors);
    assertTrue(Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS), "the file is left alone");
    base.assertBack();
  }

  @Test
  void liveServersFileIsAddressInUseAndItKeepsServing() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    String path = dir.resolve("live.sock").toString();
    Server first = Net.createServer(s -> s.on(Socket.DATA, b -> s.end(b)));
    Faults.await(first.listenAsync(ListenOptions.path(path)), "'listening'");
    JnetException e = listenError(ListenOptions.path(path));
    assertEquals("EADDRINUSE", e.code());
    CompletableFuture<String> echoed = new CompletableFuture<>();
    Socket c = new Socket();
    c.on(Socket.DATA, b -> echoed.complete(b.toString()));
    c.on(Socket.CLOSE, h -> {});
    c.connect(path);
    c.write("still mine");
    assertEquals("still mine", Faults.await(echoed, "the echo"));
    Faults.close(first);
    assertFalse(Files.exists(Path.of(path)), "the first server removed its file");
    base.assertBack();
  }

  @Test
  void busyTcpPortIsAddressInUse() throws Exception {
    Faults.Baseline base = Faults.Baseline.take();
    Server first = Net.createServer();
    int port = Faults.listen(first);
    for (int i = 0; i < 100; i++) {
      JnetException e = listenError(ListenOptions.port(port).host("127.0.0.1"));
      assertEquals(
          List.of("EADDRINUSE", "listen EADDRINUSE: address already in use 127.0.0.1:" + port),
          List.of(e.code(), e.getMessage()));
    }
    Faults.close(first);
    base.assertBack();
  }

  /**
   * Runs the child as user nobody through {@code setpriv}; its class path is copied where nobody
   * can read it. Skipped, with the reason, where the machine cannot show it.
   */
  @Test
  void privilegedPortForAnUnprivilegedUserIsPermissionDenied() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")), "no /usr/bin/setpriv to become nobody");
    int unprivilegedStart =
        Integer.parseInt(
            Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"))
                .get(0)
                .trim());
    assumeTrue(
        unprivilegedStart > 80,
        "net.ipv4.ip_unprivileged_port_start is "
            + unprivilegedStart
            + ": port 80 is not privileged");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd = Faults.javaCommand(ListenChild.class, "tcp", "80");
    int cp = cmd.indexOf("-cp") + 1;
    List<String> readable = new ArrayList<>();
    for (String entry : cmd.get(cp).split(File.pathSeparator)) {
      Path from = Path.of(entry);
      if (Files.isDirectory(from)) {
        readable.add(entry); // the build's own directories are readable by everyone
      } else {
        Path to = dir.resolve(readable.size() + "-" + from.getFileName());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        readable.add(to.toString());
      }
    }
    cmd.set(cp, String.join(File.pathSeparator, readable));
    List<String> command =
        new ArrayList<>(
            List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    command.addAll(cmd);
    Process child = start(command);
    try {
      String line = firstLine(child);
      assumeTrue(line != null, "the child JVM could not start as nobody (see its stderr)");
      assertEquals("EACCES listen EACCES: permission denied 127.0.0.1:80", line);
    } finally {
      child.destroyForcibly();
      child.waitFor(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
