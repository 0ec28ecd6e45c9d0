package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking {@link InputStream} over a {@link Readable}, for code on other threads (virtual
 * threads included): {@link Streams#inputStream(Readable)}.
 *
 * <p>It consumes the stream in flowing mode and keeps what the reader has not taken yet; past the
 * stream's high-water mark it pauses the stream, and resumes it once the reader took half of it, so
 * the stream's backpressure reaches the producer. EOF is the stream's {@code 'end'}; an {@code
 * 'error'}, or a {@code 'close'} before {@code 'end'}, fails the read with an IOException whose
 * cause is the JnetException. Closing it destroys the stream.
 */
final class BlockingInput extends InputStream {
  private final Readable stream;
  private final int limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Guarded by lock. */
  private final ArrayDeque<Buffer> chunks = new ArrayDeque<>();

  private Buffer head; // guarded by lock
  private int headOffset; // guarded by lock
  private long queued; // guarded by lock
  private boolean paused; // guarded by lock
  private boolean ended; // guarded by lock
  private JnetException failure; // guarded by lock
  private boolean closed; // guarded by lock

  BlockingInput(Readable stream) {
    this.stream = stream;
    this.limit = Math.max(1, stream.readableHighWaterMark());
    stream.on(Readable.DATA, this::onData);
    stream.once(Readable.END, this::onEnd);
    stream.on(Stream.ERROR, this::onError);
    stream.once(Stream.CLOSE, this::onClose);
  }

  // Loop thread.

  private void onData(Buffer chunk) {
    boolean pause;
    lock.lock();
    try {
      if (chunk.length() == 0) return;
      chunks.addLast(chunk);
      queued += chunk.length();
      pause = !paused && queued >= limit;
      if (pause) paused = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (pause) stream.pause();
  }

  private void onEnd() {
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onError(JnetException err) {
    lock.lock();
    try {
      if (failure == null) failure = err;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onClose() {
    lock.lock();
    try {
      if (!ended && failure == null) failure = StreamErrors.prematureClose();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  // Reader threads.

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) return 0;
    if (stream.onLoop()) {
      throw new IOException("a blocking read on the stream's own loop thread would never return");
    }
    boolean resume = false;
    int n;
    lock.lock();
    try {
      while (true) {
        if (closed) throw new IOException("closed");
        if (head != null || !chunks.isEmpty()) break;
        if (ended) return -1;
        if (failure != null) throw new IOException(failure.getMessage(), failure);
        changed.await();
      }
      n = take(b, off, len);
      if (paused && queued <= limit / 2) {
        paused = false;
        resume = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } finally {
      lock.unlock();
    }
    if (resume) stream.resume();
    return n;
  }

  /** Copies up to {@code len} buffered bytes into {@code b}. Guarded by lock. */
  private int take(byte[] b, int off, int len) {
    int n = 0;
    while (n < len) {
      if (head == null) {
        head = chunks.pollFirst();
        headOffset = 0;
        if (head == null) break;
      }
      int count = Math.min(len - n, head.length() - headOffset);
      System.arraycopy(head.array(), head.arrayOffset() + headOffset, b, off + n, count);
      n += count;
      headOffset += count;
      if (headOffset == head.length()) head = null;
    }
    queued -= n;
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, queued);
    } finally {
      lock.unlock();
    }
  }

  /** Destroys the stream: what is not read yet is dropped. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) return;
      closed = true;
      chunks.clear();
      head = null;
      queued = 0;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    stream.destroy();
  }
}
