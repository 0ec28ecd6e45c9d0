package io.jnet.loop;

/**
 * Node's {@code timers} module: {@code setTimeout}, {@code setInterval}, {@code setImmediate} and
 * their {@code clear} twins, on the {@linkplain EventLoop#defaultLoop() default loop}.
 *
 * <p>Made for static import, so that timer code reads as it does in Node:
 *
 * <pre>{@code
 * import static io.jnet.loop.Timers.*;
 *
 * Timeout t = setTimeout(() -> System.out.println("later"), 100);
 * setImmediate(() -> clearTimeout(t));
 * }</pre>
 *
 * <p>Each method is the default loop's method of the same name; {@link #nextTick} is Node's {@code
 * process.nextTick}. A timer of another loop is made with that loop's methods.
 */
public final class Timers {
  private Timers() {}

  /**
   * {@link EventLoop#setTimeout} on the default loop.
   *
   * @param callback what to run, on the default loop's thread
   * @param delayMillis the delay in milliseconds
   * @return the timer
   */
  public static Timeout setTimeout(Runnable callback, long delayMillis) {
    return EventLoop.defaultLoop().setTimeout(callback, delayMillis);
  }

  /**
   * {@link EventLoop#setInterval} on the default loop.
   *
   * @param callback what to run, on the default loop's thread
   * @param delayMillis the delay in milliseconds
   * @return the timer
   */
  public static Timeout setInterval(Runnable callback, long delayMillis) {
    return EventLoop.defaultLoop().setInterval(callback, delayMillis);
  }

  /**
   * {@link EventLoop#setImmediate} on the default loop.
   *
   * @param callback what to run, on the default loop's thread
   * @return the immediate
   */
  public static Immediate setImmediate(Runnable callback) {
    return EventLoop.defaultLoop().setImmediate(callback);
  }

  /**
   * {@link EventLoop#clearTimeout}: cancels a timer of any loop; null is a no-op.
   *
   * @param timeout the timer, or null
   */
  public static void clearTimeout(Timeout timeout) {
    if (timeout != null) timeout.close();
  }

  /**
   * {@link EventLoop#clearInterval}: cancels a timer of any loop; null is a no-op.
   *
   * @param timeout the timer, or null
   */
  public static void clearInterval(Timeout timeout) {
    clearTimeout(timeout);
  }

  /**
   * {@link EventLoop#clearImmediate}: cancels an immediate of any loop; null is a no-op.
   *
   * @param immediate the immediate, or null
   */
  public static void clearImmediate(Immediate immediate) {
    if (immediate != null) immediate.loop.clearImmediate(immediate);
  }

  /**
   * Node's {@code process.nextTick}, on the default loop.
   *
   * @param callback what to run, on the default loop's thread
   */
  public static void nextTick(Runnable callback) {
    EventLoop.defaultLoop().nextTick(callback);
  }
}
