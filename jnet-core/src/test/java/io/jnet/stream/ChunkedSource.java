package io.jnet.stream;

import io.jnet.buffer.Buffer;

/**
 * A readable that hands its data over in chunks of a fixed size, one push per {@code _read},
 * synchronously or on a later turn of the loop: Okio's idea of a source that exposes every framing
 * and decoding path.
 */
final class ChunkedSource extends Readable {
  private final byte[] data;
  private final int chunkSize;
  private final boolean async;
  private int position;
  int readCalls;
  int maxLengthAtRead;

  ChunkedSource(byte[] data, int chunkSize, boolean async, StreamOptions options) {
    super(options);
    this.data = data;
    this.chunkSize = chunkSize;
    this.async = async;
  }

  @Override
  protected void _read(int size) {
    readCalls++;
    maxLengthAtRead = Math.max(maxLengthAtRead, readableLength());
    if (async) {
      loop().setImmediate(this::pushNext);
    } else {
      pushNext();
    }
  }

  private void pushNext() {
    if (position >= data.length) {
      push((Buffer) null);
      return;
    }
    int end = Math.min(data.length, position + chunkSize);
    push(Buffer.from(data, position, end - position));
    position = end;
  }
}
