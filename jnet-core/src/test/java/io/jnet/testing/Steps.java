package io.jnet.testing;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a test's steps one after another: each step is handed the continuation that runs the next.
 */
public final class Steps {
  private Steps() {}

  /**
   * Runs {@code steps[0]} now; each step calls the {@code Runnable} it is given when it is done,
   * which runs the following step. After the last one nothing runs.
   *
   * @param steps the steps, in order
   */
  public static void run(List<Consumer<Runnable>> steps) {
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] =
        () -> {
          if (i[0] < steps.size()) steps.get(i[0]++).accept(next[0]);
        };
    next[0].run();
  }
}
