package io.jnet.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two traces, readable in a test report: {@code " "} for a line both share, {@code
 * "- "} for a line only Node logged (expected), {@code "+ "} for one only jnet logged.
 *
 * <p>Traces are short (tens of lines), so a plain longest-common-subsequence table is enough.
 */
final class TraceDiff {
  private TraceDiff() {}

  /** The diff of {@code expected} (Node's) and {@code actual} (jnet's), one entry a line. */
  static List<String> diff(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            expected.get(i).equals(actual.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        out.add("  " + expected.get(i++));
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        out.add("- " + expected.get(i++));
      } else {
        out.add("+ " + actual.get(j++));
      }
    }
    return out;
  }

  /** The diff as one text block under a header naming both sides. */
  static String render(List<String> expected, List<String> actual) {
    StringBuilder out = new StringBuilder("--- node (recorded)\n+++ jnet\n");
    for (String line : diff(expected, actual)) out.append(line).append('\n');
    return out.toString();
  }
}
