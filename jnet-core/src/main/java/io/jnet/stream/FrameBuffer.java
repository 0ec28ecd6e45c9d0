package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.util.Arrays;

/**
 * The bytes a splitter has received but not yet framed: a growable array, appended at the end and
 * consumed from the front. Loop thread only (a Transform's hooks run there).
 */
final class FrameBuffer {
  private byte[] bytes = new byte[256];
  private int start;
  private int end;

  int size() {
    return end - start;
  }

  /** The byte at {@code index}, counted from the first unconsumed one. */
  int get(int index) {
    return bytes[start + index] & 0xff;
  }

  void append(Buffer chunk) {
    int n = chunk.length();
    if (end + n > bytes.length) {
      int size = size();
      if (size + n > bytes.length) {
        bytes = Arrays.copyOfRange(bytes, start, start + Math.max(2 * bytes.length, size + n));
      } else {
        System.arraycopy(bytes, start, bytes, 0, size);
      }
      start = 0;
      end = size;
    }
    chunk.copy(Buffer.wrap(bytes), end);
    end += n;
  }

  /** Whether {@code pattern} starts at {@code index}. */
  boolean matches(int index, byte[] pattern) {
    int at = start + index;
    return at + pattern.length <= end
        && Arrays.equals(bytes, at, at + pattern.length, pattern, 0, pattern.length);
  }

  /** The first {@code n} bytes, as a new buffer; they are consumed. */
  Buffer take(int n) {
    Buffer out = Buffer.wrap(Arrays.copyOfRange(bytes, start, start + n));
    skip(n);
    return out;
  }

  void skip(int n) {
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  /**
   * jnet's {@code ERR_FRAME_TOO_LONG} (Node has no framing, so no code of its own): a frame longer
   * than a splitter's {@code maxFrameLength}; {@code length} is its declared length, or -1 when it
   * is only known to be longer.
   */
  static JnetException tooLong(int max, long length) {
    return JnetException.rangeError(
        "ERR_FRAME_TOO_LONG",
        "The frame is longer than maxFrameLength ("
            + max
            + " bytes)"
            + (length < 0 ? "" : ": " + length + " bytes"));
  }
}
