package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;

/**
 * Splits a byte stream into frames that each start with their length: a 1, 2 or 4-byte unsigned
 * big-endian count, then that many bytes. Each frame's bytes are pushed as one chunk, without the
 * length. Netty's {@code LengthFieldBasedFrameDecoder} with the length first and stripped, Vert.x's
 * {@code RecordParser} reading a length then a fixed-size record; {@link LengthPrefixEncoder}
 * writes this framing.
 *
 * <pre>{@code
 * socket.pipe(new LengthPrefixSplitter(4, 1 << 20)).on(Readable.DATA, frame -> ...);
 * }</pre>
 *
 * <p>Chunks may cut frames and lengths anywhere: the splitter answers the same whether the bytes
 * come at once or one at a time. A frame of length zero is skipped, because a byte stream carries
 * no empty chunk (Node's streams drop them too). Each frame is its own chunk, so a {@code 'data'}
 * listener gets one frame per event; a paused reader's {@code read()} may join several, as Node's
 * byte streams do.
 *
 * <h2>Errors</h2>
 *
 * <p>A length above {@code maxFrameLength} fails the splitter with {@code ERR_FRAME_TOO_LONG} (a
 * RangeError) as soon as the length is read, before its bytes arrive. Bytes left when the writable
 * side ends (a cut frame) fail it with {@code ERR_FRAME_INCOMPLETE}. Both are jnet's codes, as Node
 * has no framing; either error destroys the stream.
 */
public final class LengthPrefixSplitter extends Transform {
  private final int lengthBytes;
  private final int maxFrameLength;
  private final FrameBuffer pending = new FrameBuffer();

  /**
   * A splitter whose lengths take {@code lengthBytes} (1, 2 or 4) bytes, with frames of at most
   * {@code maxFrameLength} bytes.
   *
   * @param lengthBytes the length's size: 1, 2 or 4 bytes
   * @param maxFrameLength the longest frame, in bytes
   */
  public LengthPrefixSplitter(int lengthBytes, int maxFrameLength) {
    this.lengthBytes = LengthPrefixEncoder.checkLengthBytes(lengthBytes);
    if (maxFrameLength < 0) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"maxFrameLength\" is out of range. It must be >= 0. Received "
              + maxFrameLength);
    }
    this.maxFrameLength = maxFrameLength;
  }

  @Override
  protected void _transform(Buffer chunk, Callback callback) {
    pending.append(chunk);
    while (pending.size() >= lengthBytes) {
      long length = 0;
      for (int i = 0; i < lengthBytes; i++) length = (length << 8) | pending.get(i);
      if (length > maxFrameLength) {
        callback.done(FrameBuffer.tooLong(maxFrameLength, length));
        return;
      }
      if (pending.size() < lengthBytes + length) break;
      pending.skip(lengthBytes);
      Buffer frame = pending.take((int) length);
      if (length > 0) push(frame);
    }
    callback.done();
  }

  @Override
  protected void _flush(Callback callback) {
    int left = pending.size();
    if (left == 0) {
      callback.done();
      return;
    }
    callback.done(
        new JnetException(
            "ERR_FRAME_INCOMPLETE",
            "The stream ended inside a frame: " + left + " bytes of it were received"));
  }
}
