package io.jnet.net.interop;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The jnet side of an interop exchange, the twin of {@code peer.js}: over a socket with {@code
 * allowHalfOpen}, it sends {@code size} bytes of one PRNG stream as fast as backpressure allows,
 * then ends its side, while it checks every byte it receives against another stream.
 *
 * <p>Listeners are added by {@link #attach}; {@link #pump()} starts sending and runs on the
 * socket's loop. {@link #result()} completes on {@code 'close'}. Every listener and write callback
 * notes whether it ran on the socket's loop thread ({@link Result#offLoop()} lists those that did
 * not).
 */
public final class JnetPeer {
  private static final int CHUNK = 65536;

  /** What one side saw, {@code peer.js}'s result plus the jnet-only observations. */
  public record Result(
      String role,
      long sent,
      long received,
      long expected,
      Long mismatchAt,
      List<String> errors,
      boolean sawEnd,
      Boolean hadError,
      List<String> offLoop,
      long bytesRead,
      long bytesWritten) {
    /** peer.js's {@code ok}, plus 'end' seen, 'close' without error and every event on the loop. */
    public boolean ok() {
      return errors.isEmpty()
          && mismatchAt == null
          && sent == expected
          && received == expected
          && sawEnd
          && Boolean.FALSE.equals(hadError)
          && offLoop.isEmpty();
    }
  }

  private final Socket socket;
  private final String role;
  private final long size;
  private final Prng out;
  private final Prng expect;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<String> offLoop = new CopyOnWriteArrayList<>();

  // Loop thread only, read by the 'close' listener (also on the loop).
  private long queued;
  private long sent;
  private long received;
  private Long mismatchAt;
  private boolean sawEnd;

  private JnetPeer(Socket socket, String role, long size, int sendSeed, int recvSeed) {
    this.socket = socket;
    this.role = role;
    this.size = size;
    this.out = new Prng(sendSeed);
    this.expect = new Prng(recvSeed);
  }

  /** Adds the exchange's listeners to {@code socket}; call {@link #pump()} to start sending. */
  public static JnetPeer attach(Socket socket, String role, long size, int sendSeed, int recvSeed) {
    JnetPeer peer = new JnetPeer(socket, role, size, sendSeed, recvSeed);
    socket.on(Socket.DATA, peer::onData);
    socket.on(Socket.END, peer::onEnd);
    socket.on(Socket.ERROR, peer::onError);
    socket.on(Socket.CLOSE, peer::onClose);
    return peer;
  }

  /** The socket this peer talks over. */
  public Socket socket() {
    return socket;
  }

  /** Completes on the socket's {@code 'close'}. */
  public CompletableFuture<Result> result() {
    return result;
  }

  /** Starts sending; from any thread (it hops to the socket's loop). */
  public void pump() {
    if (!socket.loop().inLoop()) {
      socket.loop().execute(this::pump);
      return;
    }
    while (queued < size) {
      int n = (int) Math.min(CHUNK, size - queued);
      queued += n;
      boolean more = socket.write(Buffer.wrap(out.next(n)), err -> afterWrite(n, err));
      if (!more) {
        socket.once(Socket.DRAIN, this::onDrain);
        return;
      }
    }
    socket.end();
  }

  private void onDrain() {
    checkLoop("drain");
    pump();
  }

  private void afterWrite(int n, JnetException err) {
    checkLoop("write callback");
    if (err == null) sent += n;
  }

  private void onData(Buffer chunk) {
    checkLoop("data");
    int bad = expect.check(chunk.array(), chunk.arrayOffset(), chunk.length());
    if (bad >= 0 && mismatchAt == null) mismatchAt = received + bad;
    received += chunk.length();
  }

  private void onEnd() {
    checkLoop("end");
    sawEnd = true;
  }

  private void onError(JnetException e) {
    checkLoop("error");
    errors.add(
        e.code() + ": " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
  }

  private void onClose(Boolean hadError) {
    checkLoop("close");
    result.complete(
        new Result(
            role,
            sent,
            received,
            size,
            mismatchAt,
            List.copyOf(errors),
            sawEnd,
            hadError,
            List.copyOf(offLoop),
            socket.bytesRead(),
            socket.bytesWritten()));
  }

  private void checkLoop(String what) {
    if (!socket.loop().inLoop() && offLoop.size() < 10) {
      offLoop.add(what + " on " + Thread.currentThread().getName());
    }
  }
}
