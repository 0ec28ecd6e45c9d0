package io.jnet.net.trace;

import io.jnet.testing.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-sided trace: the Java port of {@code net-lib.js}'s {@code two(log)}.
 *
 * <p>In one process the kernel decides how a client's and a server's events interleave, so a
 * scenario keeps each side's lines apart, each in its own deterministic order: {@link #s} keeps a
 * server line, {@link #c} a client line, and {@link #flush()} prints every kept server line as
 * {@code s EVENT ARGS}, then every kept client line as {@code c EVENT ARGS}; lines logged after the
 * flush print at once. Loop thread only, as every listener of a scenario runs there.
 */
final class TwoSided {
  private final Trace trace;
  private final List<Line> server = new ArrayList<>(); // loop thread only
  private final List<Line> client = new ArrayList<>(); // loop thread only
  private boolean flushed; // loop thread only

  /** The server side: {@code t.s(event, ...args)}. */
  final Log s = (event, args) -> keep("s", server, event, args);

  /** The client side: {@code t.c(event, ...args)}. */
  final Log c = (event, args) -> keep("c", client, event, args);

  TwoSided(Trace trace) {
    this.trace = trace;
  }

  /** Keeps a server line. */
  void s(String event, Object... args) {
    s.log(event, args);
  }

  /** Keeps a client line. */
  void c(String event, Object... args) {
    c.log(event, args);
  }

  private void keep(String side, List<Line> lines, String event, Object[] args) {
    if (args == null) args = new Object[] {null};
    if (flushed) {
      trace.log(side + " " + event, args);
    } else {
      lines.add(new Line(event, args));
    }
  }

  /** Prints the kept server lines, then the kept client lines; later lines print at once. */
  void flush() {
    if (flushed) return;
    flushed = true;
    for (Line l : server) trace.log("s " + l.event, l.args);
    for (Line l : client) trace.log("c " + l.event, l.args);
  }

  /** {@code t.after(n, fn)}: a function that runs {@code fn} on its {@code n}-th call. */
  static Runnable after(int n, Runnable fn) {
    int[] left = {n};
    return () -> {
      if (--left[0] == 0) fn.run();
    };
  }

  private record Line(String event, Object[] args) {}
}
