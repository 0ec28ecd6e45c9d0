package io.jnet.internal.stream;

/**
 * What {@code io.jnet.net} asks of {@code io.jnet.stream}'s state without public API: the one
 * question of the read path that lends its buffer (see {@code io.jnet.internal.net.Lending}).
 */
public final class StreamAccess {
  /** Implemented by {@code io.jnet.stream}, which registers itself when its classes load. */
  public interface Access {
    /**
     * Loop thread only: the destination that the next buffer {@code src} pushes goes to, and only
     * there, through a write to it at once; null when it could go anywhere else too (a listener,
     * the readable buffer, a decoder, a destination's own write buffer).
     *
     * @param src a readable stream
     * @return the destination of {@code src}'s one pipe, or null
     */
    Object straightPipeDestination(Object src);
  }

  private static volatile Access access;

  private StreamAccess() {}

  /**
   * Called once by {@code io.jnet.stream}.
   *
   * @param a the implementation
   */
  public static void register(Access a) {
    access = a;
  }

  /**
   * Whether the next buffer {@code src} pushes goes straight to one destination: see {@link
   * Access#straightPipeDestination}.
   *
   * @param src a readable stream
   * @return the destination, or null
   */
  public static Object straightPipeDestination(Object src) {
    Access a = access;
    return a == null ? null : a.straightPipeDestination(src);
  }
}
