package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;

/**
 * Splits a byte stream into frames that end with a delimiter: each frame is pushed as one chunk,
 * without its delimiter. Netty's {@code DelimiterBasedFrameDecoder} and {@code
 * LineBasedFrameDecoder}, Node's {@code readline} over bytes.
 *
 * <pre>{@code
 * socket.pipe(DelimiterSplitter.lines(8192)).on(Readable.DATA, line -> ...);
 * }</pre>
 *
 * <h2>Frames</h2>
 *
 * <p>Chunks may cut frames (and the delimiter itself) anywhere: the splitter keeps what it has not
 * framed yet and answers the same whether the bytes come at once or one at a time. An empty frame
 * (two delimiters in a row) is skipped, because a byte stream carries no empty chunk (Node's
 * streams drop them too); keep the delimiters ({@code stripDelimiter} false) where an empty frame
 * means something, such as the blank line after HTTP headers. When the writable side ends, bytes
 * left after the last delimiter are pushed as a last frame, as {@code readline} gives a last line
 * without a newline. Each frame is its own chunk, so a {@code 'data'} listener gets one frame per
 * event; a paused reader's {@code read()} may join several, as Node's byte streams do.
 *
 * <h2>Too long</h2>
 *
 * <p>A frame may hold at most {@code maxFrameLength} bytes (its delimiter not counted). As soon as
 * more are buffered with no delimiter, the splitter fails with {@code ERR_FRAME_TOO_LONG} (a
 * RangeError; jnet's code, as Node has no framing) and is destroyed: it does not read on, as
 * Netty's {@code failFast} does, because a peer that sends endless bytes must not cost memory.
 */
public final class DelimiterSplitter extends Transform {
  private final byte[] delimiter;
  private final int maxFrameLength;
  private final boolean lines;
  private final boolean strip;
  private final FrameBuffer pending = new FrameBuffer();

  /** Where to look for the delimiter next: bytes before it were searched. Loop thread only. */
  private int searched;

  /**
   * A splitter at {@code delimiter} (one byte or more), with frames of at most {@code
   * maxFrameLength} bytes.
   *
   * @param delimiter where frames end, one byte or more
   * @param maxFrameLength the longest frame, in bytes
   */
  public DelimiterSplitter(Buffer delimiter, int maxFrameLength) {
    this(delimiter, maxFrameLength, true);
  }

  /**
   * A splitter at {@code delimiter}; with {@code stripDelimiter} false each frame keeps its
   * delimiter (Netty's {@code stripDelimiter}), so that no frame is ever empty.
   *
   * @param delimiter where frames end, one byte or more
   * @param maxFrameLength the longest frame, in bytes
   * @param stripDelimiter whether frames leave out their delimiter
   */
  public DelimiterSplitter(Buffer delimiter, int maxFrameLength, boolean stripDelimiter) {
    this(check(delimiter).toByteArray(), maxFrameLength, false, stripDelimiter);
  }

  private DelimiterSplitter(byte[] delimiter, int maxFrameLength, boolean lines, boolean strip) {
    if (maxFrameLength < 1) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"maxFrameLength\" is out of range. It must be >= 1. Received "
              + maxFrameLength);
    }
    this.delimiter = delimiter;
    this.maxFrameLength = maxFrameLength;
    this.lines = lines;
    this.strip = strip;
  }

  /**
   * A splitter into lines: frames end at {@code \n}, and a {@code \r} just before it is dropped too
   * (Netty's {@code LineBasedFrameDecoder}, Node's {@code readline}). {@code maxFrameLength} counts
   * a line without its line end.
   *
   * @param maxFrameLength the longest frame, in bytes
   * @return a new splitter
   */
  public static DelimiterSplitter lines(int maxFrameLength) {
    return lines(maxFrameLength, true);
  }

  /**
   * A splitter into lines that, with {@code stripDelimiter} false, keeps each line's end ({@code
   * \n} or {@code \r\n}) in its frame, so an empty line arrives too.
   *
   * @param maxFrameLength the longest frame, in bytes
   * @param stripDelimiter whether frames leave out their delimiter
   * @return a new splitter
   */
  public static DelimiterSplitter lines(int maxFrameLength, boolean stripDelimiter) {
    return new DelimiterSplitter(new byte[] {'\n'}, maxFrameLength, true, stripDelimiter);
  }

  private static Buffer check(Buffer delimiter) {
    if (delimiter == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE",
          "The \"delimiter\" argument must be an instance of Buffer. Received null");
    }
    if (delimiter.length() == 0) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The argument 'delimiter' must not be empty. Received <Buffer >");
    }
    return delimiter;
  }

  @Override
  protected void _transform(Buffer chunk, Callback callback) {
    pending.append(chunk);
    int d = delimiter.length;
    while (true) {
      int at = find();
      if (at < 0) break;
      int length = at;
      if (lines && length > 0 && pending.get(length - 1) == '\r') length--;
      if (length > maxFrameLength) {
        callback.done(FrameBuffer.tooLong(maxFrameLength, length));
        return;
      }
      Buffer frame = pending.take(strip ? length : at + d);
      if (strip) pending.skip(at - length + d);
      searched = 0;
      if (frame.length() > 0) push(frame);
    }
    // With no delimiter yet, the frame is at least this long (a line's '\r' may still end it).
    int least = pending.size() - (lines ? 1 : d - 1);
    if (least > maxFrameLength) {
      callback.done(FrameBuffer.tooLong(maxFrameLength, -1));
      return;
    }
    callback.done();
  }

  /** The index of the next delimiter in the pending bytes, or -1; remembers how far it looked. */
  private int find() {
    int last = pending.size() - delimiter.length;
    for (int i = searched; i <= last; i++) {
      if (pending.get(i) == (delimiter[0] & 0xff) && pending.matches(i, delimiter)) return i;
    }
    searched = Math.max(0, last + 1);
    return -1;
  }

  @Override
  protected void _flush(Callback callback) {
    int n = pending.size();
    if (n > 0) {
      if (lines && pending.get(n - 1) == '\r') n--;
      if (n > maxFrameLength) {
        callback.done(FrameBuffer.tooLong(maxFrameLength, n));
        return;
      }
      push(strip ? pending.take(n) : pending.take(pending.size()));
    }
    callback.done();
  }
}
