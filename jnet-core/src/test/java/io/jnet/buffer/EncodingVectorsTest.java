package io.jnet.buffer;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every encoding, both directions, against Node's answers recorded in {@code buffer/*.txt}: at
 * least 1,000 random and edge-case inputs per encoding and direction (see {@code vectors.js}).
 */
class EncodingVectorsTest {
  @TestFactory
  Stream<DynamicTest> toStringDecodesBytesAsNodeDoes() {
    return Vectors.ENCODINGS.stream()
        .map(e -> DynamicTest.dynamicTest("decode " + e, () -> decodes(e)));
  }

  @TestFactory
  Stream<DynamicTest> fromStringEncodesAsNodeDoes() {
    return Vectors.ENCODINGS.stream()
        .map(e -> DynamicTest.dynamicTest("encode " + e, () -> encodes(e)));
  }

  @TestFactory
  Stream<DynamicTest> byteLengthIsNodesEstimate() {
    return Vectors.ENCODINGS.stream()
        .map(e -> DynamicTest.dynamicTest("byteLength " + e, () -> measures(e)));
  }

  @TestFactory
  Stream<DynamicTest> boundedWriteStopsWhereNodeStops() {
    return Vectors.ENCODINGS.stream()
        .map(e -> DynamicTest.dynamicTest("write " + e, () -> writes(e)));
  }

  @Test
  void isUtf8AndIsAsciiMatchNode() {
    Vectors.Mismatches m = new Vectors.Mismatches("isUtf8/isAscii");
    for (String[] v : Vectors.read("is-utf8.txt")) {
      Buffer b = Buffer.from(Vectors.bytes(v[0]));
      String got = Buffer.isUtf8(b) + " " + Buffer.isAscii(b);
      m.check(
          got.equals(v[1] + " " + v[2]), v[0] + " -> node " + v[1] + " " + v[2] + ", jnet " + got);
    }
    m.assertNone(1000);
  }

  private static void decodes(String encoding) {
    Vectors.Mismatches m = new Vectors.Mismatches("decode " + encoding);
    for (String[] v : Vectors.read("decode-" + encoding + ".txt")) {
      Buffer b = Buffer.from(Vectors.bytes(v[0]));
      String got = Vectors.unitsOf(b.toString(encoding));
      m.check(got.equals(v[1]), v[0] + " -> node " + v[1] + ", jnet " + got);
      String inView = Vectors.unitsOf(Vectors.view(Vectors.bytes(v[0])).toString(encoding));
      m.check(inView.equals(v[1]), "in a view: " + v[0] + " -> node " + v[1] + ", jnet " + inView);
    }
    m.assertNone(1000);
  }

  private static void encodes(String encoding) {
    Vectors.Mismatches m = new Vectors.Mismatches("encode " + encoding);
    for (String[] v : Vectors.read("encode-" + encoding + ".txt")) {
      String got = Vectors.hex(Buffer.from(Vectors.units(v[0]), encoding).toByteArray());
      m.check(got.equals(v[1]), v[0] + " -> node " + v[1] + ", jnet " + got);
    }
    m.assertNone(1000);
  }

  private static void measures(String encoding) {
    Vectors.Mismatches m = new Vectors.Mismatches("byteLength " + encoding);
    for (String[] v : Vectors.read("encode-" + encoding + ".txt")) {
      int got = Buffer.byteLength(Vectors.units(v[0]), encoding);
      m.check(got == Integer.parseInt(v[2]), v[0] + " -> node " + v[2] + ", jnet " + got);
    }
    m.assertNone(1000);
  }

  private static void writes(String encoding) {
    Vectors.Mismatches m = new Vectors.Mismatches("write " + encoding);
    for (String[] v : Vectors.read("encode-" + encoding + ".txt")) {
      int cap = Integer.parseInt(v[3]);
      Buffer target = Vectors.view(new byte[cap]);
      int n = target.write(Vectors.units(v[0]), 0, cap, encoding);
      String got = n + " " + Vectors.hex(target.toByteArray());
      String want = v[4] + " " + v[5];
      m.check(got.equals(want), List.of(v).subList(0, 4) + " -> node " + want + ", jnet " + got);
      m.check(Vectors.guardsIntact(target), List.of(v).subList(0, 4) + " wrote outside its view");
    }
    m.assertNone(1000);
  }

  static String show(String[] v) {
    return Arrays.toString(v);
  }
}
