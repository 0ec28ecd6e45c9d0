package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.testing.NodeJs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code vectors.js} in live Node and checks that the committed vectors are what this Node
 * answers today, so the Node-free tests never compare against stale answers.
 */
class VectorsCurrentTest {
  @Test
  void committedVectorsAreWhatNodeWritesNow(@TempDir Path dir) throws IOException {
    NodeJs.assumeAvailable();
    NodeJs.run(NodeJs.script("buffer/vectors.js"), dir.toString());
    List<Path> written;
    try (Stream<Path> files = Files.list(dir)) {
      written = files.sorted().toList();
    }
    assertTrue(written.size() >= 20, "vectors.js wrote only " + written);
    List<String> stale = new ArrayList<>();
    for (Path file : written) {
      String name = file.getFileName().toString();
      String fresh = Files.readString(file, StandardCharsets.UTF_8);
      if (!fresh.equals(committed(name))) stale.add(name);
    }
    assertEquals(
        List.of(),
        stale,
        "stale vectors: rerun node jnet-core/src/test/node/buffer/vectors.js and commit the result");
  }

  private static String committed(String name) throws IOException {
    try (InputStream in = VectorsCurrentTest.class.getResourceAsStream("/buffer/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
