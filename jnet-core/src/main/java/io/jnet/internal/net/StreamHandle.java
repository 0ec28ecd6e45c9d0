package io.jnet.internal.net;

import io.jnet.buffer.Buffer;
import io.jnet.net.AddressInfo;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A connected byte stream over a native socket: what libuv's {@code uv_stream_t} and Node's {@code
 * stream_wrap} are to Node's {@code net.Socket}.
 *
 * <p>A handle is long-lived; each {@link #write}, {@link #shutdown} and {@link #close} is a request
 * with its own {@link Callback}, called once, later, on the loop thread (a write or shutdown
 * completed within the call excepted). Reads are pushed to the {@link StreamListener} between
 * {@link #readStart()} and {@link #readStop()}; a new handle is not reading. A write the kernel
 * takes whole completes within the call, as in libuv.
 *
 * <p>Threads: every method must be called on the handle's loop thread, except the counters and
 * addresses, which may be read from any thread.
 */
public interface StreamHandle {
  /** Sets who receives reads, end and close; call before {@link #readStart()}. */
  void setListener(StreamListener listener);

  /**
   * Starts reading from the kernel. Chunks the transport read while stopped are delivered first, in
   * a later task, never from inside this call.
   */
  void readStart();

  /** Stops reading from the kernel: the peer's writes block once the socket buffers are full. */
  void readStop();

  /** Whether reading is started. */
  boolean reading();

  /**
   * Writes {@code chunks} as one request, without copying them: the kernel is tried at once, as
   * libuv does, and what it does not take is queued. Returns true when every byte left within the
   * call: the request is complete and {@code callback} is never called (libuv's synchronous write).
   * Otherwise the caller must not change the bytes before {@code callback} runs, later, with null
   * once the bytes are in the kernel, or Node's error: {@code write EPIPE} or {@code write
   * ECONNRESET} when the peer is gone, {@code write ECANCELED} when this handle was closed while
   * the write was pending, {@code write EBADF} when it was closed before. Positions and limits are
   * left untouched. Write errors go only to the callback, never to {@link StreamListener#onError}.
   */
  boolean write(ByteBuffer[] chunks, Callback callback);

  /** Writes one jnet buffer's bytes; see {@link #write(ByteBuffer[], Callback)}. */
  boolean write(Buffer chunk, Callback callback);

  /** Writes several jnet buffers as one request (Node's {@code writev}), without copying them. */
  boolean write(List<Buffer> chunks, Callback callback);

  /** Writes one chunk; see {@link #write(ByteBuffer[], Callback)}. */
  boolean write(ByteBuffer chunk, Callback callback);

  /** Writes {@code length} bytes of {@code array} from {@code offset}, without copying them. */
  boolean write(byte[] array, int offset, int length, Callback callback);

  /**
   * Sends FIN once every write queued before it has completed; the read side stays open. Pending
   * writes are never failed by it. Returns true when nothing was queued and the FIN left within the
   * call: the request is complete and {@code callback} is never called. Otherwise {@code callback}
   * runs later with null, or the error: {@code shutdown ENOTCONN} when the handle was already shut
   * down or closed, or the peer is gone (as libuv reports it; Node's socket takes it as success).
   */
  boolean shutdown(Callback callback);

  /** Closes the socket; pending writes fail with {@code ECANCELED}. */
  void close(Callback callback);

  /**
   * Closes with {@code SO_LINGER} 0 so the peer sees a reset ({@code ECONNRESET}); for a Unix
   * domain socket, a plain close.
   */
  void reset(Callback callback);

  /** Disables (true) or enables Nagle's algorithm; ignored for Unix domain sockets. */
  void setNoDelay(boolean noDelay);

  /**
   * Turns TCP keep-alive on or off; with {@code initialDelayMillis} of a second or more, the idle
   * time before the first probe is set too, in whole seconds as Node does. Ignored for Unix domain
   * sockets.
   */
  void setKeepAlive(boolean enable, int initialDelayMillis);

  /** Bytes read from the kernel so far. */
  long bytesRead();

  /** Bytes whose writes have completed so far. */
  long bytesWritten();

  /** Bytes queued by {@link #write} and not yet completed: libuv's {@code write_queue_size}. */
  long writeQueueSize();

  /** The local address of a TCP socket as Node prints it, or null (Unix socket, or closed). */
  AddressInfo localAddress();

  /** The peer's address of a TCP socket as Node prints it, or null (Unix socket, or closed). */
  AddressInfo remoteAddress();

  /** True for a Unix domain socket. */
  boolean isPipe();

  /** True once the socket is closed. */
  boolean isClosed();
}
