package io.jnet.net;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Node's {@code onread} socket option: a buffer that every read lands in, reused, and the callback
 * that receives it, instead of {@code 'data'} events. Give it with {@link ConnectOptions#onread} or
 * {@link SocketOptions#onread}.
 *
 * <p>As in Node 24: each read is at most the buffer's length, so a bigger arrival is handed over in
 * several calls; {@link Socket#bytesRead()} already counts a read when its call runs; a callback
 * that returns false stops reading until {@code resume()} or {@code read(0)}; {@code 'data'} is
 * never emitted, {@code 'end'} and {@code 'close'} are. A buffer function is asked once for the
 * first buffer and once after each call for the next.
 */
public final class OnRead {
  /** Receives one read: Node's {@code onread.callback(nread, buf)}. */
  @FunctionalInterface
  public interface Callback {
    /**
     * {@code nread} bytes were read into {@code buffer}, from index 0; they are valid during this
     * call only. Return false to stop reading (Node's {@code return false}).
     *
     * @param nread how many bytes were read
     * @param buffer the buffer holding them, from index 0
     * @return false to stop reading
     */
    boolean onRead(int nread, Buffer buffer);
  }

  private final Buffer buffer;
  private final Supplier<Buffer> supplier;
  private final Callback callback;

  private OnRead(Buffer buffer, Supplier<Buffer> supplier, Callback callback) {
    this.buffer = buffer;
    this.supplier = supplier;
    this.callback = callback;
  }

  static OnRead of(Buffer buffer, Callback callback) {
    if (buffer == null) throw invalid("options.onread.buffer", "buffer");
    if (callback == null) throw invalid("options.onread.callback", "callback");
    return new OnRead(buffer, null, callback);
  }

  static OnRead of(Supplier<Buffer> supplier, Callback callback) {
    if (supplier == null) throw invalid("options.onread.buffer", "buffer");
    if (callback == null) throw invalid("options.onread.callback", "callback");
    return new OnRead(null, supplier, callback);
  }

  private static JnetException invalid(String name, String what) {
    // Node 24 does not check onread (a bad one fails at the first read); Java refuses null early.
    return JnetException.typeError(
        "ERR_INVALID_ARG_TYPE", "The \"" + name + "\" property must be a " + what + ".");
  }

  /** One socket's state of this option: the buffer in use and the bytes a stop held back. */
  Reader reader() {
    return new Reader();
  }

  /** The read path of one socket. Loop thread only. */
  final class Reader {
    private Buffer current = buffer != null ? buffer : supplier.get();

    /** Bytes read but not handed over because the callback stopped reading; or null. */
    private byte[] rest;

    private int restOffset;
    private int restEnd;

    /** Set by a pause: the piece being handed over is the last until {@link #release}. */
    private boolean held;

    /** A pause: no piece is handed over after the one in progress, as Node reads no more. */
    void hold() {
      held = true;
    }

    /** A resume: pieces may be handed over again. */
    void release() {
      held = false;
    }

    /**
     * Hands {@code length} bytes of {@code chunk} from {@code offset} over, one buffer at a time;
     * {@code counted} runs with each piece's size before its call. Returns false if the callback
     * stopped reading; the bytes not handed over are kept for {@link #drain}.
     */
    boolean deliver(byte[] chunk, int offset, int length, IntConsumer counted) {
      int end = offset + length;
      while (offset < end) {
        Buffer b = current;
        int n = Math.min(b.length(), end - offset);
        if (n == 0)
          throw JnetException.typeError("ERR_INVALID_ARG_VALUE", "onread buffer is empty");
        System.arraycopy(chunk, offset, b.array(), b.arrayOffset(), n);
        offset += n;
        counted.accept(n);
        boolean more = callback.onRead(n, b) && !held;
        if (supplier != null) {
          Buffer next = supplier.get();
          if (next != null) current = next;
        }
        if (!more) {
          if (offset < end) {
            rest = chunk;
            restOffset = offset;
            restEnd = end;
          }
          return false;
        }
      }
      return true;
    }

    /**
     * Hands {@code src}'s remaining bytes over, one buffer at a time, as {@link #deliver(byte[],
     * int, int, IntConsumer)}; what a stop leaves is copied (src is the transport's, valid during
     * the call only).
     */
    boolean deliver(ByteBuffer src, IntConsumer counted) {
      while (src.hasRemaining()) {
        Buffer b = current;
        int n = Math.min(b.length(), src.remaining());
        if (n == 0)
          throw JnetException.typeError("ERR_INVALID_ARG_VALUE", "onread buffer is empty");
        src.get(b.array(), b.arrayOffset(), n);
        counted.accept(n);
        boolean more = callback.onRead(n, b) && !held;
        if (supplier != null) {
          Buffer next = supplier.get();
          if (next != null) current = next;
        }
        if (!more) {
          if (src.hasRemaining()) {
            rest = new byte[src.remaining()];
            src.get(rest);
            restOffset = 0;
            restEnd = rest.length;
          }
          return false;
        }
      }
      return true;
    }

    /**
     * Hands over what a stop held back; returns false if the callback stopped again, or if a pause
     * holds the reader.
     */
    boolean drain(IntConsumer counted) {
      if (held) return false;
      byte[] r = rest;
      if (r == null) return true;
      rest = null;
      return deliver(r, restOffset, restEnd - restOffset, counted);
    }
  }
}
