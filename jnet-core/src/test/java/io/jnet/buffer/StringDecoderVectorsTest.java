package io.jnet.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * StringDecoder against Node's: each recorded input fed whole, cut at every offset, one byte at a
 * time and at random cuts; every {@code write} and the final {@code end} must return what Node's
 * returned for the same chunks.
 */
class StringDecoderVectorsTest {
  private static final List<String> DECODED =
      List.of("utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii");

  @TestFactory
  Stream<DynamicTest> decoderMatchesNodeAtEveryCut() {
    return DECODED.stream().map(e -> DynamicTest.dynamicTest(e, () -> decodes(e)));
  }

  private static void decodes(String encoding) {
    Vectors.Mismatches m = new Vectors.Mismatches("StringDecoder " + encoding);
    for (String[] v : Vectors.read("decoder-" + encoding + ".txt")) {
      byte[] bytes = Vectors.bytes(v[0]);
      String got = feed(encoding, bytes, cuts(v[1]));
      m.check(got.equals(v[2]), v[0] + " cut at " + v[1] + " -> node " + v[2] + ", jnet " + got);
    }
    m.assertNone(1000);
  }

  private static List<Integer> cuts(String field) {
    List<Integer> cuts = new ArrayList<>();
    if (field.equals("_")) return cuts;
    for (String c : field.split(",")) cuts.add(Integer.parseInt(c));
    return cuts;
  }

  /** Feeds {@code bytes} in chunks ending at each cut, then ends; the outputs, comma-separated. */
  static String feed(String encoding, byte[] bytes, List<Integer> cuts) {
    StringDecoder d = new StringDecoder(encoding);
    Buffer all = Buffer.wrap(bytes);
    List<String> outs = new ArrayList<>();
    int from = 0;
    List<Integer> ends = new ArrayList<>(cuts);
    ends.add(bytes.length);
    for (int cut : ends) {
      outs.add(Vectors.unitsOf(d.write(all.subarray(from, cut))));
      from = cut;
    }
    outs.add(Vectors.unitsOf(d.end()));
    return String.join(",", outs);
  }
}
