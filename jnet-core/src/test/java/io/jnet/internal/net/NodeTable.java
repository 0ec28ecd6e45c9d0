package io.jnet.internal.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a tab-separated table that a script under {@code src/test/node/internal-net} recorded. */
final class NodeTable {
  private NodeTable() {}

  /** The rows of resource {@code /internal-net/NAME}, each split at tabs. */
  static List<String[]> rows(String name) {
    InputStream in = NodeTable.class.getResourceAsStream("/internal-net/" + name);
    if (in == null) throw new IllegalStateException("missing test resource internal-net/" + name);
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty()) rows.add(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
