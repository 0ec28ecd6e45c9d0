package io.jnet.buffer;

/**
 * Turns a stream of byte chunks into strings without breaking characters: Node's {@code
 * string_decoder.StringDecoder}.
 *
 * <p>{@link #write(Buffer)} decodes what it can and keeps the bytes of a character cut at the end
 * of the chunk (up to three for UTF-8, one byte or a high surrogate for UTF-16LE, one or two bytes
 * of a base64 group) to complete them with the next chunk; {@link #end()} flushes what is left, as
 * replacement characters for UTF-8 or a padded group for base64. The chunk boundaries decide where
 * each returned string ends exactly as in Node 24: a sequence broken by an unexpected byte is
 * decoded on its own, and a UTF-16 surrogate pair split after its first byte comes back in two
 * strings, one surrogate each. latin1, ascii and hex keep nothing.
 *
 * <p>A decoder is not thread-safe: one owner feeds it (a stream's loop thread, typically). After
 * {@link #end()} it is empty and may decode a new stream.
 */
public final class StringDecoder {
  private final Encoding encoding;

  /** The first {@link #buffered} bytes of a cut character; the owner's thread only. */
  private final byte[] incomplete = new byte[4];

  /** How many more bytes the cut character needs, as Node counts them; the owner's thread only. */
  private int missing;

  /** How many bytes of {@link #incomplete} are kept; the owner's thread only. */
  private int buffered;

  /** A UTF-8 decoder. */
  public StringDecoder() {
    this(Encoding.UTF8);
  }

  /**
   * A decoder for Node's encoding name; null or "" means UTF-8.
   *
   * @param encoding the encoding's Node name; {@code null} or empty means UTF-8
   */
  public StringDecoder(String encoding) {
    this(Encodings.orUtf8(encoding));
  }

  /**
   * A decoder for {@code encoding}; null means UTF-8.
   *
   * @param encoding the encoding
   */
  public StringDecoder(Encoding encoding) {
    this.encoding = encoding == null ? Encoding.UTF8 : encoding;
  }

  /**
   * Node's {@code decoder.encoding}: the canonical encoding, such as {@code utf16le}.
   *
   * @return the encoding
   */
  public Encoding encoding() {
    return encoding;
  }

  /**
   * Node's {@code decoder.write(buf)}: the complete characters so far, minus any cut one.
   *
   * @param buf the next bytes of the stream
   * @return the text decoded so far; a character split across chunks waits for its end
   */
  public String write(Buffer buf) {
    if (buf == null) {
      throw Errors.invalidArgTypeNull("buf", "Buffer, TypedArray, or DataView");
    }
    switch (encoding) {
      case ASCII:
      case HEX:
      case LATIN1:
        return buf.toString(encoding, 0, buf.length);
      default:
        return decode(buf.array, buf.offset, buf.length);
    }
  }

  /**
   * Node's {@code decoder.end()}: whatever is kept, flushed; the decoder is then empty.
   *
   * @return the characters still kept, decoded
   */
  public String end() {
    if (buffered == 0) return "";
    if (encoding == Encoding.UTF16LE && buffered % 2 == 1) {
      missing--;
      buffered--;
    }
    if (buffered == 0) return "";
    String s = Codecs.decode(incomplete, 0, buffered, encoding);
    missing = 0;
    buffered = 0;
    return s;
  }

  /**
   * Node's {@code decoder.end(buf)}: {@code write(buf)} then {@code end()}, as one string.
   *
   * @param buf the next bytes of the stream
   * @return the characters of {@code buf} and those still kept, decoded
   */
  public String end(Buffer buf) {
    String s = write(buf);
    return s + end();
  }

  private String decode(byte[] data, int off, int nread) {
    String prepend = null;
    if (missing > 0) {
      if (encoding == Encoding.UTF8) {
        for (int i = 0; i < nread && i < missing; i++) {
          if ((data[off + i] & 0xC0) != 0x80) {
            // Not the continuation byte it should be: the cut character ends here.
            missing = 0;
            System.arraycopy(data, off, incomplete, buffered, i);
            buffered += i;
            off += i;
            nread -= i;
            break;
          }
        }
      }
      int found = Math.min(nread, missing);
      System.arraycopy(data, off, incomplete, buffered, found);
      off += found;
      nread -= found;
      missing -= found;
      buffered += found;
      if (missing == 0) {
        prepend = Codecs.decode(incomplete, 0, buffered, encoding);
        buffered = 0;
      }
    }
    if (nread == 0) return prepend == null ? "" : prepend;
    keepCutCharacter(data, off, nread);
    nread -= buffered;
    if (buffered > 0) System.arraycopy(data, off + nread, incomplete, 0, buffered);
    String body = nread > 0 ? Codecs.decode(data, off, nread, encoding) : "";
    return prepend == null ? body : prepend + body;
  }

  /** Sets {@link #buffered} and {@link #missing} for a character cut at the chunk's end. */
  private void keepCutCharacter(byte[] data, int off, int nread) {
    int last = off + nread - 1;
    switch (encoding) {
      case UTF8:
        if ((data[last] & 0x80) != 0) keepUtf8(data, off, last);
        break;
      case UTF16LE:
        if (nread % 2 == 1) {
          buffered = 1;
          missing = 1;
        } else if ((data[last] & 0xFC) == 0xD8) {
          buffered = 2;
          missing = 2;
        }
        break;
      case BASE64:
      case BASE64URL:
        buffered = nread % 3;
        if (buffered > 0) missing = 3 - buffered;
        break;
      default:
        break;
    }
  }

  private void keepUtf8(byte[] data, int off, int last) {
    for (int i = last; ; i--) {
      buffered++;
      int b = data[i] & 0xFF;
      if ((b & 0xC0) == 0x80) {
        if (buffered >= 4 || i == off) {
          buffered = 0; // no lead byte within reach: invalid, the decoder handles it
          return;
        }
        continue;
      }
      if ((b & 0xE0) == 0xC0) {
        missing = 2;
      } else if ((b & 0xF0) == 0xE0) {
        missing = 3;
      } else if ((b & 0xF8) == 0xF0) {
        missing = 4;
      } else {
        buffered = 0;
        return;
      }
      if (buffered >= missing) {
        missing = 0;
        buffered = 0;
      }
      missing -= buffered;
      return;
    }
  }
}
