package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a scenario on the default loop and waits until the loop has nothing left to do. */
final class Loops {
  private Loops() {}

  static EventLoop loop() {
    return EventLoop.defaultLoop();
  }

  /** Runs {@code scenario} on the loop, waits for idle, and rethrows what the scenario threw. */
  static void run(Runnable scenario) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    loop()
        .execute(
            () -> {
              try {
                scenario.run();
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    assertTrue(LoopEngine.of(loop()).awaitIdle(10_000), "loop did not become idle");
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
  }

  /** Waits for the loop to be idle. */
  static void awaitIdle() {
    assertTrue(LoopEngine.of(loop()).awaitIdle(10_000), "loop did not become idle");
  }
}
