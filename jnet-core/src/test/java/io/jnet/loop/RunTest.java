package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link EventLoop#run} refused on a loop thread, and the default report of an error nobody
 * listened to. (What {@code run} waits for is checked in a child JVM: {@link LifetimeTest}.)
 */
class RunTest {
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
      report(reset);
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
      report(new JnetException("EPIPE", "write EPIPE"));
      assertEquals(1, capture.records().size(), capture.records()::toString);
    }
  }

  /** Reports {@code error} on a loop of its own, with the default handler, and waits for it. */
  private static void report(Throwable error) {
    EventLoop loop = EventLoop.create();
    LoopEngine engine = LoopEngine.of(loop);
    try {
      loop.reportUncaught(error);
      assertTrue(engine.awaitIdle(20_000));
    } finally {
      engine.shutdown();
    }
  }

  @Test
  void toStringNamesTheLoopThreadOnly() {
    assertEquals("EventLoop[jnet-loop-0]", EventLoop.defaultLoop().toString());
  }
}
