package io.jnet.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding names as Node's {@code Buffer.isEncoding} judges them (checked in Node 24). */
class EncodingTest {
  @Test
  void isEncodingAcceptsNodesSpellingsInAnyCase() {
    for (String name :
        List.of(
            "utf8",
            "UTF8",
            "Utf-8",
            "utf-8",
            "UTF-8",
            "ucs2",
            "UCS2",
            "ucs-2",
            "UCS-2",
            "utf16le",
            "UTF16LE",
            "utf-16le",
            "UTF-16LE",
            "latin1",
            "LATIN1",
            "binary",
            "BINARY",
            "base64",
            "BASE64",
            "base64url",
            "BASE64URL",
            "hex",
            "HEX",
            "ascii",
            "ASCII")) {
      assertEquals(true, Buffer.isEncoding(name), name);
    }
  }

  @Test
  void isEncodingRejectsWhatNodeRejects() {
    for (String name :
        List.of(
            "utf16",
            "utf-16",
            "latin-1",
            "base64-url",
            "us-ascii",
            "buffer",
            "",
            "utf 8",
            " utf8",
            "utf8 ")) {
      assertEquals(false, Buffer.isEncoding(name), name);
    }
  }

  @Test
  void ofNamesTheCanonicalEncoding() {
    assertEquals(Encoding.UTF16LE, Encoding.of("ucs-2"));
    assertEquals(Encoding.LATIN1, Encoding.of("BINARY"));
    assertEquals(Encoding.UTF8, Encoding.of(null));
    assertEquals("base64url", Encoding.of("BASE64URL").nodeName());
  }
}
