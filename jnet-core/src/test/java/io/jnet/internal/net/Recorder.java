package io.jnet.internal.net;

import io.jnet.error.JnetException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A recording {@link StreamListener}: the log of events in order, the bytes read, and futures for
 * end, error and close. Events arrive on the loop thread; readers use the futures.
 */
class Recorder implements StreamListener {
  final List<String> log = new ArrayList<>(); // loop thread only until a future completes
  final CompletableFuture<Void> eof = new CompletableFuture<>();
  final CompletableFuture<JnetException> error = new CompletableFuture<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile long count;
  private volatile CompletableFuture<Void> countReached;
  private volatile long countWanted;

  @Override
  public void onRead(byte[] chunk) {
    synchronized (this) {
      bytes.write(chunk, 0, chunk.length);
      count += chunk.length;
    }
    if (log.isEmpty() || !log.get(log.size() - 1).equals("data")) log.add("data");
    CompletableFuture<Void> f = countReached;
    if (f != null && count >= countWanted) f.complete(null);
  }

  @Override
  public void onEof() {
    log.add("eof");
    eof.complete(null);
  }

  @Override
  public void onError(JnetException e) {
    log.add("error " + e.code());
    error.complete(e);
  }

  @Override
  public void onClose() {
    log.add("close");
    closed.complete(null);
  }

  /** Completes once at least {@code n} bytes were read in all. */
  synchronized CompletableFuture<Void> whenRead(long n) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    countWanted = n;
    countReached = f;
    if (count >= n) f.complete(null);
    return f;
  }

  long count() {
    return count;
  }

  synchronized byte[] bytes() {
    return bytes.toByteArray();
  }

  synchronized String text() {
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
