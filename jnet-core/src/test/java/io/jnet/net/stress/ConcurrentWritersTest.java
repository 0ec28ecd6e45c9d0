package io.jnet.net.stress;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.buffer.Buffer;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.stream.Readable;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Eight threads writing to one jnet socket at once lose nothing and keep each thread's order, and
 * every listener still runs on the socket's loop thread.
 *
 * <p>Each thread writes {@value #RECORDS} records of {@value #RECORD} bytes: its id, the record's
 * sequence number and a payload derived from both. The peer, a jnet server socket, parses the
 * stream back into records and checks that each thread's records arrive exactly once, in order,
 * with their payload intact. It runs twice: writers that ignore {@code write}'s false (everything
 * is queued), and writers that wait for {@code 'drain'} after a false, as a Node writer would.
 */
class ConcurrentWritersTest {
  private static final int THREADS = 8;
  private static final int RECORDS = 2_000;
  private static final int RECORD = 100;
  private static final long TIMEOUT_SECONDS = 60;

  @Test
  void eightThreadsWritingToOneSocketLoseNothingAndKeepEachThreadsOrder() throws Exception {
    writeFromEightThreads(false);
  }

  @Test
  void eightThreadsHonouringBackpressureLoseNothingAndKeepEachThreadsOrder() throws Exception {
    writeFromEightThreads(true);
  }

