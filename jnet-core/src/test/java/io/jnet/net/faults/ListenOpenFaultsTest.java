package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.transport.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listen whose socket cannot be opened is Node's listen error, emitted as {@code 'error'}, with
 * nothing left open: out of descriptors Node 24 prints {@code listen EMFILE: too many open files
 * 127.0.0.1} (a listen on no host tries {@code ::}, then reports {@code 0.0.0.0}, and a Unix socket
 * names its path); where there is no IPv6 libuv's {@code socket()} is {@code EAFNOSUPPORT}, and a
 * listen on no host falls back to {@code 0.0.0.0}. Each listen runs in {@link ListenOpenChild}.
 */
@Timeout(120)
class ListenOpenFaultsTest {
  @TempDir Path dir;

  private static List<String> run(List<String> command) throws Exception {
    String shell = "ulimit -n 256 && exec " + Faults.shellQuote(command);
    Process p =
        new ProcessBuilder("bash", "-c", shell)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
    } finally {
      p.destroyForcibly();
      p.waitFor(Faults.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return lines;
  }

  @Test
  void outOfDescriptorsIsListenEmfileAndLeavesNothingOpen() throws Exception {
    String path = dir.resolve("full.sock").toString();
    List<String> command = Faults.javaCommand(ListenOpenChild.class, "emfile", path);
    // Compiler threads started on demand read the memory left (a file) while the table fills.
    command.add(1, "-XX:-UseDynamicNumberOfCompilerThreads");
    List<String> lines = run(command);
    assertEquals(
        List.of(
            "EMFILE listen EMFILE: too many open files 127.0.0.1",
            "EMFILE listen EMFILE: too many open files 0.0.0.0",
            "EMFILE listen EMFILE: too many open files " + path,
            "descriptors +0"),
        lines);
  }

  /** The JDK without IPv6 ({@code java.net.preferIPv4Stack}) is NIO's host without IPv6. */
  @Test
  void noIpv6IsListenEafnosupportAndNoHostFallsBackToIpv4() throws Exception {
    assumeTrue(Transport.current() == Transport.NIO, "NIO's sockets are the JDK's");
    List<String> command = Faults.javaCommand(ListenOpenChild.class, "ipv6");
    command.add(1, "-Djava.net.preferIPv4Stack=true");
    List<String> lines = run(command);
    assertEquals(3, lines.size(), "lines: " + lines);
    assertEquals(
        "EAFNOSUPPORT listen EAFNOSUPPORT: address family not supported ::1", lines.get(0));
    assertEquals(
        true,
        lines.get(1).startsWith("listening ") && lines.get(1).contains("0.0.0.0"),
        lines.get(1));
    assertEquals("descriptors +0", lines.get(2));
  }
}
