package io.jnet.buffer;

import io.jnet.error.JnetException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A character encoding as Node names it: what {@code 'utf8'} or {@code 'hex'} is to {@code
 * Buffer.from(string, encoding)} and {@code buf.toString(encoding)}.
 *
 * <p>{@link #of(String)} accepts every spelling Node accepts ({@code utf8}, {@code utf-8}, {@code
 * ucs2}, {@code ucs-2}, {@code utf16le}, {@code utf-16le}, {@code latin1}, {@code binary}, {@code
 * base64}, {@code base64url}, {@code hex}, {@code ascii}), in any case, and rejects the rest with
 * Node's {@code ERR_UNKNOWN_ENCODING}. A null name means UTF-8, as an omitted one does in Node.
 */
public enum Encoding {
  /** UTF-8, Node's default; also {@code utf-8}. */
  UTF8("utf8"),
  /** UTF-16 little-endian; also {@code ucs2}, {@code ucs-2}, {@code utf-16le}. */
  UTF16LE("utf16le"),
  /** ISO-8859-1, one byte per character; also {@code binary}. */
  LATIN1("latin1"),
  /** Base64 with padding; decoding also takes the URL alphabet. */
  BASE64("base64"),
  /** Base64 with the URL alphabet and no padding. */
  BASE64URL("base64url"),
  /** Two hexadecimal digits per byte. */
  HEX("hex"),
  /** Decodes the low seven bits of each byte; encodes as {@link #LATIN1} does. */
  ASCII("ascii");

  private final String nodeName;

  Encoding(String nodeName) {
    this.nodeName = nodeName;
  }

  /**
   * Node's canonical name for this encoding, such as {@code "utf8"}.
   *
   * @return the name Node uses
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * Returns the encoding Node means by {@code name}; null means UTF-8.
   *
   * @param name the name, in any spelling and case Node accepts
   * @return the encoding
   * @throws JnetException {@code ERR_UNKNOWN_ENCODING} (a TypeError) for a name Node rejects
   */
  public static Encoding of(String name) {
    // "utf8" first: every stream's default encoding, resolved at each stream's construction.
    if (name == null || name.equals("utf8")) return UTF8;
    Encoding e = lookup(name);
    if (e == null) {
      throw JnetException.typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + name);
    }
    return e;
  }

  /**
   * Returns the encoding that decodes and encodes exactly as {@code charset} does: UTF-8 is {@link
   * #UTF8}, UTF-16LE is {@link #UTF16LE}, ISO-8859-1 is {@link #LATIN1}. A jnet extra, for Java
   * code that holds a {@link Charset}. Node's {@code ascii} is not US-ASCII (it keeps the low seven
   * bits of any byte), so US-ASCII and every other charset have no Node encoding.
   *
   * @param charset the Java charset; {@code null} means UTF-8
   * @return the matching encoding
   * @throws JnetException {@code ERR_UNKNOWN_ENCODING} (a TypeError) for any other charset
   */
  public static Encoding forCharset(Charset charset) {
    if (charset == null) return UTF8;
    if (charset.equals(StandardCharsets.UTF_8)) return UTF8;
    if (charset.equals(StandardCharsets.UTF_16LE)) return UTF16LE;
    if (charset.equals(StandardCharsets.ISO_8859_1)) return LATIN1;
    throw JnetException.typeError(
        "ERR_UNKNOWN_ENCODING",
        "Unknown encoding: "
            + charset.name()
            + " (Node's encodings take UTF-8, UTF-16LE and ISO-8859-1 as charsets)");
  }

  /**
   * Node's {@code Buffer.isEncoding(name)}: whether {@code name} names an encoding.
   *
   * @param name the name, in any spelling and case Node accepts
   * @return whether Node knows the name
   */
  public static boolean isEncoding(String name) {
    return name != null && lookup(name) != null;
  }

  private static Encoding lookup(String name) {
    switch (name) {
      case "utf8":
      case "utf-8":
        return UTF8;
      case "hex":
        return HEX;
      case "base64":
        return BASE64;
      case "latin1":
        return LATIN1;
      default:
        break;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "utf8":
      case "utf-8":
        return UTF8;
      case "ucs2":
      case "ucs-2":
      case "utf16le":
      case "utf-16le":
        return UTF16LE;
      case "latin1":
      case "binary":
        return LATIN1;
      case "base64":
        return BASE64;
      case "base64url":
        return BASE64URL;
      case "hex":
        return HEX;
      case "ascii":
        return ASCII;
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return nodeName;
  }
}
