package io.jnet.loop;

/**
 * Something on a loop that can keep the JVM alive: a timer, a listening server, an open socket.
 *
 * <p>A handle is ref'd when made. While any ref'd handle of any loop is alive, the JVM stays up
 * after {@code main} returns, as Node's process does; {@link #unref()} lets the program exit while
 * the handle lives on. Both calls are idempotent and may be made from any thread.
 */
public interface Handle {
  /**
   * Counts this handle again towards keeping the JVM alive; returns this handle.
   *
   * @return this handle
   */
  Handle ref();

  /**
   * Stops counting this handle towards keeping the JVM alive; returns this handle.
   *
   * @return this handle
   */
  Handle unref();

  /**
   * Whether this handle currently keeps the JVM alive.
   *
   * @return whether this handle is ref'd
   */
  boolean hasRef();
}
