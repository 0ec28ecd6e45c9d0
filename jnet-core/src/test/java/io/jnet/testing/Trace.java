package io.jnet.testing;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded log of events, each formatted as one line exactly as {@code trace.js} formats it in
 * Node: the Java half of the differential trace format.
 *
 * <p>A line is the event (printed as is) followed by its arguments, each formatted by {@link
 * #fmt(Object)} and separated by single spaces. The mapping from Java values to Node's printing:
 *
 * <ul>
 *   <li>{@code null} prints {@code null}; {@link #UNDEFINED} prints {@code undefined} (Java has no
 *       undefined, so a twin passes it where Node's value is {@code undefined}, such as the {@code
 *       err} of a successful {@code pipeline} callback);
 *   <li>a {@link CharSequence} prints JSON-quoted, byte for byte as {@code JSON.stringify} does,
 *       lone surrogates included ({@code "\ud83d"});
 *   <li>numbers print as JavaScript prints them ({@code 1.0} prints {@code 1}, {@code 1e-7} {@code
 *       1e-7}); booleans as {@code true}/{@code false};
 *   <li>a {@link Buffer}, a {@code byte[]} or a {@link ByteBuffer} (its remaining bytes) prints
 *       {@code buf(hex)};
 *   <li>a {@link JnetException} prints {@code err(CODE)}, or {@code err(Name: message)} when it has
 *       no code; any other {@link Throwable} prints as {@link JnetException#wrap} makes it, {@code
 *       err(Error: message)};
 *   <li>a {@link List} or an {@code Object[]} prints {@code [a,b]}, items formatted by {@code fmt};
 *       anything else prints {@link String#valueOf(Object)}.
 * </ul>
 *
 * <p>{@link #log} may be called from any thread; lines are kept in call order.
 */
public final class Trace {
  /** Stands for JavaScript's {@code undefined}. */
  public static final Object UNDEFINED =
      new Object() {
        @Override
        public String toString() {
          return "undefined";
        }
      };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final boolean byteAtATime;
  private final List<String> lines = new ArrayList<>(); // guarded by this

  /** An empty trace. */
  public Trace() {
    this(false);
  }

  /**
   * An empty trace for a run where the scenario should feed its input one byte at a time when
   * {@code byteAtATime} is true; see {@link TraceSuite.Scenarios#addByteAtATime}.
   */
  public Trace(boolean byteAtATime) {
    this.byteAtATime = byteAtATime;
  }

  /** Whether this run asks the scenario to split its input into one-byte chunks. */
  public boolean byteAtATime() {
    return byteAtATime;
  }

  /**
   * Appends the line {@code event arg1 arg2...}. A lone {@code null} passed as the varargs array
   * ({@code log("read", null)}) is one null argument, as in JavaScript.
   */
  public void log(String event, Object... args) {
    if (args == null) args = new Object[] {null};
    StringBuilder line = new StringBuilder(String.valueOf(event));
    for (Object arg : args) line.append(' ').append(fmt(arg));
    synchronized (this) {
      lines.add(line.toString());
    }
  }

  /** A snapshot of the lines logged so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Formats one value as {@code trace.js}'s {@code fmt} formats its Node counterpart. */
  public static String fmt(Object v) {
    if (v == null) return "null";
    if (v == UNDEFINED) return "undefined";
    if (v instanceof CharSequence s) return jsonQuote(s);
    if (v instanceof Boolean) return v.toString();
    if (v instanceof Double d) return jsNumber(d);
    if (v instanceof Float f) return jsNumber(Double.parseDouble(f.toString()));
    if (v instanceof Number) return v.toString();
    if (v instanceof byte[] b) return "buf(" + hex(b, 0, b.length) + ")";
    if (v instanceof ByteBuffer bb) return "buf(" + hex(bb) + ")";
    if (v instanceof Buffer b) return "buf(" + b.toString("hex") + ")";
    if (v instanceof Throwable t) return error(JnetException.wrap(t));
    if (v instanceof List<?> list) return array(list);
    if (v instanceof Object[] array) return array(List.of(array));
    return String.valueOf(v);
  }

  private static String error(JnetException e) {
    String code = e.code();
    if (code != null && !code.isEmpty()) return "err(" + code + ")";
    return "err(" + e.name() + ": " + e.getMessage() + ")";
  }

  private static String array(List<?> items) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) out.append(',');
      out.append(fmt(items.get(i)));
    }
    return out.append(']').toString();
  }

  /** {@code JSON.stringify} of a string: well-formed, lone surrogates escaped. */
  static String jsonQuote(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /** JavaScript's {@code Number.prototype.toString()} for {@code d} (ECMA-262 Number::toString). */
  static String jsNumber(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return "0";
    String sign = d < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale(); // value = 0.digits * 10^n
    StringBuilder out = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) out.append('.').append(digits, 1, k);
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  private static String hex(byte[] b, int from, int to) {
    StringBuilder out = new StringBuilder((to - from) * 2);
    for (int i = from; i < to; i++) out.append(HEX[(b[i] >> 4) & 0xf]).append(HEX[b[i] & 0xf]);
    return out.toString();
  }

  private static String hex(ByteBuffer bb) {
    byte[] b = new byte[bb.remaining()];
    bb.duplicate().get(b);
    return hex(b, 0, b.length);
  }
}
