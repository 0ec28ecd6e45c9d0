package io.jnet.net;

import io.jnet.error.JnetException;
import java.util.List;

/**
 * A name resolver that a connect uses instead of the system's: Node's {@code lookup} option of
 * {@code socket.connect}.
 *
 * <p>jnet asks for every address of the name ({@code all: true} in Node's terms) and uses the first
 * of the wanted family, or races them all when {@code autoSelectFamily} is on.
 *
 * <p>As in Node 24, the answer is acted on when it comes: one given on the socket's loop thread
 * before {@code lookup} returns is acted on inside {@code connect()}, so {@code 'lookup'} and
 * {@code 'connectionAttempt'} are emitted before {@code connect()} returns (a listener added after
 * it does not hear them); one given later on the loop is acted on then; one given on another thread
 * is handed to the loop. An error or an answer that is no IP address ({@code
 * ERR_INVALID_IP_ADDRESS}) destroys the socket in a nextTick queued then. Unlike Node's, a jnet
 * lookup answers addresses only: each has the family {@code isIP} gives it. An empty answer is
 * {@code ENOTFOUND}, where Node 24 throws a {@code TypeError} (or, without {@code
 * autoSelectFamily}, says {@code ERR_INVALID_IP_ADDRESS}).
 */
@FunctionalInterface
public interface Lookup {
  /**
   * Resolves {@code hostname} for {@code family} (0 for either, 4 or 6) and calls {@code done}
   * exactly once, now or later, from any thread.
   *
   * @param hostname the name to resolve
   * @param family 0 for either family, 4 or 6
   * @param done receives the answer
   */
  void lookup(String hostname, int family, Done done);

  /** The answer of a {@link Lookup}. */
  @FunctionalInterface
  interface Done {
    /**
     * Either an error (Node's {@code ENOTFOUND}...) or the IP addresses found, in order.
     *
     * @param error the error, or null
     * @param addresses the addresses found, or null with an error
     */
    void done(JnetException error, List<String> addresses);
  }
}
