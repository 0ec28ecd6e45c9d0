package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the vectors {@code jnet-core/src/test/node/buffer/vectors.js} writes: one a line, fields
 * split by spaces, bytes in hex, strings as UTF-16 units (four hex digits each), "_" for empty.
 */
final class Vectors {
  /** Node's encoding names, in the order the script writes them. */
  static final List<String> ENCODINGS =
      List.of("utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url");

  private Vectors() {}

  /** The lines of {@code buffer/NAME} on the test class path, each split into its fields. */
  static List<String[]> read(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/buffer/" + name)) {
      if (in == null) throw new IllegalStateException("missing vectors: buffer/" + name);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) lines.add(line.split(" ", -1));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String hex) {
    if (hex.equals("_")) return new byte[0];
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  static String units(String hex) {
    if (hex.equals("_")) return "";
    char[] out = new char[hex.length() / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
    }
    return new String(out);
  }

  static String hex(byte[] bytes) {
    if (bytes.length == 0) return "_";
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) sb.append(String.format("%02x", b & 0xFF));
    return sb.toString();
  }

  static String unitsOf(String s) {
    if (s.isEmpty()) return "_";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) sb.append(String.format("%04x", (int) s.charAt(i)));
    return sb.toString();
  }

  /**
   * A view of {@code content} inside a larger array, between guard bytes, so that a test run on it
   * also proves offsets are honoured; {@link #guardsIntact} checks nothing wrote outside.
   */
  static Buffer view(byte[] content) {
    byte[] padded = new byte[content.length + 2 * GUARD];
    Arrays.fill(padded, (byte) 0xEE);
    System.arraycopy(content, 0, padded, GUARD, content.length);
    return Buffer.wrap(padded, GUARD, content.length);
  }

  /** Whether the guard bytes around a {@link #view} are untouched. */
  static boolean guardsIntact(Buffer view) {
    byte[] a = view.array();
    for (int i = 0; i < GUARD; i++) {
      if (a[i] != (byte) 0xEE || a[a.length - 1 - i] != (byte) 0xEE) return false;
    }
    return true;
  }

  private static final int GUARD = 3;

  /** Collects mismatches and fails with the first few, so one run shows the pattern. */
  static final class Mismatches {
    private final String what;
    private final List<String> found = new ArrayList<>();
    private int checked;

    Mismatches(String what) {
      this.what = what;
    }

    void check(boolean ok, String description) {
      checked++;
      if (!ok) found.add(description);
    }

    void assertNone(int atLeast) {
      assertTrue(checked >= atLeast, what + ": only " + checked + " vectors, want " + atLeast);
      if (found.isEmpty()) return;
      List<String> shown = found.subList(0, Math.min(found.size(), 15));
      throw new AssertionError(
          what
              + ": "
              + found.size()
              + " of "
              + checked
              + " differ from Node, such as:\n  "
              + String.join("\n  ", shown));
    }
  }

  static String join(String[] fields) {
    return Arrays.toString(fields);
  }
}
