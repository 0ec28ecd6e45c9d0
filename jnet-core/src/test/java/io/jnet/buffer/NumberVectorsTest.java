package io.jnet.buffer;

import io.jnet.error.JnetException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The number readers and writers against Node's answers in {@code buffer/numbers.txt}: values,
 * returned offsets, bytes written, and for bad offsets and values Node's code and exact message.
 */
class NumberVectorsTest {
  @Test
  void readersAndWritersMatchNodeErrorsIncluded() {
    Vectors.Mismatches m = new Vectors.Mismatches("numbers");
    for (String line : lines("numbers.txt")) {
      String[] v = line.split(" ", 5);
      Buffer buf = Vectors.view(Vectors.bytes(v[1]));
      int offset = Integer.parseInt(v[2]);
      String got = attempt(() -> run(v[0], buf, offset, v[3]));
      m.check(got.equals(v[4]), line + "\n    jnet: " + got);
      m.check(Vectors.guardsIntact(buf), line + "\n    jnet wrote outside the view");
    }
    m.assertNone(1000);
  }

  static List<String> lines(String name) {
    return Vectors.read(name).stream().map(f -> String.join(" ", f)).toList();
  }

  static String attempt(Supplier<String> f) {
    try {
      return f.get();
    } catch (JnetException e) {
      return "!" + e.code() + "!" + e.getMessage();
    }
  }

  private static String run(String op, Buffer b, int off, String arg) {
    String[] a = arg.split(",");
    int bl = a.length > 1 ? Integer.parseInt(a[1]) : 0;
    String value = a[0];
    if (op.startsWith("read")) return read(op, b, off, bl);
    int next = write(op, b, off, value, bl);
    return next + "=" + Vectors.hex(b.toByteArray());
  }

  private static String read(String op, Buffer b, int off, int bl) {
    switch (op) {
      case "readUInt8":
        return num(b.readUInt8(off));
      case "readInt8":
        return num(b.readInt8(off));
      case "readUInt16LE":
        return num(b.readUInt16LE(off));
      case "readUInt16BE":
        return num(b.readUInt16BE(off));
      case "readInt16LE":
        return num(b.readInt16LE(off));
      case "readInt16BE":
        return num(b.readInt16BE(off));
      case "readUInt32LE":
        return num(b.readUInt32LE(off));
      case "readUInt32BE":
        return num(b.readUInt32BE(off));
      case "readInt32LE":
        return num(b.readInt32LE(off));
      case "readInt32BE":
        return num(b.readInt32BE(off));
      case "readBigUInt64LE":
        return b.readBigUInt64LE(off).toString();
      case "readBigUInt64BE":
        return b.readBigUInt64BE(off).toString();
      case "readBigInt64LE":
        return Long.toString(b.readBigInt64LE(off));
      case "readBigInt64BE":
        return Long.toString(b.readBigInt64BE(off));
      case "readFloatLE":
        return num(b.readFloatLE(off));
      case "readFloatBE":
        return num(b.readFloatBE(off));
      case "readDoubleLE":
        return num(b.readDoubleLE(off));
      case "readDoubleBE":
        return num(b.readDoubleBE(off));
      case "readUIntLE":
        return num(b.readUIntLE(off, bl));
      case "readUIntBE":
        return num(b.readUIntBE(off, bl));
      case "readIntLE":
        return num(b.readIntLE(off, bl));
      case "readIntBE":
        return num(b.readIntBE(off, bl));
      default:
        throw new IllegalArgumentException(op);
    }
  }

  private static int write(String op, Buffer b, int off, String value, int bl) {
    switch (op) {
      case "writeUInt8":
        return b.writeUInt8(Integer.parseInt(value), off);
      case "writeInt8":
        return b.writeInt8(Integer.parseInt(value), off);
      case "writeUInt16LE":
        return b.writeUInt16LE(Integer.parseInt(value), off);
      case "writeUInt16BE":
        return b.writeUInt16BE(Integer.parseInt(value), off);
      case "writeInt16LE":
        return b.writeInt16LE(Integer.parseInt(value), off);
      case "writeInt16BE":
        return b.writeInt16BE(Integer.parseInt(value), off);
      case "writeUInt32LE":
        return b.writeUInt32LE(Long.parseLong(value), off);
      case "writeUInt32BE":
        return b.writeUInt32BE(Long.parseLong(value), off);
      case "writeInt32LE":
        return b.writeInt32LE(Long.parseLong(value), off);
      case "writeInt32BE":
        return b.writeInt32BE(Long.parseLong(value), off);
      case "writeUIntLE":
        return b.writeUIntLE(Long.parseLong(value), off, bl);
      case "writeUIntBE":
        return b.writeUIntBE(Long.parseLong(value), off, bl);
      case "writeIntLE":
        return b.writeIntLE(Long.parseLong(value), off, bl);
      case "writeIntBE":
        return b.writeIntBE(Long.parseLong(value), off, bl);
      case "writeBigUInt64LE":
        return b.writeBigUInt64LE(new BigInteger(value), off);
      case "writeBigUInt64BE":
        return b.writeBigUInt64BE(new BigInteger(value), off);
      case "writeBigInt64LE":
        return b.writeBigInt64LE(new BigInteger(value), off);
      case "writeBigInt64BE":
        return b.writeBigInt64BE(new BigInteger(value), off);
      case "writeFloatLE":
        return b.writeFloatLE(Double.parseDouble(value), off);
      case "writeFloatBE":
        return b.writeFloatBE(Double.parseDouble(value), off);
      case "writeDoubleLE":
        return b.writeDoubleLE(Double.parseDouble(value), off);
      case "writeDoubleBE":
        return b.writeDoubleBE(Double.parseDouble(value), off);
      default:
        throw new IllegalArgumentException(op);
    }
  }

  /** A number as the script shows one: the hex of its double's bits, or NaN. */
  private static String num(double d) {
    if (Double.isNaN(d)) return "NaN";
    return String.format("%016x", Double.doubleToRawLongBits(d));
  }
}
