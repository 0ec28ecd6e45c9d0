package io.jnet.net.trace;

/**
 * Where a twin's lines go: {@code Trace::log} for one-sided scenarios, or one side of a {@link
 * TwoSided} trace ({@code t.s}, {@code t.c}): the Java form of the {@code side} functions of {@code
 * net-lib.js}.
 */
@FunctionalInterface
interface Log {
  /** Logs the line {@code event arg1 arg2...}, formatted as {@code Trace.log} formats it. */
  void log(String event, Object... args);
}
