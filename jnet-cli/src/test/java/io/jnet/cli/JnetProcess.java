package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A {@code jnet} command running in a child JVM, with its output collected by reader threads.
 *
 * <p>stderr is always collected as lines. stdout is collected as lines ({@link #start}) or, for
 * {@code jnet connect}, whose stdout is the peer's bytes, as raw bytes ({@link #startRaw}), or not
 * at all, its pipe closed ({@link #startWithStdoutClosed}). Waiting is always on a condition with a
 * deadline: {@link #awaitStdout} and {@link #awaitStderr} wait for a line matching a pattern,
 * {@link #awaitExit} for the exit code. {@link #close} kills the child if it is still running, so a
 * test ends it in a finally (try-with-resources).
 */
final class JnetProcess implements AutoCloseable {
  /** A deadlock guard, not a measurement: nothing here should take more than a few seconds. */
  static final long TIMEOUT_SECONDS = 60;

  /** The start-up options {@code ./jnet} runs the tool with (a client JIT, the serial GC). */
  static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Process process;
  private final String command;
  private final Lines out;
  private final Lines err;
  private final ByteArrayOutputStream rawOut; // guarded by itself
  private final Thread outReader;
  private final Thread errReader;

  private final CRC32 crc = new CRC32(); // guarded by rawOut
  private long rawCount; // guarded by rawOut

  private JnetProcess(List<String> jvmOptions, List<String> args, Stdout mode) throws IOException {
    this(Main.class.getName(), System.getProperty("java.class.path"), jvmOptions, args, mode);
  }

  private JnetProcess(
      String mainClass, String classPath, List<String> jvmOptions, List<String> args, Stdout mode)
      throws IOException {
    this.command = "jnet " + String.join(" ", args);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_OPTIONS);
    cmd.addAll(jvmOptions);
    String transport = System.getProperty("jnet.transport");
    if (transport != null) cmd.add("-Djnet.transport=" + transport); // -Djnet.transport=nio too
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass);
    cmd.addAll(args);
    this.process = new ProcessBuilder(cmd).start();
    this.err = new Lines();
    this.errReader = readLines(process.getErrorStream(), err, "stderr");
    if (mode == Stdout.CLOSED) {
      process.getInputStream().close();
      this.out = null;
      this.rawOut = new ByteArrayOutputStream();
      this.outReader = new Thread(() -> {});
    } else if (mode == Stdout.BYTES || mode == Stdout.CHECKSUM) {
      this.out = null;
      this.rawOut = new ByteArrayOutputStream();
      this.outReader = readBytes(process.getInputStream(), mode == Stdout.BYTES);
    } else {
      this.out = new Lines();
      this.rawOut = null;
      this.outReader = readLines(process.getInputStream(), out, "stdout");
    }
  }

  /** Starts {@code jnet args...}, collecting stdout as lines. */
  static JnetProcess start(String... args) throws IOException {
    return new JnetProcess(List.of(), List.of(args), Stdout.LINES);
  }

  /** Starts {@code jnet args...}, collecting stdout as bytes. */
  static JnetProcess startRaw(String... args) throws IOException {
    return new JnetProcess(List.of(), List.of(args), Stdout.BYTES);
  }

  /** Starts {@code jnet args...} with the read end of its stdout pipe closed (a broken pipe). */
  static JnetProcess startWithStdoutClosed(String... args) throws IOException {
    return new JnetProcess(List.of(), List.of(args), Stdout.CLOSED);
  }

  /**
   * Starts {@code java jvmOptions... jnet args...}, keeping only the count and CRC32 of stdout (for
   * transfers too big to hold).
   */
  static JnetProcess startChecksummed(List<String> jvmOptions, String... args) throws IOException {
    return new JnetProcess(jvmOptions, List.of(args), Stdout.CHECKSUM);
  }

  /**
   * Starts {@code java jvmOptions... -cp classPath mainClass args...}, collecting stdout as lines.
   */
  static JnetProcess startMain(
      String mainClass, String classPath, List<String> jvmOptions, String... args)
      throws IOException {
    return new JnetProcess(mainClass, classPath, jvmOptions, List.of(args), Stdout.LINES);
  }

  /** Starts {@code java jvmOptions... jnet args...}, collecting stdout as lines. */
  static JnetProcess startWith(List<String> jvmOptions, String... args) throws IOException {
    return new JnetProcess(jvmOptions, List.of(args), Stdout.LINES);
  }

  /** The child's stdin. */
  OutputStream stdin() {
    return process.getOutputStream();
  }

  /**
   * Sends SIGTERM. Through the {@link ProcessHandle}: {@link Process#destroy()} sends the same
   * signal but also closes our ends of the pipes, losing what the child prints on its way out.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for a stdout line matching {@code regex} (found anywhere in the line). */
  Matcher awaitStdout(String regex) throws InterruptedException {
    if (out == null) throw new IllegalStateException("stdout is raw");
    return await(out, "stdout", regex);
  }

  /** Waits for a stderr line matching {@code regex} (found anywhere in the line). */
  Matcher awaitStderr(String regex) throws InterruptedException {
    return await(err, "stderr", regex);
  }

  /** Waits for the {@code n}th stderr line matching {@code regex}. */
  Matcher awaitStderr(String regex, int n) throws InterruptedException {
    Matcher m = err.await(Pattern.compile(regex), n, TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
    if (m == null)
      fail(command + ": no " + n + " stderr lines matching /" + regex + "/\n" + describe());
    return m;
  }

  /** Waits for the child to exit, then for its output to be read to the end; returns the code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      fail(command + " did not exit\n" + describe());
    }
    outReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    errReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    return process.exitValue();
  }

  /** The number of stdout bytes read so far (raw or checksummed stdout). */
  long stdoutCount() {
    synchronized (rawOut) {
      return rawCount;
    }
  }

  /** The CRC32 of the stdout bytes read so far (raw or checksummed stdout). */
  long stdoutCrc() {
    synchronized (rawOut) {
      return crc.getValue();
    }
  }

  /** Waits until at least {@code n} bytes of a raw stdout have been read. */
  void awaitStdoutCount(long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    synchronized (rawOut) {
      while (rawCount < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) fail(command + ": stdout has " + rawCount + " bytes, not " + n);
        TimeUnit.NANOSECONDS.timedWait(rawOut, left);
      }
    }
  }

  /** Everything read from a raw stdout so far; complete once {@link #awaitExit} returned. */
  byte[] stdoutBytes() {
    synchronized (rawOut) {
      return rawOut.toByteArray();
    }
  }

  String stdoutText() {
    return out == null ? "<raw>" : out.text();
  }

  String stderrText() {
    return err.text();
  }

  /** What the child printed, for failure messages. */
  String describe() {
    return "--- " + command + " stdout:\n" + stdoutText() + "--- stderr:\n" + stderrText();
  }

  @Override
  public void close() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      outReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      errReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(process.getOutputStream());
      closeQuietly(process.getInputStream());
      closeQuietly(process.getErrorStream());
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException alreadyBroken) {
      // nothing left to release
    }
  }

  private Matcher await(Lines lines, String stream, String regex) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    Matcher m = lines.await(pattern, TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
    if (m == null)
      fail(command + ": no " + stream + " line matching /" + regex + "/\n" + describe());
    return m;
  }

  private static Thread readLines(InputStream in, Lines sink, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.add(line);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                sink.finish();
              }
            },
            "jnet-child-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private Thread readBytes(InputStream in, boolean keep) {
    ByteArrayOutputStream sink = rawOut;
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  synchronized (sink) {
                    if (keep) sink.write(buf, 0, n);
                    crc.update(buf, 0, n);
                    rawCount += n;
                    sink.notifyAll();
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "jnet-child-stdout");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private enum Stdout {
    LINES,
    BYTES,
    CHECKSUM,
    CLOSED
  }

  /** Lines read so far from one stream, and whether the stream has ended. */
  private static final class Lines {
    private final List<String> lines = new ArrayList<>(); // guarded by this
    private boolean ended; // guarded by this

    synchronized void add(String line) {
      lines.add(line);
      notifyAll();
    }

    synchronized void finish() {
      ended = true;
      notifyAll();
    }

    /** The first line matching {@code pattern}, or null if none came before the deadline or EOF. */
    synchronized Matcher await(Pattern pattern, long timeoutNanos) throws InterruptedException {
      return await(pattern, 1, timeoutNanos);
    }

    /** The {@code n}th line matching {@code pattern}, or null as {@link #await(Pattern, long)}. */
    synchronized Matcher await(Pattern pattern, int n, long timeoutNanos)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeoutNanos;
      int seen = 0;
      int found = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find() && ++found == n) return m;
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) return null;
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized String text() {
      StringBuilder b = new StringBuilder();
      for (String line : lines) b.append(line).append('\n');
      return b.toString();
    }
  }
}
