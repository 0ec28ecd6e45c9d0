package io.jnet.loop;

/**
 * A ref'd handle with no work of its own, which a listening server or an open socket holds so that
 * its loop keeps the JVM alive.
 *
 * <p>Made by {@link EventLoop#keepAlive()}, ref'd and open. {@link #close()} releases it for good;
 * after that {@link #ref()} does nothing and {@link #hasRef()} is false. Every method may be called
 * from any thread.
 */
public final class KeepAlive extends LoopHandle implements Handle {
  KeepAlive(EventLoop loop) {
    super(loop);
    activate();
  }

  @Override
  public KeepAlive ref() {
    setRef(true);
    return this;
  }

  @Override
  public KeepAlive unref() {
    setRef(false);
    return this;
  }

  @Override
  public boolean hasRef() {
    return active() && refed();
  }

  /** Releases this handle for good; idempotent. */
  public void close() {
    deactivate();
  }

  /**
   * Whether {@link #close()} has not been called yet.
   *
   * @return whether the handle is open
   */
  public boolean isOpen() {
    return active();
  }
}
