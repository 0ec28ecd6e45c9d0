package io.jnet.stream;

/** The readable contract over a source that pushes everything in one synchronous chunk. */
class WholeChunkSourceTest extends ReadableContractTest {
  @Override
  ChunkedSource source(byte[] data, StreamOptions options) {
    return new ChunkedSource(data, Integer.MAX_VALUE, false, options);
  }
}
