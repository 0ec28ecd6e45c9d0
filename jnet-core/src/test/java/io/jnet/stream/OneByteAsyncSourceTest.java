package io.jnet.stream;

/** The readable contract over a source that pushes one byte per {@code _read}, a turn later. */
class OneByteAsyncSourceTest extends ReadableContractTest {
  @Override
  ChunkedSource source(byte[] data, StreamOptions options) {
    return new ChunkedSource(data, 1, true, options);
  }
}
