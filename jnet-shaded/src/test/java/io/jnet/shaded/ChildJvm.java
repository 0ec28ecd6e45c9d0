package io.jnet.shaded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs a main class in a child JVM on a class path of its own, and returns what it printed. */
final class ChildJvm {
  /** The output (stdout then stderr) and exit status of a finished child. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private ChildJvm() {}

  static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null)
      throw new IllegalStateException("-D" + name + " is not set (run by failsafe)");
    return Path.of(value);
  }

  /** Every jar of {@code dir}, in name order. */
  static List<Path> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
    }
  }

  /** The class path entry holding {@code type}. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result run(List<Path> classPath, List<String> jvmArgs, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    // A bound against a hung child only; no assertion is made on time.
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
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
}
