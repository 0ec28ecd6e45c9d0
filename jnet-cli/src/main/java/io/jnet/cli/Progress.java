package io.jnet.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live progress line on stderr: bytes each way, the current rate and the elapsed time,
 * rewritten in place ({@code \r}) at most four times a second.
 *
 * <p>Counters are bumped from any thread; a daemon thread of its own redraws the line, so a slow
 * terminal never slows the transfer. The line shows only when stderr is a terminal ({@link
 * Mode#AUTO}) unless forced ({@link Mode#ALWAYS}); {@link #finish} draws it a last time and ends it
 * with a newline, so the next message starts on a line of its own.
 */
final class Progress {
  /** When the line shows. */
  enum Mode {
    NEVER,
    AUTO,
    ALWAYS
  }

  static final long INTERVAL_MILLIS = 250;

  final AtomicLong sent = new AtomicLong();
  final AtomicLong received = new AtomicLong();
  final AtomicInteger open = new AtomicInteger();
  private final PrintStream err;
  private final boolean showOpen;
  private final long start = System.nanoTime();
  private Thread painter; // guarded by this
  private int lastWidth; // painter thread, then finish under this
  private long lastBytes; // painter thread only
  private long lastNanos = start; // painter thread only
  private String rate = "0 B/s"; // painter thread only

  /**
   * A progress line on {@code err}, drawn only when {@code mode} allows; {@code showOpen} adds the
   * number of open connections (relay). When {@code dataOnStdout} (connect, listen), {@link
   * Mode#AUTO} also stays quiet if stdout is a terminal too, as curl's meter does: the line would
   * cut into the bytes shown there.
   */
  Progress(Mode mode, PrintStream err, boolean showOpen, boolean dataOnStdout) {
    this.err = err;
    this.showOpen = showOpen;
    boolean auto = isTerminal(2) && !(dataOnStdout && isTerminal(1));
    if (mode == Mode.ALWAYS || (mode == Mode.AUTO && auto)) {
      painter = new Thread(this::paintLoop, "jnet-progress");
      painter.setDaemon(true);
      painter.start();
    }
  }

  boolean live() {
    synchronized (this) {
      return painter != null;
    }
  }

  /** Stops the live line: draws it once more, then a newline. Idempotent. */
  void finish() {
    synchronized (this) {
      if (painter == null) return;
      painter.interrupt();
      painter = null;
      paint();
      err.print('\n');
      err.flush();
    }
  }

  /**
   * Prints {@code message} on {@code target} as a line of its own: the live line, if shown, is
   * wiped first and drawn again below it.
   */
  void log(PrintStream target, String message) {
    synchronized (this) {
      if (painter != null) {
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
        lastWidth = 0;
      }
      target.println(message);
      target.flush();
      if (painter != null) paint();
    }
  }

  private void paintLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (painter != Thread.currentThread()) return;
        long now = System.nanoTime();
        long bytes = sent.get() + received.get();
        rate = size((bytes - lastBytes) * 1_000_000_000.0 / Math.max(1, now - lastNanos)) + "/s";
        lastBytes = bytes;
        lastNanos = now;
        paint();
      }
    }
  }

  /** Caller holds this. */
  private void paint() {
    String line = line();
    int pad = Math.max(0, lastWidth - line.length());
    lastWidth = line.length();
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
  }

  String line() {
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String elapsed = String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    return (showOpen ? open.get() + " open, " : "")
        + "sent "
        + size(sent.get())
        + ", received "
        + size(received.get())
        + ", "
        + rate
        + ", "
        + elapsed;
  }

  /** {@code bytes} in B, KiB, MiB or GiB with one decimal above bytes. */
  static String size(double bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < units.length - 1) {
      bytes /= 1024;
      u++;
    }
    return u == 0
        ? String.format(Locale.ROOT, "%.0f B", bytes)
        : String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
  }

  /** Seconds since {@code startNanos}, to the millisecond: {@code 1.234s}. */
  static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.3fs", (System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * Whether fd 1 or 2 is a terminal. {@code ./jnet} answers with {@code [ -t N ]} in the properties
   * {@code jnet.stdout.tty} and {@code jnet.stderr.tty}; without them, Linux's {@code
   * /proc/self/fd/N} link is read (Java 17 has no isatty, and {@code System.console()} looks at
   * stdin and stdout together).
   */
  static boolean isTerminal(int fd) {
    String told = System.getProperty(fd == 1 ? "jnet.stdout.tty" : "jnet.stderr.tty");
    if (told != null) return told.equals("true");
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception notLinux) {
      return false;
    }
  }
}
