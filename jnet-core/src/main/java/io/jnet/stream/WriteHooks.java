package io.jnet.stream;

import io.jnet.buffer.Buffer;
import java.util.List;

/** How a {@link WritableState} reaches its stream's protected {@code _write} hooks. */
interface WriteHooks {
  void doWrite(Buffer chunk, Callback callback);

  void doWritev(List<Buffer> chunks, Callback callback);

  void doFinal(Callback callback);

  /**
   * Writes {@code chunks} one after the other through {@code write}: {@code _writev}'s fallback.
   */
  static void writeEach(WriteHooks hooks, List<Buffer> chunks, int from, Callback callback) {
    if (from == chunks.size()) {
      callback.done();
      return;
    }
    hooks.doWrite(
        chunks.get(from),
        err -> {
          if (err != null) {
            callback.done(err);
          } else {
            writeEach(hooks, chunks, from + 1, callback);
          }
        });
  }
}
