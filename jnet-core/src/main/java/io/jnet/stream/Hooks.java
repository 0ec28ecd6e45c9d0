package io.jnet.stream;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Which optional hooks a stream class implements: Node tests {@code typeof stream._writev ===
 * 'function'}; jnet looks once per class for an override below the stream base classes.
 */
final class Hooks {
  private static final ClassValue<Set<String>> DECLARED =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          Set<String> names = new HashSet<>();
          for (Class<?> c = type; c != null && !isBase(c); c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
              if (m.getName().startsWith("_")) names.add(m.getName());
            }
          }
          return names;
        }
      };

  private Hooks() {}

  private static boolean isBase(Class<?> c) {
    return c == Stream.class || c == Readable.class || c == Writable.class || c == Duplex.class;
  }

  /** Whether {@code stream}'s class overrides the hook named {@code name}. */
  static boolean overrides(Stream stream, String name) {
    return DECLARED.get(stream.getClass()).contains(name);
  }

  /**
   * Runs {@code question} on {@code stream}'s loop and waits for its answer: how a method that
   * returns loop-owned state answers a caller on another thread.
   */
  static <T> T askLoop(Stream stream, Supplier<T> question) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    stream.loop.execute(
        () -> {
          try {
            answer.complete(question.get());
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
    try {
      return answer.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
