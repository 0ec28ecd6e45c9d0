package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a test body on a fresh loop, as a Node script runs, and returns its log once the loop holds
 * nothing; an error that reaches the loop's uncaught handler fails the test.
 */
final class LoopRun {
  private LoopRun() {}

  static List<String> run(Consumer<List<String>> body) throws InterruptedException {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    EventLoop loop = EventLoop.create();
    loop.setUncaughtExceptionHandler(uncaught::add);
    loop.execute(() -> body.accept(log));
    LoopEngine engine = LoopEngine.of(loop);
    try {
      assertTrue(engine.awaitIdle(10_000), "the loop went idle: " + log);
    } finally {
      engine.shutdown();
    }
    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }
}
