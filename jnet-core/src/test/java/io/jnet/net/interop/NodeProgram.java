package io.jnet.net.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.testing.NodeJs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running Node interop program ({@code jnet-core/src/test/node/interop/*.js}) and the lines it
 * prints.
 *
 * <p>A daemon thread reads its stdout line by line; {@link #nextLine} waits for the next one and
 * {@link #awaitResult} for the JSON result line the programs print last. {@link #close()} destroys
 * the process if it is still alive, so a test that fails half-way leaves no Node behind.
 */
public final class NodeProgram implements AutoCloseable {
  private static final String EOF = new String("EOF");

  private final String name;
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>(); // reader thread adds, guarded by this

  private NodeProgram(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(this::readLines, "node-" + name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code node interop/SCRIPT args...}. */
  public static NodeProgram start(String script, String... args) {
    NodeJs.assumeAvailable();
    Process p = NodeJs.start(NodeJs.script("interop/" + script), args);
    return new NodeProgram(script + " " + String.join(" ", args), p);
  }

  /** The operating system's id of the Node process. */
  public long pid() {
    return process.pid();
  }

  /** Whether the Node process is still running. */
  public boolean alive() {
    return process.isAlive();
  }

  /**
   * Bytes the Node process has passed to {@code write}/{@code writev} so far ({@code wchar} of
   * {@code /proc/PID/io}): on Linux, what it handed to the kernel, sockets included. -1 where that
   * file cannot be read.
   */
  public long kernelBytesWritten() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/io"))) {
        if (line.startsWith("wchar:")) return Long.parseLong(line.substring(6).trim());
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The next line of stdout; fails the test after {@code seconds} or when stdout ends first. */
  public String nextLine(long seconds, String waitingFor) {
    String line;
    try {
      line = lines.poll(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + waitingFor, e);
    }
    if (line == null) fail("node " + name + ": no " + waitingFor + " within " + seconds + " s");
    if (line == EOF) {
      lines.add(EOF);
      fail("node " + name + " closed stdout before " + waitingFor + "; it printed " + printed());
    }
    return line;
  }

  /** Waits for {@code listening X} and returns X (a port or a path). */
  public String awaitListening(long seconds) {
    String line = nextLine(seconds, "'listening' line");
    if (!line.startsWith("listening "))
      fail("node " + name + ": expected 'listening', got " + line);
    return line.substring("listening ".length());
  }

  /**
   * Waits for the process to exit and returns its last stdout line parsed as JSON, with the exit
   * code under the key {@code "exitCode"}.
   */
  public Map<String, Object> awaitResult(long seconds) {
    String last = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line;
      try {
        line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for node " + name, e);
      }
      if (line == null) {
        fail(
            "node "
                + name
                + " printed no result within "
                + seconds
                + " s; it printed "
                + printed());
      }
      if (line == EOF) break;
      last = line;
    }
    int code = awaitExit(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
    if (last == null) fail("node " + name + " exited " + code + " without a result line");
    Map<String, Object> json = Json.object(last);
    json.put("exitCode", (long) code);
    return json;
  }

  /** Waits for the process to exit; fails the test after {@code seconds}. */
  public int awaitExit(long seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        fail("node " + name + " did not exit within " + seconds + " s; it printed " + printed());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for node " + name, e);
    }
    return process.exitValue();
  }

  /** Destroys the process if it still runs, and waits for it to go. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readLines() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (this) {
          seen.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // the process was destroyed; EOF below tells the waiters
    } finally {
      lines.add(EOF);
    }
  }

  private synchronized String printed() {
    return seen.isEmpty() ? "nothing" : String.join(" | ", seen);
  }

  @Override
  public String toString() {
    return "node " + name;
  }
}
