package io.jnet.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Node, the oracle, from a test.
 *
 * <p>The oracle is Node 24 LTS, pinned in {@code jnet-core/src/test/node/package.json} and
 * installed there by the Maven build ({@code install-node.sh}, through npm); tests run that binary,
 * never whatever {@code node} is on the PATH. Tests that need a live Node call {@link
 * #assumeAvailable()} first: where the pinned Node is missing (no npm on the machine) the test is
 * skipped with a notice on stderr, except in CI ({@code CI=true}), where a missing Node fails the
 * test. Scripts live under {@code jnet-core/src/test/node/}; {@link #script(String)} finds one from
 * the module directory Surefire runs in.
 */
public final class NodeJs {
  private static final String NODE = findNode();

  private NodeJs() {}

  /** True when the pinned Node is installed. */
  public static boolean available() {
    return NODE != null;
  }

  /** The pinned Node executable's path; the test fails or is skipped when it is missing. */
  public static String executable() {
    assumeAvailable();
    return NODE;
  }

  /** Skips the calling test when Node is missing, or fails it in CI. */
  public static void assumeAvailable() {
    if (NODE != null) return;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("the pinned Node is not installed (" + NODE_MODULES + "), and CI=true requires it");
    }
    System.err.println(
        "NOTICE: the pinned Node is not installed (needs npm; the build runs install-node.sh);"
            + " skipping a test that needs live Node");
    Assumptions.abort("the pinned Node is not installed");
  }

  /** The path of a script under {@code jnet-core/src/test/node/}. */
  public static Path script(String relative) {
    Path here = Paths.get("src/test/node").resolve(relative);
    if (Files.exists(here)) return here.toAbsolutePath();
    Path fromRoot = Paths.get("jnet-core/src/test/node").resolve(relative);
    if (Files.exists(fromRoot)) return fromRoot.toAbsolutePath();
    throw new IllegalArgumentException("no such node script: " + relative);
  }

  /** Starts {@code node script args...} with stderr inherited; the caller owns the process. */
  public static Process start(Path script, String... args) {
    assumeAvailable();
    List<String> command = new ArrayList<>();
    command.add(NODE);
    command.add(script.toString());
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code node script args...} to completion, feeding it {@code stdin}, and returns its
   * stdout as UTF-8. Fails the test when Node exits non-zero or runs longer than 60 seconds.
   */
  public static String run(Path script, byte[] stdin, String... args) {
    Process p = start(script, args);
    try {
      Thread feeder =
          new Thread(
              () -> {
                try (var out = p.getOutputStream()) {
                  out.write(stdin);
                } catch (IOException ignored) {
                  // node exited early; its exit code tells the story
                }
              },
              "node-stdin");
      feeder.start();
      // Read stdout beside the wait, so a Node script that hangs fails the test at the bound
      // instead of blocking the read forever.
      CompletableFuture<byte[]> stdout =
          CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        fail(
            "node "
                + script.getFileName()
                + " "
                + String.join(" ", args)
                + " did not exit within 60 s");
      }
      byte[] out = stdout.join();
      feeder.join();
      if (p.exitValue() != 0) fail("node " + script.getFileName() + " exited " + p.exitValue());
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** {@link #run(Path, byte[], String...)} with empty stdin. */
  public static String run(Path script, String... args) {
    return run(script, new byte[0], args);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String NODE_MODULES = "jnet-core/src/test/node/node_modules";

  private static String findNode() {
    for (String root :
        new String[] {"src/test/node", "jnet-core/src/test/node", "../jnet-core/src/test/node"}) {
      Path candidate = Paths.get(root, "node_modules", "node", "bin", "node");
      if (Files.isExecutable(candidate)) return candidate.toAbsolutePath().normalize().toString();
    }
    return null;
  }
}
