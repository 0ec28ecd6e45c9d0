package io.jnet.cli;

import io.jnet.buffer.Buffer;
import io.jnet.loop.KeepAlive;
import io.jnet.net.Socket;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Copies stdin to the current socket on a thread of its own, with backpressure.
 *
 * <p>jnet takes writes from any thread. When {@code write} returns false the pump stops reading
 * stdin until that socket's {@code 'drain'} (or its close), so a slow peer holds back the reader
 * instead of filling memory: at most one 64 KiB chunk beyond the socket's high-water mark is ever
 * queued. The target may change ({@code jnet listen --keep-open} serves connections in turn); a
 * chunk read while no socket is attached waits for the next one. At end of stdin the attached
 * socket, and each one attached later, is ended (FIN) unless {@code shutdown} is false.
 *
 * <p>While stdin is open the pump holds its loop alive, as Node's {@code process.stdin} handle
 * does: a socket that has read the peer's end and has nothing queued no longer holds the JVM, and
 * the pump's thread is a daemon, so without the hold the tool could exit with stdin half copied.
 */
final class StdinPump {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final boolean shutdown;
  private final Progress progress;
  private final PrintStream err;
  private final String name;
  private Socket target; // guarded by this
  private long drains; // guarded by this: 'drain' events of the target so far
  private boolean ended; // guarded by this: stdin reached its end
  private boolean started; // guarded by this
  private KeepAlive stdinOpen; // guarded by this: held from the first attach to the end of stdin

  StdinPump(InputStream in, boolean shutdown, Progress progress, PrintStream err, String name) {
    this.in = in;
    this.shutdown = shutdown;
    this.progress = progress;
    this.err = err;
    this.name = name;
  }

  /** Makes {@code socket} the target (it must be connected); starts the pump on first use. */
  synchronized void attach(Socket socket) {
    target = socket;
    drains = 0;
    socket.on(Socket.DRAIN, () -> drained(socket));
    socket.once(Socket.CLOSE, () -> detach(socket));
    if (ended && shutdown) socket.end();
    notifyAll();
    if (!started) {
      started = true;
      stdinOpen = socket.loop().keepAlive();
      Thread t = new Thread(this::run, "jnet-stdin");
      t.setDaemon(true);
      t.start();
    }
  }

  private synchronized void drained(Socket socket) {
    if (target == socket) {
      drains++;
      notifyAll();
    }
  }

  private synchronized void detach(Socket socket) {
    if (target == socket) {
      target = null;
      notifyAll();
    }
  }

  private void run() {
    byte[] buf = new byte[CHUNK];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n > 0) send(Buffer.from(buf, 0, n));
      }
    } catch (IOException e) {
      err.println("jnet " + name + ": stdin: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (this) {
        stdinOpen.close(); // the pump stops: it no longer holds the loop
      }
      return;
    }
    synchronized (this) {
      ended = true;
      if (target != null && shutdown) target.end();
      stdinOpen.close(); // after end(): the socket holds the loop from the call on
    }
  }

  private void send(Buffer chunk) throws InterruptedException {
    Socket socket;
    long seen;
    synchronized (this) {
      while (target == null) wait();
      socket = target;
      seen = drains;
    }
    progress.sent.addAndGet(chunk.length());
    if (socket.write(chunk)) return;
    synchronized (this) {
      while (target == socket && drains == seen) wait();
    }
  }
}
