package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/**
 * Node's {@code test/common} for one JUnit test: counted callbacks, expected errors, a fresh temp
 * directory and {@code PIPE}, and a run of the test body on a fresh loop that ends when the loop
 * holds nothing, as Node's process exits.
 *
 * <p>A test calls {@link #node} with its body. The body runs on a new {@link EventLoop} (so every
 * socket and server it makes lives there); {@code node} returns when that loop is idle, or fails
 * after {@link #TIME_BOUND_MILLIS}. Then, on the test thread, it checks what Node checks at exit:
 * every {@link #mustCall} ran its count, no {@link #mustNotCall} ran, nothing was thrown on the
 * loop (a throwing listener, an {@code 'error'} with no listener: Node's process would have died),
 * and the {@link #atExit} hooks pass ({@code process.on('exit')}). The loop is shut down in any
 * case, closing whatever an unref'd handle kept open.
 *
 * <p>JUnit makes one instance per test method, so each test has its own counts and temp directory.
 */
abstract class NodeTestCase {
  /** The hard bound on one test body; Node's test runner allows far more, no test needs it. */
  static final long TIME_BOUND_MILLIS = 10_000;

  /** A body run on the loop. */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  /** A call expected to throw synchronously. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  private final List<Counted> counted = Collections.synchronizedList(new ArrayList<>());
  private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
  private final List<Runnable> exitHooks = Collections.synchronizedList(new ArrayList<>());
  private Path tmpdir;
  private EventLoop loop;

  /** Runs {@code body} on a fresh loop and checks, once the loop is idle, what Node checks. */
  final void node(Body body) throws Exception {
    node(TIME_BOUND_MILLIS, body);
  }

  /** {@link #node(Body)} with a bound of its own. */
  final void node(long boundMillis, Body body) throws Exception {
    loop = EventLoop.create();
    loop.setUncaughtExceptionHandler(uncaught::add);
    loop.execute(
        () -> {
          try {
            body.run();
          } catch (Throwable t) {
            uncaught.add(t);
          }
        });
    LoopEngine engine = LoopEngine.of(loop);
    boolean idle = false;
    long deadline = System.nanoTime() + boundMillis * 1_000_000L;
    try {
      // Waits in slices so that an error thrown on the loop ends the test at once, as it ends
      // Node's process.
      while (!idle && uncaught.isEmpty() && System.nanoTime() < deadline) {
        idle = engine.awaitIdle(100);
      }
    } finally {
      engine.shutdown();
    }
    synchronized (uncaught) {
      if (!uncaught.isEmpty()) {
        Throwable first = uncaught.get(0);
        AssertionError e =
            new AssertionError("thrown on the loop (Node's process would have died): " + first);
        for (Throwable t : uncaught) e.addSuppressed(t);
        throw e;
      }
    }
    if (!idle) {
      fail("the loop still held handles after " + boundMillis + " ms; " + countsReport());
    }
    for (Runnable hook : List.copyOf(exitHooks)) hook.run();
    String report = countsReport();
    if (!report.isEmpty()) fail(report);
  }

  /** The loop the current {@link #node} body runs on. */
  final EventLoop loop() {
    return loop;
  }

  private String countsReport() {
    StringBuilder sb = new StringBuilder();
    synchronized (counted) {
      for (Counted c : counted) {
        String problem = c.problem();
        if (problem != null) sb.append(problem).append('\n');
      }
    }
    return sb.toString();
  }

