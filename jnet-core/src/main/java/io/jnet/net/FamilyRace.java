package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.Adopt;
import io.jnet.internal.net.ConnectRequest;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.Resolver;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import io.jnet.loop.Timeout;
import java.util.ArrayList;
import java.util.List;

/**
 * Node 24's {@code autoSelectFamily} connect (Happy Eyeballs, RFC 8305): the addresses of a name
 * are tried one at a time, alternating families from the first address's, each given {@code
 * autoSelectFamilyAttemptTimeout} before the next is tried; the first to connect wins.
 *
 * <p>Events, as Node emits them: {@code 'connectionAttempt'} before each try, {@code
 * 'connectionAttemptFailed'} when one is refused (or fails otherwise), {@code
 * 'connectionAttemptTimeout'} when its time is up. When every try failed, the socket is destroyed
 * with Node's {@code AggregateError}: code and errno of the first failure, every failure attached
 * as a suppressed exception. An attempt given up (its time is up, or the socket was destroyed) is
 * cancelled and its socket closed at once, as Node closes the handle it replaces.
 */
final class FamilyRace {
  private final Socket socket;
  private final ConnectOptions options;
  private final List<Resolver.Address> addresses;
  private final long attemptTimeout;
  private final List<JnetException> errors = new ArrayList<>();
  private final List<String> attempted = new java.util.concurrent.CopyOnWriteArrayList<>();

  // Loop thread only.
  private int current;
  private Timeout timer;
  private boolean over;

  /**
   * The socket's adopted handle ({@code new Socket({fd})}), which the first attempt connects, as
   * Node's first attempt connects the socket's own handle; null once taken or when there is none.
   * Loop only.
   */
  private StreamHandle adopted;

  /** The attempt in progress, or null; written on the loop only. */
  private volatile ConnectRequest request;

  private FamilyRace(Socket socket, ConnectOptions options, List<Resolver.Address> addresses) {
    this.socket = socket;
    this.options = options;
    this.addresses = addresses;
    Integer t = options.autoSelectFamilyAttemptTimeout();
    this.attemptTimeout =
        t != null ? Math.max(10, t) : Net.getDefaultAutoSelectFamilyAttemptTimeout();
  }

