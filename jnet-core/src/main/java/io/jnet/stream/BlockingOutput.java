package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A blocking {@link OutputStream} over a {@link WritableStream}, for code on other threads (virtual
 * threads included): {@link Streams#outputStream(WritableStream)}.
 *
 * <p>Each {@code write} copies the bytes and writes them to the stream; when the stream answers
 * false, the caller waits for {@code 'drain'}, so a fast writer cannot outrun the stream. {@code
 * flush} waits until every write so far called back; {@code close} ends the stream and waits for
 * {@code 'finish'}. A write error, {@code 'error'} or {@code 'close'} fails the waiting call, and
 * every later one, with an IOException whose cause is the JnetException.
 */
final class BlockingOutput extends OutputStream {
  private final WritableStream stream;
  private final Stream emitter;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Consumer<JnetException> onWritten = this::onWritten;

  private long outstanding; // guarded by lock: writes not called back yet
  private boolean drained = true; // guarded by lock
  private boolean finished; // guarded by lock
  private boolean streamClosed; // guarded by lock
  private JnetException failure; // guarded by lock
  private boolean closed; // guarded by lock

  BlockingOutput(WritableStream stream) {
    this.stream = stream;
    this.emitter = (Stream) stream;
    emitter.on(WritableStream.DRAIN, this::onDrain);
    emitter.on(WritableStream.FINISH, this::onFinish);
    emitter.on(Stream.ERROR, this::fail);
    emitter.once(Stream.CLOSE, this::onClose);
  }

  // Loop thread.

  private void onWritten(JnetException err) {
    lock.lock();
    try {
      outstanding--;
      if (err != null && failure == null) failure = err;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onDrain() {
    lock.lock();
    try {
      drained = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onFinish() {
    lock.lock();
    try {
      finished = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void fail(JnetException err) {
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
      streamClosed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  // Writer threads.

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    checkThread();
    byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
    lock.lock();
    try {
      check();
      outstanding++;
      drained = false;
    } finally {
      lock.unlock();
    }
    if (stream.write(Buffer.wrap(copy), onWritten)) {
      onDrain();
      return;
    }
    await(() -> drained);
  }

  /** Waits until every write so far was written (called back). */
  @Override
  public void flush() throws IOException {
    checkThread();
    await(() -> outstanding == 0);
  }

  /** Ends the stream and waits for {@code 'finish'}. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) return;
      closed = true;
    } finally {
      lock.unlock();
    }
    checkThread();
    stream.end();
    await(() -> finished);
  }

  private interface Done {
    boolean done();
  }

  private void await(Done done) throws IOException {
    lock.lock();
    try {
      while (!done.done()) {
        if (failure != null) throw new IOException(failure.getMessage(), failure);
        if (streamClosed) throw new IOException("stream closed", StreamErrors.prematureClose());
        changed.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by lock. */
  private void check() throws IOException {
    if (failure != null) throw new IOException(failure.getMessage(), failure);
    if (streamClosed) throw new IOException("stream closed", StreamErrors.prematureClose());
  }

  private void checkThread() throws IOException {
    if (emitter.onLoop()) {
      throw new IOException("a blocking write on the stream's own loop thread would never return");
    }
  }
}
