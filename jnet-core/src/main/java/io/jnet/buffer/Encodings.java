package io.jnet.buffer;

/** How Buffer's methods read an encoding argument, and how Node shows a string in an error. */
final class Encodings {
  private Encodings() {}

  /**
   * The encoding for a name where Node treats a missing or empty one as UTF-8 ({@code from}, {@code
   * write}, {@code fill}, {@code alloc}); other names as {@link Encoding#of(String)}.
   */
  static Encoding orUtf8(String name) {
    if (name == null || name.isEmpty()) return Encoding.UTF8;
    return Encoding.of(name);
  }

  /** Node's {@code util.inspect(string)} as its error messages show it, cut at 128 chars. */
  static String inspect(String s) {
    char quote = '\'';
    if (s.indexOf('\'') >= 0) {
      if (s.indexOf('"') < 0) quote = '"';
      else if (s.indexOf('`') < 0 && !s.contains("${")) quote = '`';
    }
    StringBuilder sb = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\b') {
        sb.append("\\b");
      } else if (c == '\f') {
        sb.append("\\f");
      } else if (c == 0x0B) {
        sb.append("\\v");
      } else if (c < 0x20 || c == 0x7F) {
        sb.append(String.format("\\x%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    String out = sb.append(quote).toString();
    return out.length() > 128 ? out.substring(0, 128) + "..." : out;
  }
}
