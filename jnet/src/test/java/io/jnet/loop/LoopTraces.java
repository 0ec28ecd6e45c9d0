package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a Java scenario on a fresh loop and compares what it logs with the trace Node recorded for
 * the same scenario in {@code jnet/src/test/node/traces/loop.js}.
 *
 * <p>The scenario runs as a task given to {@link EventLoop#execute}, and it is over when the loop
 * is idle ({@link LoopEngine#awaitIdle}), the moment Node's process would exit.
 */
final class LoopTraces implements AutoCloseable {
  final EventLoop loop = EventLoop.create();
  private final List<String> lines = new ArrayList<>(); // guarded by this

  LoopTraces() {
    loop.setUncaughtExceptionHandler(e -> log("uncaught", e));
  }

  /** Logs one line as trace.js does: the event, then each argument formatted. */
  synchronized void log(String event, Object... args) {
    StringBuilder line = new StringBuilder(event);
    for (Object a : args) line.append(' ').append(fmt(a));
    lines.add(line.toString());
  }

  /** Runs {@code scenario} on the loop until it is idle and checks its lines against Node's. */
  void assertMatches(String name, Runnable scenario) {
    loop.execute(scenario);
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000), name + ": the loop did not become idle");
    List<String> actual;
    synchronized (this) {
      actual = new ArrayList<>(lines);
    }
    assertEquals(recorded(name), actual, name);
  }

  /** Keeps the loop thread busy for {@code ms}, as loop.js's blockFor. */
  static void blockFor(long ms) {
    long end = System.nanoTime() + ms * 1_000_000L;
    while (System.nanoTime() < end) Thread.onSpinWait();
  }

  @Override
  public void close() {
    LoopEngine.of(loop).shutdown();
  }

  static List<String> recorded(String name) {
    Path file = Paths.get("src/test/resources/traces/loop", name + ".trace");
    if (!Files.exists(file)) file = Paths.get("jnet").resolve(file);
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.isEmpty()) return List.of();
      return Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    } catch (IOException e) {
      throw new UncheckedIOException("no recorded trace " + file, e);
    }
  }

  private static String fmt(Object v) {
    if (v == null) return "null";
    if (v instanceof String) return quote((String) v);
    if (v instanceof JnetException && ((JnetException) v).code() != null) {
      return "err(" + ((JnetException) v).code() + ")";
    }
    if (v instanceof Throwable) return "err(Error: " + ((Throwable) v).getMessage() + ")";
    return String.valueOf(v);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
