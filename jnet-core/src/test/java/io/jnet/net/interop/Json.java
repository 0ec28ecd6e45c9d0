package io.jnet.net.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the one-line results the Node interop programs print.
 *
 * <p>Objects become {@code Map<String, Object>} (in order), arrays {@code List<Object>}, integers
 * {@code Long}, other numbers {@code Double}; {@code null} is null. Enough for {@code
 * JSON.stringify} output; not a general parser (no escapes beyond the common ones).
 */
public final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Parses {@code line}, which must hold one JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String line) {
    Json p = new Json(line.trim());
    Object v = p.value();
    p.skipSpace();
    if (p.pos != p.text.length() || !(v instanceof Map)) {
      throw new IllegalArgumentException("not one JSON object: " + line);
    }
    return (Map<String, Object>) v;
  }

  private Object value() {
    skipSpace();
    char c = peek();
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (text.startsWith("null", pos)) return literal("null", null);
    if (text.startsWith("true", pos)) return literal("true", Boolean.TRUE);
    if (text.startsWith("false", pos)) return literal("false", Boolean.FALSE);
    return number();
  }

  private Object literal(String word, Object v) {
    pos += word.length();
    return v;
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      m.put(key, value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    expect('[');
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') return sb.toString();
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'u' -> {
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> sb.append(e);
      }
    }
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
    String n = text.substring(start, pos);
    if (n.isEmpty()) throw new IllegalArgumentException("bad JSON at " + start + ": " + text);
    if (n.matches("-?\\d+")) return Long.parseLong(n);
    return Double.parseDouble(n);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text);
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) throw new IllegalArgumentException("JSON ends early: " + text);
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }
}
