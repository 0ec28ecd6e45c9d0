package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;

/**
 * Writes each chunk as one frame: its length as a 1, 2 or 4-byte unsigned big-endian count, then
 * its bytes. The other half of {@link LengthPrefixSplitter}; Netty's {@code LengthFieldPrepender}.
 *
 * <pre>{@code
 * LengthPrefixEncoder out = new LengthPrefixEncoder(2);
 * out.pipe(socket);
 * out.write(Buffer.from("hello")); // 00 05 68 65 6c 6c 6f
 * }</pre>
 *
 * <p>A chunk too long for the length's bytes (above 255, 65535 or 2^32 - 1) fails the write with
 * {@code ERR_OUT_OF_RANGE}, and the stream is destroyed, as a Transform's error does. An empty
 * chunk is an empty frame: its length alone.
 */
public final class LengthPrefixEncoder extends Transform {
  private final int lengthBytes;

  /**
   * An encoder whose lengths take {@code lengthBytes} (1, 2 or 4) bytes.
   *
   * @param lengthBytes the length's size: 1, 2 or 4 bytes
   */
  public LengthPrefixEncoder(int lengthBytes) {
    this.lengthBytes = checkLengthBytes(lengthBytes);
  }

  static int checkLengthBytes(int lengthBytes) {
    if (lengthBytes != 1 && lengthBytes != 2 && lengthBytes != 4) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"lengthBytes\" is out of range. It must be 1, 2 or 4. Received "
              + lengthBytes);
    }
    return lengthBytes;
  }

  @Override
  protected void _transform(Buffer chunk, Callback callback) {
    long max = (1L << (8 * lengthBytes)) - 1;
    int n = chunk.length();
    if (n > max) {
      callback.done(
          JnetException.rangeError(
              "ERR_OUT_OF_RANGE",
              "The value of \"chunk.length\" is out of range. It must be >= 0 && <= "
                  + max
                  + ". Received "
                  + n));
      return;
    }
    byte[] frame = new byte[lengthBytes + n];
    for (int i = 0; i < lengthBytes; i++) frame[i] = (byte) (n >>> (8 * (lengthBytes - 1 - i)));
    chunk.copy(Buffer.wrap(frame), lengthBytes);
    push(Buffer.wrap(frame));
    callback.done();
  }
}
