package io.jnet.net.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.AddressInfo;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.interop.Prng;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The fault suite's shared fixture: what this JVM holds (descriptors, threads, heap) before a case
 * and the check that it is back after, and a recorder of one socket's events.
 *
 * <p>Descriptors are counted in {@code /proc/self/fd}; threads are the live ones; heap is the used
 * heap after a full collection. A case takes a {@link Baseline} once its warm-up is done (the loop
 * threads exist) and ends with {@link Baseline#assertBack}, which waits for the loop to finish
 * closing what the case's last {@code 'close'} events announced.
 */
final class Faults {
  /** How long a case waits for any one thing before failing. */
  static final long TIMEOUT_SECONDS = 60;

  /** How much more heap than at the baseline a case may leave behind. */
  static final long HEAP_SLACK = 32L << 20;

  /** Whether the long soaks run ({@code -Djnet.soak=true}); off by default. */
  static final boolean SOAK = Boolean.getBoolean("jnet.soak");

  private Faults() {}

  /** The number of descriptors this process has open. */
  static int openDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count() - 1; // the listing's own descriptor
    } catch (IOException e) {
      throw new AssertionError("cannot list /proc/self/fd", e);
    }
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  /** What the JVM held when a case began. */
  record Baseline(int descriptors, int threads, long heap) {
    /** The baseline, once the loop runs and a connection's classes are loaded. */
    static Baseline take() throws InterruptedException {
      warmUp();
      return new Baseline(openDescriptors(), Thread.activeCount(), usedHeapAfterGc());
    }

    /** Waits until descriptors and threads are back to this baseline, then checks the heap. */
    void assertBack() throws InterruptedException {
      awaitTrue(
          () -> openDescriptors() <= descriptors && Thread.activeCount() <= threads,
          () ->
              "descriptors "
                  + openDescriptors()
                  + " (baseline "
                  + descriptors
                  + "), threads "
                  + Thread.activeCount()
                  + " (baseline "
                  + threads
                  + ")");
      long heapNow = usedHeapAfterGc();
      if (heapNow > heap + HEAP_SLACK) {
        fail("heap after GC " + (heapNow >> 20) + " MiB, baseline " + (heap >> 20) + " MiB");
      }
    }
  }

  /** One echo exchange over a fresh server, so that the loop's threads and descriptors exist. */
  static void warmUp() throws InterruptedException {
    Server server = Net.createServer(s -> s.on(Socket.DATA, b -> s.end(b)));
    int port = listen(server);
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Socket c = Net.connect(port, "127.0.0.1");
    c.on(Socket.DATA, b -> {});
    c.on(Socket.CLOSE, closed::complete);
    c.end("warm");
    await(closed, "the warm-up's 'close'");
    close(server);
  }

  /** Polls {@code condition} until it holds; fails with {@code state} after the timeout. */
  static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        fail("not back within " + TIMEOUT_SECONDS + " s: " + state.get());
      Thread.sleep(5); // a poll of the kernel's tables, not a synchronisation of threads
    }
  }

  static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("no " + what + " within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      return fail(what + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** A server listening on 127.0.0.1, port 0; returns its port. */
  static int listen(Server server) throws InterruptedException {
    AddressInfo a =
        await(server.listenAsync(ListenOptions.port(0).host("127.0.0.1")), "'listening'");
    return a.port();
  }

  static void close(Server server) throws InterruptedException {
    if (server.listening()) await(server.closeAsync(), "the server's 'close'");
  }

  /** A fresh socket path in {@code dir}. */
  static String socketPath(Path dir, String name) {
    return dir.resolve(name).toString();
  }

  /**
   * A client socket to 127.0.0.1:{@code port}; {@code setup} adds its listeners before connecting.
   */
  static Socket connect(int port, Consumer<Socket> setup) {
    Socket s = new Socket(); // listeners first: events run on the loop, maybe before we return
    setup.accept(s);
    s.connect(port, "127.0.0.1");
    return s;
  }

  /** A blocking JDK peer connected to 127.0.0.1:{@code port}. */
  static SocketChannel peer(int port) throws IOException {
    return SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
  }

  /** Closes {@code peer} with a reset (SO_LINGER 0), as a crashed or impatient peer does. */
  static void reset(SocketChannel peer) throws IOException {
    peer.setOption(StandardSocketOptions.SO_LINGER, 0);
    peer.close();
  }

  /**
   * Reads up to {@code limit} bytes (or to the end, or to a reset) from a blocking peer, each
   * checked against {@code expect}; returns how many came.
   */
  static long readChecked(SocketChannel peer, Prng expect, long limit) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(65536);
    long received = 0;
    while (received < limit) {
      buf.clear().limit((int) Math.min(buf.capacity(), limit - received));
      int n;
      try {
        n = peer.read(buf);
      } catch (IOException e) {
        if (limit == Long.MAX_VALUE) return received; // reset: what came is what counts
        throw e;
      }
      if (n < 0) break;
      int bad = expect.check(buf.array(), 0, n);
      if (bad >= 0) fail("wrong byte at offset " + (received + bad));
      received += n;
    }
    return received;
  }

  /** Writes {@code count} bytes of {@code gen} to a blocking peer. */
  static void writeAll(SocketChannel peer, Prng gen, long count) throws IOException {
    byte[] b = new byte[65536];
    for (long left = count; left > 0; ) {
      int n = (int) Math.min(b.length, left);
      gen.fill(b, 0, n);
      ByteBuffer buf = ByteBuffer.wrap(b, 0, n);
      while (buf.hasRemaining()) peer.write(buf);
      left -= n;
    }
  }

  /**
   * Checks every chunk a jnet socket receives against a stream; loop thread only (a 'data'
   * listener), read anywhere once 'close' came.
   */
  static final class Checker implements Consumer<Buffer> {
    private final Prng expect;
    volatile long received;
    volatile long firstBad = -1;

    Checker(int seed) {
      this.expect = new Prng(seed);
    }

    @Override
    public void accept(Buffer chunk) {
      byte[] b = chunk.toByteArray();
      int bad = expect.check(b, 0, b.length);
      if (bad >= 0 && firstBad < 0) firstBad = received + bad;
      received += b.length;
    }

    void assertIntact(long expected) {
      assertEquals(-1, firstBad, "offset of the first wrong byte");
      if (expected >= 0) assertEquals(expected, received, "bytes received (checked)");
    }
  }

  /**
   * Writes {@code total} bytes of a stream to a socket, obeying write()'s result: it stops on false
   * and goes on at 'drain', then ends if asked. Loop thread only.
   */
  static final class Pump {
    private final Socket socket;
    private final Prng gen;
    private final boolean end;
    private long left;

    /** The most the socket ever buffered; read anywhere after 'close'. */
    volatile int maxWritableLength;

    Pump(Socket socket, int seed, long total, boolean end) {
      this.socket = socket;
      this.gen = new Prng(seed);
      this.left = total;
      this.end = end;
    }

    Pump start() {
      socket.on(Socket.DRAIN, this::run);
      run();
      return this;
    }

    private void run() {
      while (left > 0 && !socket.destroyed()) {
        int n = (int) Math.min(65536, left);
        left -= n;
        boolean more = socket.write(Buffer.wrap(gen.next(n)));
        maxWritableLength = Math.max(maxWritableLength, socket.writableLength());
        if (!more) return;
      }
      if (left == 0 && end && !socket.destroyed()) socket.end();
    }
  }

  /** One socket's events: error codes, 'end', and 'close' with its count. */
  static final class Events {
    final List<String> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger ends = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final CompletableFuture<Boolean> closed = new CompletableFuture<>();

    static Events of(Socket s) {
      Events e = new Events();
      s.on(Socket.ERROR, (JnetException err) -> e.errors.add(err.code()));
      s.on(Socket.END, e.ends::incrementAndGet);
      s.on(
          Socket.CLOSE,
          hadError -> {
            e.closes.incrementAndGet();
            e.closed.complete(hadError);
          });
      return e;
    }

    Boolean awaitClose() throws InterruptedException {
      return await(closed, "'close'");
    }

    /** 'close' came once; at most one 'error', and it has one of {@code codes} if any. */
    /** 'close'(true) came once after exactly one 'error', which has one of {@code codes}. */
    void assertOneError(String... codes) throws InterruptedException {
      awaitClose();
      if (errors.isEmpty()) fail("no 'error'; expected one of " + List.of(codes));
      assertClosedOnce(codes);
    }

    /** 'close'(false) came once, with no 'error'. */
    void assertCleanClose() throws InterruptedException {
      awaitClose();
      assertEquals(List.of(), errors, "'error' events");
      assertClosedOnce();
    }

    void assertClosedOnce(String... codes) throws InterruptedException {
      Boolean hadError = awaitClose();
      assertEquals(1, closes.get(), "'close' count");
      if (errors.size() > 1) fail("more than one 'error': " + errors);
      if (!errors.isEmpty() && !List.of(codes).contains(errors.get(0))) {
        fail("'error' " + errors.get(0) + ", expected one of " + List.of(codes));
      }
      assertEquals(!errors.isEmpty(), hadError, "'close'(hadError) with errors " + errors);
    }
  }

  /** The class path of a child JVM: jnet, its tests and Netty, however Surefire laid this out. */
  static String childClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    try {
      for (Class<?> c :
          new Class<?>[] {
            Faults.class,
            Net.class,
            io.netty.channel.Channel.class,
            io.netty.util.concurrent.Future.class,
            io.netty.buffer.ByteBuf.class,
            io.netty.resolver.AddressResolver.class,
            io.netty.channel.epoll.Epoll.class,
            io.netty.channel.unix.Socket.class
          }) {
        entries.add(
            Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      }
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("netty")) entries.add(e);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** {@code java -cp ... main args}, with this JVM's transport, as a list for a shell or exec. */
  static List<String> javaCommand(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Djnet.transport=" + System.getProperty("jnet.transport", "auto"));
    command.add("-cp");
    command.add(childClassPath());
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** {@code command} quoted for {@code bash -c}. */
  static String shellQuote(List<String> command) {
    StringBuilder b = new StringBuilder();
    for (String arg : command) {
      if (b.length() > 0) b.append(' ');
      b.append('\'').append(arg.replace("'", "'\\''")).append('\'');
    }
    return b.toString();
  }
}
