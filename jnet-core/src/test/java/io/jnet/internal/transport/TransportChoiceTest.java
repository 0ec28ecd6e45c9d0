package io.jnet.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.loop.EventLoop;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Which transport a loop runs and what happens when the class path lacks part of Netty: each case
 * runs {@link EchoProbe} in a child JVM, some on a class path trimmed of one jar, so that a hang
 * shows as a killed child rather than a stuck build.
 */
class TransportChoiceTest {
  private record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The test class path, less every entry whose file name contains one of {@code without}. */
  private static List<String> classPath(String... without) {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(
            e ->
                Arrays.stream(without)
                    .noneMatch(w -> Path.of(e).getFileName().toString().contains(w)))
        .collect(Collectors.toList());
  }

  private static Result run(List<String> classPath, String transport, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As a user on JDK 24+ would (README): without it the JDK itself warns when Netty loads a
    // native library, and these cases check that jnet says nothing of its own.
    if (Runtime.version().feature() >= 22) cmd.add("--enable-native-access=ALL-UNNAMED");
    if (transport != null) cmd.add("-Djnet.transport=" + transport);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classPath));
    cmd.add(EchoProbe.class.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    // A bound against a hung child only; no assertion is made on time.
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return new Result(-1, out.join(), err.join() + "\n(child JVM hung: killed)\n");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(read failed: " + e + ")";
    }
  }

  private static boolean linux() {
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  @Test
  void aLoopSaysWhichTransportItRuns() {
    String wanted = System.getProperty(Transport.PROPERTY, "auto");
    String actual = EventLoop.defaultLoop().transport();
    assertTrue(List.of("nio", "epoll", "io_uring").contains(actual), actual);
    if (List.of("nio", "epoll").contains(wanted)) assertEquals(wanted, actual);
    assertEquals(Transport.current().id(), actual);
  }

  @Test
  void ioUringEchoesOverTcpAndUnixWhereTheKernelAllowsIt(TestReporter reporter) throws Exception {
    assumeTrue(linux(), "io_uring is Linux only");
    Result r = run(classPath(), "io_uring", "tcp", "unix");
    assertEquals(0, r.exit(), r::toString);
    if (r.out().contains("transport nio\n")) {
      // The kernel (or a seccomp filter) refused io_uring: the fallback is what is under test.
      assertEquals(1, count(r.err(), "io_uring is not available"), r::toString);
      reporter.publishEntry("skipped", "io_uring refused here: " + r.err().strip());
      assumeTrue(false, "io_uring is not available here: " + r.err().strip());
    }
    assertTrue(r.out().contains("transport io_uring\n"), r::toString);
    assertTrue(r.out().contains("tcp echo hello tcp\n"), r::toString);
    assertTrue(r.out().contains("unix echo hello unix\n"), r::toString);
    assertTrue(r.out().contains("tcp closed\n"), r::toString);
    assertTrue(r.out().contains("tcp server closed\n"), r::toString);
    // The client's end() brings its 'close' and the server's close() completes, on a Unix socket
    // that jnet keeps half-open where Netty's io_uring channel would close at the peer's FIN.
    assertTrue(r.out().contains("unix closed\n"), r::toString);
    assertTrue(r.out().contains("unix server closed\n"), r::toString);
  }

  @Test
  void ioUringWithoutItsJarsRunsOnNioAndSaysSoOnce() throws Exception {
    Result r = run(classPath("io_uring"), "io_uring", "tcp");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("transport nio\n"), r::toString);
    assertTrue(r.out().contains("tcp echo hello tcp\n"), r::toString);
    assertTrue(r.out().contains("tcp closed\n"), r::toString);
    assertEquals(1, count(r.err(), "io_uring is not available"), r::toString);
    assertTrue(r.err().contains("netty-transport-classes-io_uring"), r::toString);
  }

  @Test
  void withoutTheEpollNativeJarAutoRunsOnNioQuietly() throws Exception {
    Result r = run(classPath("netty-transport-native-epoll"), "auto", "tcp", "unix");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("transport nio\n"), r::toString);
    assertTrue(r.out().contains("tcp echo hello tcp\n"), r::toString);
    assertTrue(r.out().contains("unix echo hello unix\n"), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void withoutTheEpollJarsAutoRunsOnNioQuietly() throws Exception {
    Result r = run(classPath("epoll"), "auto", "tcp", "unix");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("transport nio\n"), r::toString);
    assertTrue(r.out().contains("tcp echo hello tcp\n"), r::toString);
    assertTrue(r.out().contains("unix echo hello unix\n"), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void withoutTheUnixCommonJarTheFirstLoopFailsWithOneMessage() throws Exception {
    Result r = run(classPath("netty-transport-native-unix-common"), "nio", "tcp");
    assertNotEquals(-1, r.exit(), r::toString); // no hang
    assertNotEquals(0, r.exit(), r::toString);
    assertTrue(
        r.err().contains("jnet needs io.netty:netty-transport-native-unix-common"), r::toString);
  }

  @Test
  void forcedEpollWhereItCannotLoadFailsWithOneMessage() throws Exception {
    Result r = run(classPath("netty-transport-native-epoll"), "epoll", "tcp");
    assertNotEquals(-1, r.exit(), r::toString);
    assertNotEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("-Djnet.transport=epoll but epoll is not available"), r::toString);
  }
}
