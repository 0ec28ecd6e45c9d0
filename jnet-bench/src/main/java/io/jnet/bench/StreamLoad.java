package io.jnet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load client for byte-echo servers, written on the JDK alone so that it measures jnet without
 * running on it.
 *
 * <pre>
 * java -cp jnet-bench/target/jnet-bench.jar io.jnet.bench.StreamLoad MODE TARGET
 *     [-c CONNECTIONS] [-s BYTES] [-w WARMUP_SECONDS] [-d SECONDS] [--sync]
 * </pre>
 *
 * <p>TARGET is {@code tcp:[HOST:]PORT} or {@code unix:PATH}. MODE is one of:
 *
 * <ul>
 *   <li>{@code stream} (10 connections, 64 KiB chunks): every connection writes its own pattern
 *       without pause and reads the echo back, verifying every byte; the unit is the megabyte (10^6
 *       bytes) echoed.
 *   <li>{@code pingpong} (50 connections, 64-byte messages): every connection writes a message,
 *       waits for all of it to come back, verifies it and writes the next; the unit is the round
 *       trip.
 *   <li>{@code connect} (10 connections at a time): connect, write one byte, read it back, close,
 *       repeat; the unit is the connection.
 * </ul>
 *
 * <p>{@code -c} and {@code -s} change those counts and sizes; the warm-up ({@code -w}, default 2
 * seconds) runs the load uncounted before the measured window ({@code -d}, default 5 seconds).
 *
 * <p>Each connection runs on platform threads over blocking {@link SocketChannel}s (two threads in
 * stream mode, a writer and a reader, so both directions stay busy). After the warm-up the client
 * counts the units completed during the measured window and prints one line of {@code key=value}
 * pairs, for example {@code mode=stream ... units=5120.3 unit=MB rate=853.4 rate_unit=MB/s
 * errors=0}. It exits with status 3 when a byte came back wrong or a connection failed.
 *
 * <p>{@code --sync} lets a profiler bracket the window exactly: at the start and at the end of the
 * window the client prints {@code # window start} or {@code # window end} and waits for a line on
 * standard input before it takes its count, while the load keeps running.
 */
public final class StreamLoad {
  /** The pattern's period, a prime, so a chunk boundary never lines up with the pattern's. */
  private static final int PERIOD = 65521;

  private final String mode;
  private final SocketAddress address;
  private final int size;

  /** Units completed so far, by every connection; any thread. */
  private final AtomicLong units = new AtomicLong();

  /** Failures (mismatched bytes, lost connections) seen so far; any thread. */
  private final AtomicLong errors = new AtomicLong();

  /** Bytes each stream connection wrote in all, set by its writer when it stops. */
  private final AtomicLongArray sentTotals;

  /** Set once the window is over: connections finish their current unit and close. */
  private volatile boolean stopping;

  private StreamLoad(String mode, SocketAddress address, int size, int connections) {
    this.sentTotals = new AtomicLongArray(connections);
    this.mode = mode;
    this.address = address;
    this.size = size;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) usage();
    String mode = args[0];
    if (!List.of("stream", "pingpong", "connect").contains(mode)) usage();
    SocketAddress address = parseTarget(args[1]);
    int connections = mode.equals("pingpong") ? 50 : 10;
    int size = mode.equals("pingpong") ? 64 : mode.equals("connect") ? 1 : 64 * 1024;
    double warmup = 2;
    double seconds = 5;
    boolean sync = false;
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--sync")) {
        sync = true;
      } else if (i + 1 < args.length && a.equals("-c")) {
        connections = Integer.parseInt(args[++i]);
      } else if (i + 1 < args.length && a.equals("-s")) {
        size = Integer.parseInt(args[++i]);
      } else if (i + 1 < args.length && a.equals("-w")) {
        warmup = Double.parseDouble(args[++i]);
      } else if (i + 1 < args.length && a.equals("-d")) {
        seconds = Double.parseDouble(args[++i]);
      } else {
        usage();
      }
    }
    if (connections < 1 || size < 1 || warmup < 0 || seconds <= 0) usage();
    System.exit(
        new StreamLoad(mode, address, size, connections).run(connections, warmup, seconds, sync));
  }

  private static void usage() {
    System.err.println(
        "usage: StreamLoad stream|pingpong|connect tcp:[HOST:]PORT|unix:PATH"
            + " [-c CONNECTIONS] [-s BYTES] [-w WARMUP_SECONDS] [-d SECONDS] [--sync]");
    System.exit(1);
  }

  static SocketAddress parseTarget(String target) {
    if (target.startsWith("unix:")) return UnixDomainSocketAddress.of(target.substring(5));
    if (!target.startsWith("tcp:")) throw new IllegalArgumentException("bad target " + target);
    String hp = target.substring(4);
    int i = hp.lastIndexOf(':');
    String host = i < 0 ? "127.0.0.1" : hp.substring(0, i);
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    return new InetSocketAddress(host, Integer.parseInt(hp.substring(i + 1)));
  }

  /** Runs the load, prints the result line and returns the exit status. */
  private int run(int connections, double warmup, double seconds, boolean sync)
      throws InterruptedException, IOException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      int id = i;
      switch (mode) {
        case "stream" -> {
          // Connect here, so that a refused connection fails the run before the window.
          SocketChannel ch = open();
          threads.add(thread("writer-" + id, () -> streamWrite(ch, id)));
          threads.add(thread("reader-" + id, () -> streamRead(ch, id)));
        }
        case "pingpong" -> {
          SocketChannel ch = open();
          threads.add(thread("pingpong-" + id, () -> pingPong(ch, id)));
        }
        default -> threads.add(thread("connect-" + id, this::connectLoop));
      }
    }
    threads.forEach(Thread::start);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Thread.sleep((long) (warmup * 1000));
    if (sync) handshake(in, "# window start");
    long startUnits = units.get();
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    if (sync) handshake(in, "# window end");
    long endUnits = units.get();
    double window = (System.nanoTime() - start) / 1e9;
    stopping = true;
    for (Thread t : threads) t.join(30_000);
    double done = endUnits - startUnits;
    if (mode.equals("stream")) done /= 1e6;
    String unit = mode.equals("stream") ? "MB" : mode.equals("pingpong") ? "rt" : "conn";
    System.out.println(
        String.format(
            Locale.ROOT,
            "mode=%s target=%s conns=%d size=%d window_s=%.3f units=%.1f unit=%s rate=%.1f"
                + " rate_unit=%s/s errors=%d",
            mode,
            address,
            connections,
            size,
            window,
            done,
            unit,
            done / window,
            unit,
            errors.get()));
    return errors.get() == 0 ? 0 : 3;
  }

  private static void handshake(BufferedReader in, String line) throws IOException {
    System.out.println(line);
    System.out.flush();
    in.readLine();
  }

  private Thread thread(String name, IoTask task) {
    return new Thread(
        () -> {
          try {
            task.run();
          } catch (IOException e) {
            if (!stopping) {
              errors.incrementAndGet();
              System.err.println(Thread.currentThread().getName() + ": " + e);
            }
          }
        },
        name);
  }

  private interface IoTask {
    void run() throws IOException;
  }

  private SocketChannel open() throws IOException {
    SocketChannel ch =
        address instanceof UnixDomainSocketAddress
            ? SocketChannel.open(StandardProtocolFamily.UNIX)
            : SocketChannel.open();
    ch.connect(address);
    if (address instanceof InetSocketAddress) ch.socket().setTcpNoDelay(true);
    return ch;
  }

  /**
   * The pattern of connection {@code id}, repeated so that any {@code size} bytes starting below
   * {@link #PERIOD} are one contiguous slice.
   */
  private ByteBuffer pattern(int id) {
    ByteBuffer b = ByteBuffer.allocateDirect(PERIOD + Math.max(size, 256 * 1024));
    long x = 0x9E3779B97F4A7C15L * (id + 1);
    for (int i = 0; i < PERIOD; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      b.put(i, (byte) x);
    }
    for (int i = PERIOD; i < b.capacity(); i++) b.put(i, b.get(i - PERIOD));
    return b;
  }

  /** Writes the pattern in {@code size}-byte chunks until the window ends, then half-closes. */
  private void streamWrite(SocketChannel ch, int id) throws IOException {
    ByteBuffer pattern = pattern(id);
    long sent = 0;
    while (!stopping) {
      int off = (int) (sent % PERIOD);
      ByteBuffer chunk = pattern.duplicate().position(off).limit(off + size);
      while (chunk.hasRemaining()) sent += ch.write(chunk);
    }
    sentTotals.set(id, sent);
    ch.shutdownOutput();
  }

  /** Reads the echo until the server ends it, comparing every byte with the pattern. */
  private void streamRead(SocketChannel ch, int id) throws IOException {
    ByteBuffer pattern = pattern(id);
    ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
    long received = 0;
    try (ch) {
      int n;
      while ((n = ch.read(buf.clear())) >= 0) {
        int off = (int) (received % PERIOD);
        if (buf.flip().mismatch(pattern.duplicate().position(off).limit(off + n)) >= 0) {
          errors.incrementAndGet();
          System.err.println("stream " + id + ": wrong byte after " + received + " bytes");
          return;
        }
        received += n;
        units.addAndGet(n);
      }
    }
    if (received != sentTotals.get(id)) {
      errors.incrementAndGet();
      System.err.println(
          "stream " + id + ": sent " + sentTotals.get(id) + " bytes, got back " + received);
    }
  }

  /** Sends {@code size}-byte messages one at a time, each after the previous came back whole. */
  private void pingPong(SocketChannel ch, int id) throws IOException {
    ByteBuffer pattern = pattern(id);
    ByteBuffer buf = ByteBuffer.allocateDirect(size);
    long offset = 0;
    try (ch) {
      while (!stopping) {
        int off = (int) (offset % PERIOD);
        ByteBuffer message = pattern.duplicate().position(off).limit(off + size);
        while (message.hasRemaining()) ch.write(message);
        readFully(ch, buf.clear());
        if (buf.flip().mismatch(pattern.duplicate().position(off).limit(off + size)) >= 0) {
          errors.incrementAndGet();
          System.err.println("pingpong " + id + ": wrong echo at offset " + offset);
          return;
        }
        offset += size;
        units.incrementAndGet();
      }
    }
  }

  /** Connects, echoes one byte and closes, until the window ends. */
  private void connectLoop() throws IOException {
    ByteBuffer one = ByteBuffer.allocateDirect(1);
    ByteBuffer back = ByteBuffer.allocateDirect(1);
    while (!stopping) {
      try (SocketChannel ch = open()) {
        one.clear().put(0, (byte) 'x');
        ch.write(one);
        readFully(ch, back.clear());
        if (back.get(0) != 'x') {
          errors.incrementAndGet();
          return;
        }
      }
      units.incrementAndGet();
    }
  }

  private static void readFully(SocketChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) throw new IOException("connection ended early");
    }
  }
}
