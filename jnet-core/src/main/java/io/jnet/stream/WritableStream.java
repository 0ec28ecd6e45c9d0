package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stream that can be written to: what {@link Writable} and {@link Duplex} (so {@link Transform},
 * {@link PassThrough} and net's {@code Socket}) have in common, and what {@link
 * Readable#pipe(WritableStream)} and {@link Streams#pipeline} accept.
 *
 * <p>Every {@code write} returns Node's backpressure flag: false once {@link #writableLength()}
 * reaches {@link #writableHighWaterMark()}; stop writing until {@link #DRAIN}. A write's callback
 * gets null on success, or the error ({@code ERR_STREAM_WRITE_AFTER_END}, {@code
 * ERR_STREAM_DESTROYED}, the implementation's). Callbacks run in write order, on the stream's loop.
 * The event order is written down in {@link Writable}.
 *
 * <p>Sealed: only {@link Writable} and {@link Duplex} and their subclasses implement it, because
 * the state machine behind these methods is theirs.
 */
public sealed interface WritableStream permits Writable, Duplex {
  /** Node's {@code 'drain'}: emitted once after a write returned false and the buffer emptied. */
  Signal DRAIN = Signal.of("drain");

  /** Node's {@code 'finish'}: {@code end()} was called and every write's callback ran. */
  Signal FINISH = Signal.of("finish");

  /** Node's {@code 'prefinish'}: just before {@code 'finish'}, once {@code _final} completed. */
  Signal PREFINISH = Signal.of("prefinish");

  /** Node's {@code 'pipe'}: a Readable started piping into this stream. */
  Event<Readable> PIPE = Event.of("pipe");

  /** Node's {@code 'unpipe'}: a Readable stopped piping into this stream. */
  Event<Readable> UNPIPE = Event.of("unpipe");

  /**
   * Writes {@code chunk}; {@code callback} (may be null) runs once it was written or failed.
   *
   * @param chunk the bytes or text to write
   * @param callback called once with null when the chunk is written, or with the error; may be null
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  boolean write(Buffer chunk, Consumer<JnetException> callback);

  /**
   * Writes {@code chunk} encoded with {@code encoding} (null: the default encoding).
   *
   * @param chunk the bytes or text to write
   * @param encoding the encoding's Node name; null means the default encoding
   * @param callback called once with null when the chunk is written, or with the error; may be null
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  boolean write(String chunk, String encoding, Consumer<JnetException> callback);

  /**
   * Node's {@code end(chunk, callback)}: writes {@code chunk} (may be null) and ends the stream;
   * {@code callback} (may be null) runs at {@code 'finish'}, or with the error that prevents it.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param callback called once with null at {@code 'finish'}, or with the error that prevents it;
   *     may be null
   * @return this stream
   */
  WritableStream end(Buffer chunk, Consumer<JnetException> callback);

  /**
   * Node's {@code end(string, encoding, callback)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param encoding the encoding's Node name; null means the default encoding
   * @param callback called once with null at {@code 'finish'}, or with the error that prevents it;
   *     may be null
   * @return this stream
   */
  WritableStream end(String chunk, String encoding, Consumer<JnetException> callback);

  /**
   * Writes {@code chunk}.
   *
   * @param chunk the bytes or text to write
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(Buffer chunk) {
    return write(chunk, null);
  }

  /**
   * Writes {@code chunk} in the default encoding (UTF-8 unless set).
   *
   * @param chunk the bytes or text to write
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(String chunk) {
    return write(chunk, null, null);
  }

  /**
   * Writes {@code chunk} in the default encoding, then calls {@code callback}.
   *
   * @param chunk the bytes or text to write
   * @param callback called once with null when the chunk is written, or with the error; may be null
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(String chunk, Consumer<JnetException> callback) {
    return write(chunk, null, callback);
  }

  /**
   * Writes {@code chunk} encoded with Node's {@code encoding} ({@code "hex"}, {@code "latin1"}).
   *
   * @param chunk the bytes or text to write
   * @param encoding the encoding's Node name; null means the default encoding
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(String chunk, String encoding) {
    return write(chunk, encoding, null);
  }

  /**
   * Writes {@code chunk} without copying it: do not change the array afterwards.
   *
   * @param chunk the bytes or text to write
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(byte[] chunk) {
    return write(chunk, null);
  }

  /**
   * Writes {@code chunk} without copying it, then calls {@code callback}.
   *
   * @param chunk the bytes or text to write
   * @param callback called once with null when the chunk is written, or with the error; may be null
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(byte[] chunk, Consumer<JnetException> callback) {
    if (chunk == null) throw StreamErrors.nullValues();
    return write(Buffer.wrap(chunk), callback);
  }

  /**
   * Writes a copy of the remaining bytes of {@code chunk}.
   *
   * @param chunk the bytes or text to write
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(ByteBuffer chunk) {
    return write(chunk, null);
  }

  /**
   * Writes a copy of the remaining bytes of {@code chunk}, then calls {@code callback}.
   *
   * @param chunk the bytes or text to write
   * @param callback called once with null when the chunk is written, or with the error; may be null
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(ByteBuffer chunk, Consumer<JnetException> callback) {
    if (chunk == null) throw StreamErrors.nullValues();
    return write(Readable.copy(chunk), callback);
  }

  /**
   * Node's {@code end()}.
   *
   * @return this stream
   */
  default WritableStream end() {
    return end((Buffer) null, null);
  }

  /**
   * Node's {@code end(callback)}.
   *
   * @param callback called once with null at {@code 'finish'}, or with the error that prevents it;
   *     may be null
   * @return this stream
   */
  default WritableStream end(Consumer<JnetException> callback) {
    return end((Buffer) null, callback);
  }

  /**
   * Node's {@code end(chunk)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @return this stream
   */
  default WritableStream end(Buffer chunk) {
    return end(chunk, null);
  }

  /**
   * Node's {@code end(string)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @return this stream
   */
  default WritableStream end(String chunk) {
    return end(chunk, null, null);
  }

  /**
   * Node's {@code end(string, encoding)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param encoding the encoding's Node name; null means the default encoding
   * @return this stream
   */
  default WritableStream end(String chunk, String encoding) {
    return end(chunk, encoding, null);
  }

  /**
   * Node's {@code end(string, callback)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param callback called once with null at {@code 'finish'}, or with the error that prevents it;
   *     may be null
   * @return this stream
   */
  default WritableStream end(String chunk, Consumer<JnetException> callback) {
    return end(chunk, null, callback);
  }

  /**
   * Node's {@code end(bytes)}, without copying them.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @return this stream
   */
  default WritableStream end(byte[] chunk) {
    return end(chunk == null ? null : Buffer.wrap(chunk), null);
  }

  /**
   * Writes {@code chunk} encoded with {@code encoding}: Node's {@code write(string, encoding)}.
   *
   * @param chunk the bytes or text to write
   * @param encoding the encoding; null means the default
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(String chunk, Encoding encoding) {
    return write(chunk, encoding == null ? null : encoding.nodeName(), null);
  }

  /**
   * Writes {@code chunk} encoded by {@code charset}, as {@link String#getBytes(Charset)} encodes it
   * (a jnet extra; any charset, with Java's replacement of characters it cannot encode).
   *
   * @param chunk the bytes or text to write
   * @param charset the charset that encodes {@code chunk}
   * @return false when the buffered bytes reached the high-water mark: wait for {@code 'drain'}
   */
  default boolean write(String chunk, Charset charset) {
    if (chunk == null || charset == null) return write(chunk, (String) null, null);
    return write(Buffer.wrap(chunk.getBytes(charset)), null);
  }

  /**
   * Ends with {@code chunk} encoded with {@code encoding}: Node's {@code end(string, enc)}.
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param encoding the encoding; null means the default
   * @return this stream
   */
  default WritableStream end(String chunk, Encoding encoding) {
    return end(chunk, encoding == null ? null : encoding.nodeName(), null);
  }

  /**
   * Ends with {@code chunk} encoded by {@code charset} (a jnet extra, as in {@link #write}).
   *
   * @param chunk the last bytes or text to write, or null for none
   * @param charset the charset that encodes {@code chunk}
   * @return this stream
   */
  default WritableStream end(String chunk, Charset charset) {
    if (chunk == null || charset == null) return end(chunk, (String) null, null);
    return end(Buffer.wrap(chunk.getBytes(charset)), null);
  }

  /** Holds writes in the buffer until the matching {@link #uncork()}; nests. */
  void cork();

  /** Undoes one {@link #cork()}; the last one hands the buffered chunks over as one batch. */
  void uncork();

  /**
   * Sets the encoding of strings written without one.
   *
   * @param encoding the encoding's Node name; null means the default encoding
   * @return this stream
   */
  WritableStream setDefaultEncoding(String encoding);

  /**
   * Node's {@code destroy()}.
   *
   * @return this stream
   */
  Stream destroy();

  /**
   * Node's {@code destroy(err)}.
   *
   * @param error the error to emit, or null
   * @return this stream
   */
  Stream destroy(Throwable error);

  /**
   * Node's {@code destroyed}.
   *
   * @return whether the stream was destroyed
   */
  boolean destroyed();

  /**
   * Node's {@code writable}: writes are still accepted.
   *
   * @return whether writes are accepted
   */
  boolean writable();

  /**
   * Bytes accepted and not yet written (including, off the loop, those still in flight).
   *
   * @return the number of bytes
   */
  int writableLength();

  /**
   * Node's {@code writableBuffer}: a copy of the chunks accepted and not yet handed to {@code
   * _write} (behind the write in progress, or a cork). Off the loop it waits for the loop's answer.
   *
   * @return a copy of the buffered chunks
   */
  List<Buffer> writableBuffer();

  /**
   * Node's {@code writableHighWaterMark}.
   *
   * @return the number of bytes
   */
  int writableHighWaterMark();

  /**
   * Node's {@code writableFinished}: {@code 'finish'} was emitted.
   *
   * @return whether {@code 'finish'} was emitted
   */
  boolean writableFinished();

  /**
   * Node's {@code writableEnded}: {@code end()} was called.
   *
   * @return whether {@code end()} was called
   */
  boolean writableEnded();

  /**
   * Node's {@code writableNeedDrain}: a write returned false and {@code 'drain'} is pending.
   *
   * @return whether {@code 'drain'} is pending
   */
  boolean writableNeedDrain();

  /**
   * Node's {@code writableCorked}: how many {@link #uncork()} calls would flush the buffer.
   *
   * @return the cork count
   */
  int writableCorked();

  /**
   * Node's {@code writableAborted}: destroyed or errored before {@code 'finish'}.
   *
   * @return whether the writable side was aborted
   */
  boolean writableAborted();
}
