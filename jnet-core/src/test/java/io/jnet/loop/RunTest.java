package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link EventLoop#run}: a program's body on the default loop, as Node runs its main module, and
 * the default report of an error nobody listened to.
 */
class RunTest {
  @Test
  void runReturnsOnceNothingHoldsTheLoopAndKeepsNodesOrder() {
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop.run(
        () -> {
          EventLoop loop = EventLoop.current();
          log.add("body on " + (loop == EventLoop.defaultLoop() ? "default loop" : loop));
          loop.setTimeout(() -> log.add("timer 30 ms"), 30);
          loop.setImmediate(() -> log.add("immediate"));
          loop.nextTick(() -> log.add("tick"));
          log.add("body end");
        });
    assertEquals(
        List.of("body on default loop", "body end", "tick", "immediate", "timer 30 ms"), log);
  }

  @Test
  void runThrowsTheBodysExceptionAtOnce() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad config");
    IllegalArgumentException caught =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EventLoop.run(
                    () -> {
                      throw thrown;
                    }));
    assertSame(thrown, caught);
  }

  @Test
  void runOnALoopThreadIsRefused() throws Exception {
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    EventLoop.defaultLoop()
        .execute(
            () -> {
              try {
                EventLoop.run(() -> {});
                refused.complete(null);
              } catch (Throwable t) {
                refused.complete(t);
              }
            });
    Throwable t = refused.get(20, TimeUnit.SECONDS);
    assertTrue(t instanceof IllegalStateException, String.valueOf(t));
  }

  @Test
  void anUnheardJnetErrorIsOneLineAtErrorWithItsStackAtDebug() {
    JnetException reset = new JnetException("ECONNRESET", "read ECONNRESET");
    try (LogCapture capture = LogCapture.all("io.jnet")) {
      EventLoop.run(() -> EventLoop.current().reportUncaught(reset));
      List<LogRecord> records = capture.records();
      assertEquals(2, records.size(), records::toString);
      LogRecord line = records.get(0);
      assertEquals(Level.SEVERE, line.getLevel());
      assertNull(line.getThrown());
      String message = line.getMessage();
      assertTrue(
          message.startsWith("uncaught error ECONNRESET: read ECONNRESET (at RunTest.java:"),
          message);
      assertEquals(1, message.lines().count(), message);
      assertEquals(Level.FINE, records.get(1).getLevel());
      assertSame(reset, records.get(1).getThrown());
    }
  }

  @Test
  void atInfoLevelTheUnheardErrorIsTheOneLineAlone() {
    try (LogCapture capture = LogCapture.of("io.jnet")) {
      EventLoop.run(
          () -> EventLoop.current().reportUncaught(new JnetException("EPIPE", "write EPIPE")));
      assertEquals(1, capture.records().size(), capture.records()::toString);
    }
  }

  @Test
  void toStringNamesTheLoopThreadOnly() {
    assertEquals("EventLoop[jnet-loop-0]", EventLoop.defaultLoop().toString());
  }
}
