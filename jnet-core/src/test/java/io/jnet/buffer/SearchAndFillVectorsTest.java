package io.jnet.buffer;

import io.jnet.error.JnetException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** indexOf, lastIndexOf and fill against Node's answers for random buffers, needles and ranges. */
class SearchAndFillVectorsTest {
  @Test
  void indexOfAndLastIndexOfMatchNode() {
    Vectors.Mismatches m = new Vectors.Mismatches("search");
    for (String[] v : Vectors.read("search.txt")) {
      Buffer hay = Vectors.view(Vectors.bytes(v[0]));
      int offset = Integer.parseInt(v[3]);
      boolean forward = Boolean.parseBoolean(v[5]);
      String got = attempt(() -> search(hay, v[1], v[2], offset, v[4], forward));
      m.check(got.equals(v[6]), Vectors.join(v) + " -> jnet " + got);
    }
    m.assertNone(1000);
  }

  @Test
  void indexOfAndLastIndexOfWithAnEndMatchNode24() {
    Vectors.Mismatches m = new Vectors.Mismatches("search-end");
    for (String[] v : Vectors.read("search-end.txt")) {
      Buffer hay = Vectors.view(Vectors.bytes(v[0]));
      int offset = Integer.parseInt(v[3]);
      int end = Integer.parseInt(v[4]);
      boolean forward = Boolean.parseBoolean(v[6]);
      String got = attempt(() -> searchTo(hay, v[1], v[2], offset, end, v[5], forward));
      m.check(got.equals(v[7]), Vectors.join(v) + " -> jnet " + got);
    }
    m.assertNone(1000);
  }

  private static String searchTo(
      Buffer hay, String kind, String needle, int offset, int end, String enc, boolean forward) {
    switch (kind) {
      case "byte":
        int b = Integer.parseInt(needle);
        return "" + (forward ? hay.indexOf(b, offset, end) : hay.lastIndexOf(b, offset, end));
      case "string":
        String s = Vectors.units(needle);
        return ""
            + (forward ? hay.indexOf(s, offset, end, enc) : hay.lastIndexOf(s, offset, end, enc));
      default:
        Buffer n = Buffer.from(Vectors.bytes(needle));
        return ""
            + (forward ? hay.indexOf(n, offset, end, enc) : hay.lastIndexOf(n, offset, end, enc));
    }
  }

  private static String search(
      Buffer hay, String kind, String needle, int offset, String enc, boolean forward) {
    switch (kind) {
      case "byte":
        int b = Integer.parseInt(needle);
        return "" + (forward ? hay.indexOf(b, offset) : hay.lastIndexOf(b, offset));
      case "string":
        String s = Vectors.units(needle);
        return "" + (forward ? hay.indexOf(s, offset, enc) : hay.lastIndexOf(s, offset, enc));
      default:
        Buffer n = Buffer.from(Vectors.bytes(needle));
        return "" + (forward ? hay.indexOf(n, offset, enc) : hay.lastIndexOf(n, offset, enc));
    }
  }

  @Test
  void fillMatchesNode() {
    Vectors.Mismatches m = new Vectors.Mismatches("fill");
    for (String[] v : Vectors.read("fill.txt")) {
      int len = Integer.parseInt(v[0]);
      int offset = Integer.parseInt(v[3]);
      int end = Integer.parseInt(v[4]);
      Buffer target = Vectors.view(new byte[len]);
      String got = attempt(() -> Vectors.hex(fill(target, v[1], v[2], offset, end, v[5])));
      m.check(got.equals(v[6]), Vectors.join(v) + " -> jnet " + got);
      m.check(Vectors.guardsIntact(target), Vectors.join(v) + " -> jnet wrote outside the view");
    }
    m.assertNone(1000);
  }

  private static byte[] fill(Buffer b, String kind, String value, int offset, int end, String enc) {
    switch (kind) {
      case "number":
        return b.fill(Integer.parseInt(value), offset, end).toByteArray();
      case "string":
        return b.fill(Vectors.units(value), offset, end, enc).toByteArray();
      default:
        return b.fill(Buffer.from(Vectors.bytes(value)), offset, end).toByteArray();
    }
  }

  private static String attempt(Supplier<String> f) {
    try {
      return f.get();
    } catch (JnetException e) {
      return e.code();
    }
  }
}