  /**
   * Eight writer threads at once; with {@code honourBackpressure}, a writer whose {@code write}
   * returned false waits for {@code 'drain'} (while {@code writableNeedDrain()}) before going on.
   */
  private void writeFromEightThreads(boolean honourBackpressure) throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    CompletableFuture<Receiver> accepted = new CompletableFuture<>();
    CompletableFuture<AddressInfo> listening = new CompletableFuture<>();
    Server server =
        Net.createServer(
            socket -> {
              onLoop(socket, "server 'connection'", problems);
              Receiver r = new Receiver(socket, problems);
              if (!accepted.complete(r)) socket.destroy();
            });
    server.on(Server.ERROR, listening::completeExceptionally);
    Socket client = new Socket();
    try {
      server.listen(
          ListenOptions.port(0).host("127.0.0.1"), () -> listening.complete(server.address()));
      int port = await(listening, "the server's 'listening'").port();

      CompletableFuture<Void> connected = new CompletableFuture<>();
      CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
      AtomicLong callbacks = new AtomicLong();
      AtomicLong waits = new AtomicLong();
      ReentrantLock lock = new ReentrantLock();
      Condition drained = lock.newCondition();
      client.on(Socket.CONNECT, () -> connected.complete(onLoop(client, "connect", problems)));
      client.on(
          Socket.DRAIN,
          () -> {
            onLoop(client, "drain", problems);
            lock.lock();
            try {
              drained.signalAll();
            } finally {
              lock.unlock();
            }
          });
      client.on(Socket.FINISH, () -> onLoop(client, "finish", problems));
      client.on(Socket.END, () -> onLoop(client, "client 'end'", problems));
      client.on(Socket.DATA, b -> problems.add("client got " + b.length() + " unexpected bytes"));
      client.on(Socket.ERROR, e -> problems.add("client 'error' " + e));
      client.on(
          Socket.CLOSE,
          hadError -> {
            onLoop(client, "client 'close'", problems);
            clientClosed.complete(hadError);
          });
      client.connect(ConnectOptions.port(port).host("127.0.0.1"));
      await(connected, "the client's 'connect'");
      Receiver receiver = await(accepted, "the server's 'connection'");

      CountDownLatch go = new CountDownLatch(1);
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        Thread w =
            new Thread(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int seq = 0; seq < RECORDS; seq++) {
                    boolean more =
                        client.write(
                            Buffer.wrap(record(id, seq)),
                            err -> {
                              onLoop(client, "write callback", problems);
                              if (err == null) {
                                callbacks.incrementAndGet();
                              } else {
                                problems.add("write failed: " + err);
                              }
                            });
                    if (!more && honourBackpressure) {
                      waits.incrementAndGet();
                      if (!awaitDrain(client, lock, drained)) {
                        problems.add(Thread.currentThread().getName() + ": no 'drain'");
                        return;
                      }
                    }
                  }
                },
                "writer-" + t);
        w.start();
        writers.add(w);
      }
      go.countDown();
      for (Thread w : writers) {
        w.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (w.isAlive()) fail(w.getName() + " did not finish writing in " + TIMEOUT_SECONDS + " s");
      }
      client.end(); // after every writer's last write: handed to the loop behind them

      Boolean serverHadError = await(receiver.closed, "the server socket's 'close'");
      Boolean clientHadError = await(clientClosed, "the client's 'close'");
      CompletableFuture<Void> serverClosed = server.closeAsync();
      await(serverClosed, "the server's 'close'");
      System.out.printf(
          "ConcurrentWritersTest: %d threads x %d records of %d bytes, %s, transport %s%n",
          THREADS,
          RECORDS,
          RECORD,
          honourBackpressure ? "write returned false " + waits.get() + " times" : "no waiting",
          Transport.current());

      assertAll(
          () -> assertEquals(List.of(), problems, "problems seen by listeners"),
          () -> assertEquals((long) THREADS * RECORDS, callbacks.get(), "write callbacks"),
          () -> assertEquals((long) THREADS * RECORDS * RECORD, receiver.bytes, "bytes received"),
          () -> assertTrue(receiver.sawEnd, "the server socket saw 'end'"),
          () -> assertEquals(Boolean.FALSE, serverHadError, "server socket 'close'(hadError)"),
          () -> assertEquals(Boolean.FALSE, clientHadError, "client 'close'(hadError)"),
          () -> {
            for (int t = 0; t < THREADS; t++) {
              assertEquals(RECORDS, receiver.next[t], "records received from thread " + t);
            }
          });
    } finally {
      client.destroy();
      if (server.listening()) server.close();
      accepted.thenAccept(r -> r.socket.destroy());
    }
  }

  /** Waits while {@code socket.writableNeedDrain()}, woken by 'drain'; false after the timeout. */
  private static boolean awaitDrain(Socket socket, ReentrantLock lock, Condition drained) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    lock.lock();
    try {
      while (socket.writableNeedDrain()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        drained.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** A record: thread id and sequence (big-endian ints), then a payload derived from both. */
  private static byte[] record(int thread, int seq) {
    byte[] b = new byte[RECORD];
    putInt(b, 0, thread);
    putInt(b, 4, seq);
    for (int i = 8; i < RECORD; i++) b[i] = payload(thread, seq, i);
    return b;
  }

  private static byte payload(int thread, int seq, int i) {
    return (byte) (thread * 31 + seq * 7 + i);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  /** Notes a problem unless the caller runs on {@code socket}'s loop; returns null. */
  private static Void onLoop(Socket socket, String what, List<String> problems) {
    if (!socket.loop().inLoop() && problems.size() < 20) {
      problems.add(what + " ran on " + Thread.currentThread().getName() + ", not the loop");
    }
    return null;
  }

  /** The server side: parses records out of {@code 'data'} and checks them as they come. */
  private static final class Receiver {
    final Socket socket;
    final List<String> problems;
    final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    // Loop thread only, until 'close' completes `closed` (which publishes them).
    final int[] next = new int[THREADS];
    final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    long bytes;
    boolean sawEnd;

    Receiver(Socket socket, List<String> problems) {
      this.socket = socket;
      this.problems = problems;
      socket.on(Socket.DATA, this::onData);
      socket.on(
          Readable.END,
          () -> {
            onLoop(socket, "server 'end'", problems);
            sawEnd = true;
          });
      socket.on(Socket.ERROR, e -> problems.add("server socket 'error' " + e));
      socket.on(
          Socket.CLOSE,
          hadError -> {
            onLoop(socket, "server socket 'close'", problems);
            closed.complete(hadError);
          });
    }

    private void onData(Buffer chunk) {
      onLoop(socket, "server 'data'", problems);
      bytes += chunk.length();
      partial.write(chunk.array(), chunk.arrayOffset(), chunk.length());
      byte[] all = partial.toByteArray();
      int at = 0;
      for (; at + RECORD <= all.length; at += RECORD) check(all, at);
      partial.reset();
      partial.write(all, at, all.length - at);
    }

    private void check(byte[] b, int at) {
      int thread = getInt(b, at);
      int seq = getInt(b, at + 4);
      if (thread < 0 || thread >= THREADS) {
        problem("a record from thread " + thread + " at byte " + (bytes - b.length + at));
        return;
      }
      if (seq != next[thread]) {
        problem("thread " + thread + ": record " + seq + " where " + next[thread] + " was due");
      }
      next[thread] = seq + 1;
      for (int i = 8; i < RECORD; i++) {
        if (b[at + i] != payload(thread, seq, i)) {
          problem("thread " + thread + " record " + seq + ": payload byte " + i + " is wrong");
          return;
        }
      }
    }

    private void problem(String p) {
      if (problems.size() < 20) problems.add(p);
    }
  }

  private static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("no " + what + " within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      return fail(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
