package io.jnet.events;

/**
 * Aborts the operations that were given its {@link #signal()}: Node's {@code AbortController}.
 *
 * <pre>{@code
 * AbortController ac = new AbortController();
 * server.listen(ListenOptions.port(0).signal(ac.signal()));
 * ac.abort(); // closes the server
 * }</pre>
 *
 * <p>{@link #abort()} may be called from any thread, any number of times: the first call aborts,
 * the others change nothing.
 */
public final class AbortController {
  private final AbortSignal signal = new AbortSignal();

  /** A controller whose signal is not aborted. */
  public AbortController() {}

  /**
   * Node's {@code controller.signal}: the signal this controller raises.
   *
   * @return the signal
   */
  public AbortSignal signal() {
    return signal;
  }

  /** Aborts the signal with the default reason, an {@code AbortError}: Node's {@code abort()}. */
  public void abort() {
    signal.raise(null);
  }

  /**
   * Aborts the signal with {@code reason} (null: the default): Node's {@code abort(reason)}.
   *
   * @param reason the reason; null means the default
   */
  public void abort(Throwable reason) {
    signal.raise(reason);
  }

  @Override
  public String toString() {
    return "AbortController { signal: " + signal + " }";
  }
}