  @AfterEach
  final void removeTmpdir() {
    if (tmpdir == null || !Files.exists(tmpdir)) return;
    try (Stream<Path> walk = Files.walk(tmpdir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- process.on('exit') ----

  /** {@code process.on('exit', fn)}: runs on the test thread once the loop is idle. */
  final void atExit(Runnable hook) {
    exitHooks.add(hook);
  }

  // ---- tmpdir and PIPE ----

  /** {@code tmpdir.refresh(); tmpdir.path}: a fresh empty directory of this test. */
  final Path tmpdir() {
    if (tmpdir == null) {
      try {
        tmpdir =
            Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "jnet-nt-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tmpdir;
  }

  /** {@code common.PIPE}: a Unix socket path in this test's temp directory. */
  final String pipe() {
    return tmpdir().resolve("test.sock").toString();
  }

  /** The transport the suite runs on: the {@code jnet.transport} property, "nio" or native. */
  static boolean onNio() {
    return "nio".equals(System.getProperty("jnet.transport"));
  }

  /** {@code common.hasIPv6}: whether this host can bind ::1. */
  static boolean hasIPv6() {
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.bind(new java.net.InetSocketAddress("::1", 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- mustCall ----

  /** {@code common.mustCall(fn, n)}. */
  final Runnable mustCall(Runnable fn, int n) {
    Counted c = count(n, false);
    return () -> {
      c.calls.incrementAndGet();
      fn.run();
    };
  }

  /** {@code common.mustCall(fn)}: exactly once. */
  final Runnable mustCall(Runnable fn) {
    return mustCall(fn, 1);
  }

  /** {@code common.mustCall()}: a no-op that must run exactly once. */
  final Runnable mustCall() {
    return mustCall(() -> {}, 1);
  }

  /** {@code common.mustCall(n)}: a no-op that must run exactly {@code n} times. */
  final Runnable mustCall(int n) {
    return mustCall(() -> {}, n);
  }

  /** {@code common.mustCall(fn, n)} for a listener with an argument. */
  final <T> Consumer<T> mustCall(Consumer<T> fn, int n) {
    Counted c = count(n, false);
    return t -> {
      c.calls.incrementAndGet();
      fn.accept(t);
    };
  }

  /** {@code common.mustCall(fn)} for a listener with an argument. */
  final <T> Consumer<T> mustCall(Consumer<T> fn) {
    return mustCall(fn, 1);
  }

  /** {@code common.mustCall(fn, n)} for a callback with two arguments. */
  final <A, B> BiConsumer<A, B> mustCall(BiConsumer<A, B> fn, int n) {
    Counted c = count(n, false);
    return (a, b) -> {
      c.calls.incrementAndGet();
      fn.accept(a, b);
    };
  }

  /** {@code common.mustCall(fn)} for a callback with two arguments. */
  final <A, B> BiConsumer<A, B> mustCall(BiConsumer<A, B> fn) {
    return mustCall(fn, 1);
  }

  /** A no-op listener with an argument that must run exactly {@code n} times. */
  final <T> Consumer<T> mustCallArg(int n) {
    return mustCall((T t) -> {}, n);
  }

  /** {@code common.mustCallAtLeast(fn, min)}. */
  final Runnable mustCallAtLeast(Runnable fn, int min) {
    Counted c = count(min, true);
    return () -> {
      c.calls.incrementAndGet();
      fn.run();
    };
  }

  /** {@code common.mustCallAtLeast(fn, min)} for a listener with an argument. */
  final <T> Consumer<T> mustCallAtLeast(Consumer<T> fn, int min) {
    Counted c = count(min, true);
    return t -> {
      c.calls.incrementAndGet();
      fn.accept(t);
    };
  }

  /** {@code common.mustNotCall()}. */
  final Runnable mustNotCall() {
    return mustCall(() -> {}, 0);
  }

  /** {@code common.mustNotCall(msg)}. */
  final Runnable mustNotCall(String msg) {
    Counted c = count(0, false);
    c.note = msg;
    return c.calls::incrementAndGet;
  }

  /** {@code common.mustNotCall()} for a listener with an argument. */
  final <T> Consumer<T> mustNotCallArg() {
    Counted c = count(0, false);
    return t -> {
      c.calls.incrementAndGet();
      c.note = "called with " + t;
    };
  }

  // ---- mustSucceed and expectsError ----

  /** {@code common.mustSucceed()}: a callback that must run once, with no error. */
  final Consumer<JnetException> mustSucceed() {
    return mustSucceed(() -> {});
  }

  /** {@code common.mustSucceed(fn)}. */
  final Consumer<JnetException> mustSucceed(Runnable fn) {
    return mustCall(
        (JnetException err) -> {
          assertNull(err, "mustSucceed got an error");
          fn.run();
        },
        1);
  }

  /** {@code common.mustSucceed((value) => ...)} for an (err, value) callback. */
  final <T> BiConsumer<JnetException, T> mustSucceedWith(Consumer<T> fn) {
    return mustCall(
        (JnetException err, T value) -> {
          assertNull(err, "mustSucceed got an error");
          fn.accept(value);
        },
        1);
  }

  /**
   * {@code common.expectsError({code, name, message})}: a callback that must run once with an error
   * matching each part that is not null.
   */
  final <E extends Throwable> Consumer<E> expectsError(String code, String name, String message) {
    return mustCall((E err) -> checkError(err, code, name, message), 1);
  }

  /** {@link #expectsError(String, String, String)} checking the code only. */
  final <E extends Throwable> Consumer<E> expectsError(String code) {
    return expectsError(code, null, null);
  }

  /**
   * {@code assert.throws(fn, {code, name, message})}: {@code call} throws a JnetException matching
   * each part that is not null; returns it.
   */
  static JnetException assertThrowsNode(String code, String name, String message, Call call) {
    try {
      call.run();
    } catch (Throwable t) {
      checkError(t, code, name, message);
      return (JnetException) t;
    }
    throw new AssertionError("expected " + code + " to be thrown, nothing was");
  }

  /** Asserts {@code err} is a JnetException matching each part that is not null. */
  static void checkError(Throwable err, String code, String name, String message) {
    assertNotNull(err, "expected an error " + code);
    if (!(err instanceof JnetException je)) {
      throw new AssertionError("expected a JnetException " + code + ", got " + err, err);
    }
    if (code != null) assertEquals(code, je.code(), "code of " + je);
    if (name != null) assertEquals(name, je.name(), "name of " + je);
    if (message != null) assertEquals(message, je.getMessage(), "message of " + je);
  }

  // ---- counts ----

  private Counted count(int expected, boolean atLeast) {
    Counted c = new Counted(expected, atLeast, callSite());
    counted.add(c);
    return c;
  }

  private static String callSite() {
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      if (!e.getClassName().equals(NodeTestCase.class.getName())) {
        return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1)
            + ":"
            + e.getLineNumber();
      }
    }
    return "?";
  }

  /** One counted function: how often it must run, how often it did. */
  private static final class Counted {
    final int expected;
    final boolean atLeast;
    final String site;
    final AtomicInteger calls = new AtomicInteger();
    volatile String note;

    Counted(int expected, boolean atLeast, String site) {
      this.expected = expected;
      this.atLeast = atLeast;
      this.site = site;
    }

    String problem() {
      int n = calls.get();
      if (expected == 0 && n > 0) {
        return "mustNotCall at "
            + site
            + " was called "
            + n
            + " time(s)"
            + (note != null ? " (" + note + ")" : "");
      }
      if (atLeast ? n >= expected : n == expected) return null;
      return "mustCall at "
          + site
          + ": expected "
          + (atLeast ? "at least " : "exactly ")
          + expected
          + " call(s), got "
          + n;
    }
  }
}
