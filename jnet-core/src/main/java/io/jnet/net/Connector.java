package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.IpAddresses;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.Resolver;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import java.util.List;

/**
 * The connect request of one socket: argument checks at the call, then name lookup and the
 * connection itself on the loop, as Node's {@code lookupAndConnect} and {@code internalConnect}.
 */
final class Connector {
  private final Socket socket;

  /** Bumped by every new connect, so a late answer of an earlier one is ignored. Loop only. */
  private int generation;

  /** The family race of the current connect, if any. Loop only. */
  private FamilyRace race;

  Connector(Socket socket) {
    this.socket = socket;
  }

  /** The checks Node makes before anything happens; they throw at the call. */
  void check(ConnectOptions o) {
    if (o.path() != null) return;
    NetErrors.checkPort(o.port(), "Port");
    String local = o.localAddress();
    if (local != null && IpAddresses.isIP(local) == 0) throw NetErrors.invalidIp(local);
    if (o.localPort() < 0 || o.localPort() > 65535) {
      throw JnetException.rangeError(
          "ERR_SOCKET_BAD_PORT",
          "options.localPort should be >= 0 and < 65536. Received type number ("
              + o.localPort()
              + ").");
    }
    int family = o.family();
    // Node checks the family only for a name it has to look up.
    if (IpAddresses.isIP(o.host()) == 0 && family != 0 && family != 4 && family != 6) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The property 'options.family' must be one of: 0, 4, 6. Received " + family);
    }
  }

  /** Loop thread only: starts connecting; {@code socket.connecting()} is already true. */
  void start(ConnectOptions o) {
    int gen = ++generation;
    if (race != null) race.cancel();
    race = null;
    if (o.timeout() > 0) socket.setTimeout(o.timeout());
    if (o.path() != null) {
      NetBridge.connectPath(socket.loop(), o.path(), (handle, err) -> finish(gen, o, handle, err));
      return;
    }
    String host = o.host();
    int type = IpAddresses.isIP(host);
    if (type != 0) {
      socket
          .loop()
          .nextTick(
              () -> {
                if (gen == generation && socket.connecting()) connectTo(gen, o, host);
              });
      return;
    }
    Boolean auto = o.autoSelectFamily();
    boolean autoSelect = auto != null ? auto : Net.getDefaultAutoSelectFamily();
    if (autoSelect && o.family() == 0 && o.localAddress() == null) {
      lookupAndRace(gen, o, host);
      return;
    }
    lookupAll(
        o,
        host,
        o.family(),
        (addresses, err) -> {
          if (gen != generation) return;
          Resolver.Address first = err == null ? firstOf(addresses, o.family()) : null;
          JnetException e =
              err != null || first != null ? err : UvError.lookup("EAI_NONAME", host, null);
          socket.emit(
              Socket.LOOKUP,
              new LookupInfo(
                  e,
                  first == null ? null : first.address(),
                  first == null ? 0 : first.family(),
                  host));
          if (!socket.connecting()) return;
          if (e != null) {
            socket.loop().nextTick(() -> socket.connectFailed(e));
          } else {
            connectTo(gen, o, first.address());
          }
        });
  }

  private static Resolver.Address firstOf(List<Resolver.Address> addresses, int family) {
    for (Resolver.Address a : addresses) {
      if (family == 0 || a.family() == family) return a;
    }
    return null;
  }

  /** The system's resolver, or the options' {@link Lookup}, answering on the loop. */
  private void lookupAll(
      ConnectOptions o, String host, int family, Resolver.LookupCallback callback) {
    Lookup custom = o.lookup();
    if (custom == null) {
      NetBridge.lookupAll(socket.loop(), host, family, callback);
      return;
    }
    custom.lookup(
        host,
        family,
        (err, ips) ->
            socket
                .loop()
                .execute(
                    () -> {
                      if (err != null) {
                        callback.done(null, err);
                        return;
                      }
                      List<Resolver.Address> found = new java.util.ArrayList<>();
                      for (String ip : ips)
                        found.add(new Resolver.Address(ip, IpAddresses.isIP(ip)));
                      callback.done(found, null);
                    }));
  }

  /** Node's {@code lookupAndConnectMultiple}: a 'lookup' per address, then a family race. */
  private void lookupAndRace(int gen, ConnectOptions o, String host) {
    lookupAll(
        o,
        host,
        0,
        (addresses, err) -> {
          if (gen != generation || !socket.connecting()) return;
          if (err != null) {
            socket.emit(Socket.LOOKUP, new LookupInfo(err, null, 0, host));
            socket.loop().nextTick(() -> socket.connectFailed(err));
            return;
          }
          for (Resolver.Address a : addresses) {
            socket.emit(Socket.LOOKUP, new LookupInfo(null, a.address(), a.family(), host));
            if (gen != generation || !socket.connecting()) return;
          }
          List<Resolver.Address> ordered = FamilyRace.order(addresses);
          if (ordered.isEmpty()) {
            JnetException none = UvError.lookup("EAI_NONAME", host, null);
            socket.loop().nextTick(() -> socket.connectFailed(none));
          } else if (ordered.size() == 1) {
            connectTo(gen, o, ordered.get(0).address());
          } else {
            race = FamilyRace.start(socket, o, ordered);
          }
        });
  }

  /** The race in progress or last run, or null. Loop thread only. */
  FamilyRace race() {
    return race;
  }

  private void connectTo(int gen, ConnectOptions o, String ip) {
    if (BlockList.blocks(o.blockList(), ip)) {
      // Node 24's internalConnect: 'connectionAttempt', then destroy with ERR_IP_BLOCKED.
      int family = IpAddresses.isIP(ip);
      socket.emit(Socket.CONNECTION_ATTEMPT, new ConnectionAttempt(ip, o.port(), family, null));
      socket.connectFailed(BlockList.blocked(ip));
      return;
    }
    NetBridge.connectTcp(
        socket.loop(),
        ip,
        o.port(),
        o.localAddress(),
        o.localPort(),
        (handle, err) -> finish(gen, o, handle, err));
  }

  private void finish(int gen, ConnectOptions o, StreamHandle handle, JnetException err) {
    if (gen != generation || !socket.connecting() || socket.destroyed()) {
      if (handle != null) handle.close(e -> {});
      return;
    }
    if (err != null) {
      socket.connectFailed(err);
    } else {
      socket.afterConnect(handle, o);
    }
  }

  /** Loop thread only: forgets the request in progress (the socket was destroyed). */
  void cancel() {
    generation++;
    FamilyRace r = race;
    if (r != null) r.cancel();
  }
}
