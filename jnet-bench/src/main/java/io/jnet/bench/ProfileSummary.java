package io.jnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Summarizes a server's CPU profile, in async-profiler's collapsed format, as the share of samples
 * and the microseconds of CPU per unit of work that went to each part of a streamed echo.
 *
 * <pre>
 * java -cp jnet-bench/target/jnet-bench.jar io.jnet.bench.ProfileSummary PROFILE.collapsed
 *     [--units=N --unit=MB] [--interval-ns=1000000] [--cpu-seconds=S] [--top=15] [--detail=N]
 * </pre>
 *
 * <p>The profile is expected with the {@code threads} and {@code ann} options, so a stack starts
 * with its thread ({@code [jnet-loop-0 tid=42]}) and kernel frames end in {@code _[k]}. Every
 * sample goes to one category: first by thread (GC and JIT compiler threads), then by its frames
 * read from the leaf towards the root, where the first frame that names a category decides. So a
 * kernel copy under {@code recv} counts as a socket read, {@code memset} under an allocation counts
 * as a JVM copy, and a JDK collection method called by {@code io.jnet.stream} counts as jnet stream
 * bookkeeping. The inclusive lines beneath count the samples whose stack holds a frame anywhere
 * (the read path, the write path, Netty's flushes), so they overlap.
 *
 * <p>Microseconds per unit are the CPU time divided by {@code --units}, split by the share of
 * samples. The CPU time is {@code --cpu-seconds} (the server's CPU time over the same window, from
 * {@code /proc}) when given, else samples times the sampling interval: the two agree within a few
 * percent with {@code event=cpu}, while {@code event=itimer} fires at most once per kernel tick and
 * so sees only part of the CPU. {@code --detail=N} adds the N largest self frames of every
 * category, to check what a category holds.
 */
public final class ProfileSummary {
  private ProfileSummary() {}

  /** One way a sample can be classified: a name and a test on one frame. */
  private record Category(String name, Predicate<String> frame) {}

  private static Predicate<String> names(String regex) {
    return Pattern.compile(regex).asMatchPredicate();
  }

  private static final String GC = "GC threads (and GC pauses in the VM thread)";
  private static final String JIT = "JIT compiler threads";
  private static final String OTHER = "other (interpreter, JVM runtime, JDK code alone)";

  /** GC work, wherever it runs: a serial collection runs in the VM thread, not a GC thread. */
  private static final Predicate<String> GC_THREAD =
      names("\\[(GC Thread|G1 |VM Periodic|Gang worker|ParGC|Parallel GC|Concurrent).*");

  private static final Predicate<String> GC_FRAME =
      names(
          "(VM_GenCollect|VM_G1|VM_ParallelGC|VM_CollectForMetadataAllocation|GCTaskThread"
              + "|G1ConcurrentRefine|ConcurrentGCThread|WorkerThread::run|GangWorker::run).*");

  private static final Predicate<String> JIT_THREAD = names("\\[(C1|C2) Compiler.*|\\[Sweeper.*");

  /** The categories read from the frames, in the order a frame is tested against them. */
  private static final List<Category> FRAME_CATEGORIES =
      List.of(
          new Category(
              "kernel socket read (recv copy)",
              names(
                  "(recv|recvfrom|recvmsg|read|readv|__libc_recv|__libc_read|__read|__recv|__readv"
                      + "|__GI___libc_read|__GI___readv|__x64_sys_(read|readv|recv|recvfrom|recvmsg)"
                      + "|tcp_recvmsg|unix_stream_recvmsg|unix_stream_read_generic|sock_read_iter"
                      + "|io/netty/channel/unix/FileDescriptor\\.read.*"
                      + "|io/netty/channel/unix/Socket\\.recv.*"
                      + "|sun/nio/ch/(SocketDispatcher|UnixDispatcher|FileDispatcherImpl)\\.read.*"
                      + "|sun/nio/ch/IOUtil\\.read.*)(_\\[.\\])?")),
          new Category(
              "kernel socket write (send)",
              names(
                  "(send|sendto|sendmsg|write|writev|__libc_send|__libc_write|__write|__send"
                      + "|__writev|__GI___libc_write|__GI___writev"
                      + "|__x64_sys_(write|writev|send|sendto|sendmsg)"
                      + "|tcp_sendmsg|unix_stream_sendmsg|sock_write_iter"
                      + "|io/netty/channel/unix/FileDescriptor\\.write.*"
                      + "|io/netty/channel/unix/Socket\\.send.*"
                      + "|sun/nio/ch/(SocketDispatcher|UnixDispatcher|FileDispatcherImpl)\\.write.*"
                      + "|sun/nio/ch/IOUtil\\.write.*)(_\\[.\\])?")),
          new Category(
              "epoll_wait / selector",
              names(
                  "(epoll_wait|epoll_pwait|epoll_ctl|__x64_sys_epoll_.*|eventfd_write"
                      + "|io/netty/channel/epoll/Native\\.(epoll|eventFd|timerFd).*"
                      + "|sun/nio/ch/EPoll\\..*|sun/nio/ch/EPollSelectorImpl\\..*"
                      + "|sun/nio/ch/SelectorImpl\\..*)(_\\[.\\])?")),
          new Category(
              "kernel accept, close and socket options",
              names(
                  "(accept|accept4|__x64_sys_accept4?|close|__close|__x64_sys_close|shutdown"
                      + "|__x64_sys_shutdown|setsockopt|getsockopt|__x64_sys_[gs]etsockopt"
                      + "|io/netty/channel/unix/Socket\\.(accept|shutdown|set|get).*"
                      + "|io/netty/channel/unix/FileDescriptor\\.close.*"
                      + "|sun/nio/ch/Net\\.(accept|setIntOption|getIntOption|shutdown).*"
                      + "|sun/nio/ch/.*\\.close0.*)(_\\[.\\])?")),
          new Category(
              "JVM copies (arraycopy, Unsafe.copyMemory, memcpy, memset)",
              names(
                  "(.*_arraycopy.*|Unsafe_CopyMemory0|Unsafe_SetMemory0|__mem(cpy|move|set)_.*"
                      + "|memcpy|memmove|memset|jdk/internal/misc/Unsafe\\.(copyMemory|setMemory).*)"
                      + "(?<!_\\[k\\])")),
          new Category(
              "allocation (JVM, Netty pools, direct buffers)",
              names(
                  "(OptoRuntime::new_.*|MemAllocator::.*|CollectedHeap::.*|.*Klass::allocate.*"
                      + "|_new_array.*|_new_instance.*|ThreadLocalAllocBuffer::.*|malloc|free"
                      + "|Unsafe_AllocateMemory0|Unsafe_FreeMemory0"
                      + "|jdk/internal/misc/Unsafe\\.(allocate|free).*"
                      + "|java/nio/(ByteBuffer|DirectByteBuffer)\\.(allocate|<init>).*"
                      + "|io/netty/buffer/Pool.*|io/netty/buffer/.*Allocator.*"
                      + "|io/netty/util/Recycler.*)")),
          new Category(
              "jnet stream bookkeeping (io.jnet outside io.jnet.internal)",
              names("io/jnet/(?!internal/).*")),
          new Category(
              "jnet handle + Netty pipeline (io.jnet.internal, io.netty)",
              names("(io/jnet/internal/|io/netty/).*")));

  /** Inclusive probes: a label and the frames whose presence anywhere in a stack counts. */
  private static final Map<String, Predicate<String>> INCLUSIVE = new LinkedHashMap<>();

  static {
    INCLUSIVE.put(
        "read path (Netty's read loop and all it calls)",
        names(".*(EpollStreamUnsafe\\.epollInReady|NioByteUnsafe\\.read)_\\[.\\]"));
    INCLUSIVE.put(
        "  of which jnet delivery (Socket.onRead and all it calls)",
        names("io/jnet/net/Socket\\.onRead_\\[.\\]"));
    INCLUSIVE.put(
        "write path (Writable.write and all it calls)",
        names("io/jnet/stream/WritableState\\.write_\\[.\\]"));
    INCLUSIVE.put(
        "Netty flushes (flush0 and all it calls)",
        names("io/netty/channel/AbstractChannel\\$AbstractUnsafe\\.flush0_\\[.\\]"));
    INCLUSIVE.put(
        "  of which the write syscalls (doWrite)", names("io/netty/channel/.*\\.doWrite_\\[.\\]"));
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: ProfileSummary PROFILE.collapsed [--units=N --unit=MB] [--interval-ns=N]"
              + " [--cpu-seconds=S] [--top=N] [--detail=N]");
      System.exit(1);
    }
    double units = 0;
    String unit = "MB";
    long intervalNs = 1_000_000;
    double cpuSeconds = 0;
    int top = 15;
    int detail = 0;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String v = a.substring(a.indexOf('=') + 1);
      if (a.startsWith("--units=")) units = Double.parseDouble(v);
      else if (a.startsWith("--unit=")) unit = v;
      else if (a.startsWith("--interval-ns=")) intervalNs = Long.parseLong(v);
      else if (a.startsWith("--cpu-seconds=")) cpuSeconds = Double.parseDouble(v);
      else if (a.startsWith("--top=")) top = Integer.parseInt(v);
      else if (a.startsWith("--detail=")) detail = Integer.parseInt(v);
      else throw new IllegalArgumentException("unknown argument " + a);
    }
    Path profile = Path.of(args[0]);
    new Report(units, unit, intervalNs).read(profile).print(profile, cpuSeconds, top, detail);
  }

  /** Sample counts by category, by inclusive probe and by leaf frame. */
  private static final class Report {
    private final double units;
    private final String unit;
    private final long intervalNs;
    private final Map<String, Long> byCategory = new LinkedHashMap<>();
    private final Map<String, Long> byProbe = new LinkedHashMap<>();
    private final Map<String, Long> bySelf = new HashMap<>();
    private final Map<String, Map<String, Long>> selfByCategory = new HashMap<>();
    private long total;

    /** The CPU time the samples stand for, set by {@link #print}. */
    private double cpuMicros;

    Report(double units, String unit, long intervalNs) {
      this.units = units;
      this.unit = unit;
      this.intervalNs = intervalNs;
      byCategory.put(GC, 0L);
      byCategory.put(JIT, 0L);
      for (Category c : FRAME_CATEGORIES) byCategory.put(c.name(), 0L);
      byCategory.put(OTHER, 0L);
      for (String probe : INCLUSIVE.keySet()) byProbe.put(probe, 0L);
    }

    Report read(Path profile) throws IOException {
      for (String line : Files.readAllLines(profile)) {
        int space = line.lastIndexOf(' ');
        if (space < 0) continue;
        long count = Long.parseLong(line.substring(space + 1).trim());
        String[] frames = line.substring(0, space).split(";");
        total += count;
        String category = classify(frames);
        String leaf = frames[frames.length - 1];
        byCategory.merge(category, count, Long::sum);
        bySelf.merge(leaf, count, Long::sum);
        selfByCategory
            .computeIfAbsent(category, k -> new HashMap<>())
            .merge(leaf, count, Long::sum);
        for (Map.Entry<String, Predicate<String>> probe : INCLUSIVE.entrySet()) {
          for (String f : frames) {
            if (probe.getValue().test(f)) {
              byProbe.merge(probe.getKey(), count, Long::sum);
              break;
            }
          }
        }
      }
      return this;
    }

    private static String classify(String[] frames) {
      String thread = frames[0];
      if (GC_THREAD.test(thread)) return GC;
      if (JIT_THREAD.test(thread)) return JIT;
      for (String f : frames) {
        if (GC_FRAME.test(f)) return GC;
      }
      for (int i = frames.length - 1; i >= 0; i--) {
        for (Category c : FRAME_CATEGORIES) {
          if (c.frame().test(frames[i])) return c.name();
        }
      }
      return OTHER;
    }

    void print(Path profile, double cpuSeconds, int top, int detail) {
      double sampledSeconds = total * intervalNs / 1e9;
      // A timer signal (itimer) fires at most once per kernel tick, so samples can undercount
      // the CPU; /proc's figure, when given, is the total that the shares divide.
      this.cpuMicros = (cpuSeconds > 0 ? cpuSeconds : sampledSeconds) * 1e6;
      System.out.printf(Locale.ROOT, "profile %s%n", profile.getFileName());
      System.out.printf(
          Locale.ROOT,
          "%d samples every %.3f ms = %.2f s of server CPU%n",
          total,
          intervalNs / 1e6,
          sampledSeconds);
      if (cpuSeconds > 0) {
        System.out.printf(
            Locale.ROOT,
            "/proc: %.2f s of server CPU in the window; the samples saw %.0f%% of it%n",
            cpuSeconds,
            100.0 * sampledSeconds / cpuSeconds);
      }
      if (units > 0) {
        System.out.printf(
            Locale.ROOT,
            "%.1f %s in the window: %s us of server CPU per %s (%s)%n",
            units,
            unit,
            micros(perUnit(total)),
            unit,
            cpuSeconds > 0 ? "/proc's CPU time, split by the samples" : "the samples");
      }
      System.out.println();
      table("where the CPU went (each sample counted once)", byCategory);
      System.out.println();
      table("inclusive (samples whose stack holds the frame; lines overlap)", byProbe);
      System.out.println();
      table("top " + top + " self frames", largest(bySelf, top));
      if (detail <= 0) return;
      for (String category : byCategory.keySet()) {
        Map<String, Long> leaves = selfByCategory.getOrDefault(category, Map.of());
        if (leaves.isEmpty()) continue;
        System.out.println();
        table("top self frames of: " + category, largest(leaves, detail));
      }
    }

    private static Map<String, Long> largest(Map<String, Long> counts, int n) {
      Map<String, Long> result = new LinkedHashMap<>();
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(n)
          .forEach(e -> result.put(e.getKey(), e.getValue()));
      return result;
    }

    private void table(String title, Map<String, Long> rows) {
      String perUnit = units > 0 ? "us/" + unit : "";
      System.out.printf(Locale.ROOT, "%-66s %7s %8s%n", title, "share", perUnit);
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, Long> e : rows.entrySet()) {
        String name = e.getKey().length() > 64 ? e.getKey().substring(0, 64) : e.getKey();
        lines.add(
            String.format(
                Locale.ROOT,
                "  %-64s %6.1f%% %8s",
                name,
                total == 0 ? 0 : 100.0 * e.getValue() / total,
                units > 0 ? micros(perUnit(e.getValue())) : ""));
      }
      lines.forEach(System.out::println);
    }

    /** Three significant digits or so: 812, 43.1, 6.25. */
    private static String micros(double us) {
      return String.format(Locale.ROOT, us >= 100 ? "%.0f" : us >= 10 ? "%.1f" : "%.2f", us);
    }

    private double perUnit(long samples) {
      return total == 0 ? 0 : cpuMicros * samples / total / units;
    }
  }
}
