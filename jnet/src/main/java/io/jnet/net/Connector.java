package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.IpAddresses;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.StreamHandle;

/**
 * The connect request of one socket: argument checks at the call, then name lookup and the
 * connection itself on the loop, as Node's {@code lookupAndConnect} and {@code internalConnect}.
 */
final class Connector {
  private final Socket socket;

  /** Bumped by every new connect, so a late answer of an earlier one is ignored. Loop only. */
  private int generation;

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
    if (o.timeout() > 0) socket.setTimeout(o.timeout());
    if (o.path() != null) {
      socket.pipePath(o.path());
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
    NetBridge.lookup(
        socket.loop(),
        host,
        o.family(),
        (address, family, err) -> {
          if (gen != generation) return;
          socket.emit(Socket.LOOKUP, new LookupInfo(err, address, family, host));
          if (!socket.connecting()) return;
          if (err != null) {
            socket.loop().nextTick(() -> socket.connectFailed(err));
          } else {
            connectTo(gen, o, address);
          }
        });
  }

  private void connectTo(int gen, ConnectOptions o, String ip) {
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
  }
}
