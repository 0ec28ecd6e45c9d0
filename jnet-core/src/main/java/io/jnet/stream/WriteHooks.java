package io.jnet.stream;

import io.jnet.buffer.Buffer;
import java.util.List;

/**
 * How a {@link WritableState} reaches its stream's protected {@code _write} hooks: one shared
 * instance per stream class, handed the stream at each call.
 */
interface WriteHooks {
  void doWrite(Stream stream, Buffer chunk, Callback callback);

  void doWritev(Stream stream, List<Buffer> chunks, Callback callback);

  void doFinal(Stream stream, Callback callback);

  /**
   * Writes {@code chunks} one after the other through {@code write}: {@code _writev}'s fallback.
   */
  static void writeEach(
      WriteHooks hooks, Stream stream, List<Buffer> chunks, int from, Callback callback) {
    if (from == chunks.size()) {
      callback.done();
      return;
    }
    hooks.doWrite(
        stream,
        chunks.get(from),
        err -> {
          if (err != null) {
            callback.done(err);
          } else {
            writeEach(hooks, stream, chunks, from + 1, callback);
          }
        });
  }
}
