package io.jnet.events;

import java.util.function.Consumer;

/** Where jnet's process warnings go: stderr, shaped as Node prints them, unless a test swaps it. */
final class Warnings {
  private static final Consumer<String> STDERR = w -> System.err.println("(jnet) " + w);

  /** The current sink; tests in this package replace it. */
  static volatile Consumer<String> sink = STDERR;

  private Warnings() {}

  static void emit(String warning) {
    sink.accept(warning);
  }

  static void reset() {
    sink = STDERR;
  }
}