  /** Node's order: one address per IP, alternating families, the first address's family first. */
  static List<Resolver.Address> order(List<Resolver.Address> found) {
    List<Resolver.Address> first = new ArrayList<>();
    List<Resolver.Address> second = new ArrayList<>();
    int firstFamily = 0;
    List<String> seen = new ArrayList<>();
    for (Resolver.Address a : found) {
      if (a.family() != 4 && a.family() != 6) continue;
      if (firstFamily == 0) firstFamily = a.family();
      if (seen.contains(a.address())) continue;
      seen.add(a.address());
      (a.family() == firstFamily ? first : second).add(a);
    }
    List<Resolver.Address> out = new ArrayList<>();
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) out.add(first.get(i));
      if (i < second.size()) out.add(second.get(i));
    }
    return out;
  }

  /** Loop thread only: starts racing over {@code ordered}, two addresses or more. */
  static FamilyRace start(
      Socket socket, ConnectOptions options, List<Resolver.Address> ordered, StreamHandle adopted) {
    FamilyRace race = new FamilyRace(socket, options, ordered);
    race.adopted = adopted;
    race.next();
    return race;
  }

  /**
   * The addresses tried so far, as {@code ip:port}: Node's {@code
   * autoSelectFamilyAttemptedAddresses}.
   */
  List<String> attempted() {
    return List.copyOf(attempted);
  }

  /** The attempt in progress, or null. Any thread. */
  ConnectRequest request() {
    return request;
  }

  /** Loop thread only: stops the race (the socket was destroyed or connects again). */
  void cancel() {
    over = true;
    clearTimer();
    dropRequest();
  }

  private void dropRequest() {
    ConnectRequest r = request;
    request = null;
    if (r != null) r.cancel();
  }

  private void next() {
    clearTimer();
    if (over || !socket.connecting()) return;
    if (current == addresses.size()) {
      over = true;
      socket.connectFailed(aggregate());
      return;
    }
    int index = current++;
    Resolver.Address a = addresses.get(index);
    int port = options.port();
    if (BlockList.blocks(options.blockList(), a.address())) {
      // Node 24: a blocked address is a failed attempt, and the race goes on.
      JnetException blocked = BlockList.blocked(a.address());
      errors.add(blocked);
      socket.emit(
          Socket.CONNECTION_ATTEMPT_FAILED,
          new ConnectionAttempt(a.address(), port, a.family(), blocked));
      next();
      return;
    }
    socket.emit(
        Socket.CONNECTION_ATTEMPT, new ConnectionAttempt(a.address(), port, a.family(), null));
    attempted.add(a.address() + ":" + port);
    StreamHandle own = adopted; // Node's first attempt connects the socket's own handle
    adopted = null;
    Adopt.State state = own == null || own.isPipe() ? null : Adopt.state(own);
    if (state == Adopt.State.LISTENING) {
      // Linux's connect(2) says EISCONN in the call: a failed attempt at once, the race goes on.
      afterAttempt(
          index,
          a,
          null,
          UvError.connect("EISCONN", a.address(), port, Adopt.localDetails(own), null));
      return;
    }
    if (state == Adopt.State.CONNECTED) {
      // libuv 1.52 reports a connected descriptor connected: it keeps its peer.
      request = () -> {};
      socket.loop().execute(() -> afterAttempt(index, a, own, null));
    } else if (own != null && own.isPipe()) {
      // An adopted Unix socket connects the path the address names, as Node 24's pipe handle does.
      request =
          Connector.connectPipe(
              socket.loop(), own, a.address(), port, (h, err) -> afterAttempt(index, a, h, err));
    } else {
      request =
          NetBridge.connectTcp(
              socket.loop(),
              own,
              a.address(),
              port,
              options.localAddress(),
              options.localPort(),
              null,
              (handle, err) -> afterAttempt(index, a, handle, err));
    }
    if (index < addresses.size() - 1) {
      timer = socket.loop().setTimeout(() -> onTimeout(index, a), attemptTimeout);
    }
  }

  private void afterAttempt(int index, Resolver.Address a, StreamHandle handle, JnetException err) {
    if (over || index != current - 1 || !socket.connecting()) {
      if (handle != null) handle.close(e -> {});
      return;
    }
    clearTimer();
    request = null;
    if (err != null) {
      errors.add(err);
      socket.emit(
          Socket.CONNECTION_ATTEMPT_FAILED,
          new ConnectionAttempt(a.address(), options.port(), a.family(), err));
      next();
      return;
    }
    over = true;
    socket.afterConnect(handle, options);
  }

  private void onTimeout(int index, Resolver.Address a) {
    timer = null;
    if (over || index != current - 1) return;
    dropRequest();
    socket.emit(
        Socket.CONNECTION_ATTEMPT_TIMEOUT,
        new ConnectionAttempt(a.address(), options.port(), a.family(), null));
    errors.add(
        new JnetException(
            "Error",
            "ETIMEDOUT",
            "connect ETIMEDOUT " + a.address() + ":" + options.port(),
            -110,
            "connect",
            a.address(),
            options.port(),
            null));
    if (socket.connecting()) next();
  }

  private JnetException aggregate() {
    if (errors.isEmpty()) {
      return new JnetException("ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout");
    }
    JnetException first = errors.get(0);
    JnetException agg =
        new JnetException(
            "AggregateError",
            first.code(),
            "",
            first.errno(),
            first.syscall(),
            first.address(),
            first.port(),
            null);
    for (JnetException e : errors) agg.addSuppressed(e);
    return agg;
  }

  private void clearTimer() {
    Timeout t = timer;
    timer = null;
    if (t != null) t.close();
  }
}
