package io.jnet.buffer;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * write, copy, compare, toString, subarray, concat and alloc against Node's answers in {@code
 * buffer/api.txt}, with random arguments in and out of range and Node's exact error messages.
 */
class ApiVectorsTest {
  @Test
  void rangeCheckedMethodsMatchNode() {
    Vectors.Mismatches m = new Vectors.Mismatches("api");
    for (String line : NumberVectorsTest.lines("api.txt")) {
      String[] v = line.split(" ", 3);
      String[] a = v[1].split(",", -1);
      String got = NumberVectorsTest.attempt(() -> run(v[0], a));
      m.check(got.equals(v[2]), line + "\n    jnet: " + got);
    }
    m.assertNone(1000);
  }

  private static String run(String op, String[] a) {
    switch (op) {
      case "write":
        return write(a);
      case "copy":
        {
          Buffer src = Vectors.view(Vectors.bytes(a[0]));
          Buffer target = Vectors.view(new byte[Integer.parseInt(a[1])]);
          int n = src.copy(target, i(a[2]), i(a[3]), i(a[4]));
          if (!Vectors.guardsIntact(target)) return "wrote outside the target view";
          return n + "=" + Vectors.hex(target.toByteArray());
        }
      case "compare":
        {
          Buffer x = Vectors.view(Vectors.bytes(a[0]));
          Buffer y = Vectors.view(Vectors.bytes(a[1]));
          return "" + x.compare(y, i(a[2]), i(a[3]), i(a[4]), i(a[5]));
        }
      case "toString":
        {
          String s = Vectors.view(Vectors.bytes(a[0])).toString(a[1], i(a[2]), i(a[3]));
          return s.isEmpty() ? "_" : Buffer.from(s, "utf16le").toString("hex");
        }
      case "subarray":
        {
          Buffer b = Buffer.from(Vectors.bytes(a[0]));
          Buffer sub = b.subarray(i(a[1]), i(a[2]));
          return (sub.arrayOffset() - b.arrayOffset()) + ":" + sub.length();
        }
      case "concat":
        {
          List<Buffer> parts = new ArrayList<>();
          if (!a[0].equals("none")) {
            for (String p : a[0].split("\\+")) parts.add(Buffer.from(Vectors.bytes(p)));
          }
          Buffer out = a[1].equals("_") ? Buffer.concat(parts) : Buffer.concat(parts, i(a[1]));
          return Vectors.hex(out.toByteArray());
        }
      case "alloc":
        return Vectors.hex(Buffer.alloc(i(a[0])).toByteArray());
      default:
        throw new IllegalArgumentException(op);
    }
  }

  /** {@code write len,utf8hex,offset,length,encoding}, leaving out the "_" arguments. */
  private static String write(String[] a) {
    Buffer buf = Vectors.view(new byte[i(a[0])]);
    String s = Buffer.from(Vectors.bytes(a[1])).toString();
    boolean hasOffset = !a[2].equals("_");
    boolean hasLength = !a[3].equals("_");
    String enc = a[4].equals("_") ? null : a[4];
    int n;
    if (!hasOffset) {
      n = enc == null ? buf.write(s) : buf.write(s, enc);
    } else if (!hasLength) {
      n = enc == null ? buf.write(s, i(a[2])) : buf.write(s, i(a[2]), enc);
    } else {
      n = enc == null ? buf.write(s, i(a[2]), i(a[3])) : buf.write(s, i(a[2]), i(a[3]), enc);
    }
    if (!Vectors.guardsIntact(buf)) return "wrote outside the view";
    return n + "=" + Vectors.hex(buf.toByteArray());
  }

  private static int i(String s) {
    return Integer.parseInt(s);
  }
}
