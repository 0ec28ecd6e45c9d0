package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up: the class-data archive (AppCDS) the build makes with {@link CdsTraining} and {@code
 * ./jnet} passes to the JVM, and the silent fallback when that archive cannot be used.
 */
class CliStartupTest {
  @TempDir Path dir;

  /** The options {@code ./jnet} adds when the archive file exists. */
  static List<String> archiveOptions(Path jsa, String share) {
    return List.of("-XX:SharedArchiveFile=" + jsa, share, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /**
   * The test's class path with each classes directory packed into a jar, as the shaded jar is (the
   * JVM archives classes from jars only); test classes and test libraries left out.
   */
  private String jarredClassPath() throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.endsWith("test-classes") || entry.contains("junit") || entry.contains("opentest4j")) {
        continue;
      }
      if (!Files.isDirectory(p)) {
        entries.add(entry);
        continue;
      }
      Path jar = dir.resolve("classes-" + n++ + ".jar");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(out);
          Stream<Path> files = Files.walk(p)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          j.putNextEntry(new JarEntry(p.relativize(f).toString().replace(File.separatorChar, '/')));
          j.write(Files.readAllBytes(f));
          j.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void theTrainingRunMakesAnArchiveTheNextStartMaps() throws Exception {
    String classPath = jarredClassPath();
    Path jsa = dir.resolve("jnet.jsa");
    List<String> training =
        List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    try (JnetProcess run =
        JnetProcess.startMain(CdsTraining.class.getName(), classPath, training)) {
      assertEquals(0, run.awaitExit(), run::describe);
    }
    // -Xshare:on makes an archive that cannot be mapped an error: this start maps it.
    try (JnetProcess jnet =
        JnetProcess.startMain(
            Main.class.getName(), classPath, archiveOptions(jsa, "-Xshare:on"), "--version")) {
      assertEquals(0, jnet.awaitExit(), jnet::describe);
      jnet.awaitStdout("^jnet \\S+ \\(Java ");
      assertEquals("", jnet.stderrText());
    }
  }

  @Test
  void anArchiveThatCannotBeUsedIsPassedOverInSilence() throws Exception {
    Path jsa = dir.resolve("other.jsa");
    byte[] garbage = new byte[64 * 1024];
    new Random(41).nextBytes(garbage);
    Files.write(jsa, garbage); // as good as one from another JDK: its header does not match
    try (JnetProcess jnet =
        JnetProcess.startWith(archiveOptions(jsa, "-Xshare:auto"), "--version")) {
      assertEquals(0, jnet.awaitExit(), jnet::describe);
      jnet.awaitStdout("^jnet \\S+ \\(Java ");
      assertEquals("", jnet.stderrText());
    }
  }
}
