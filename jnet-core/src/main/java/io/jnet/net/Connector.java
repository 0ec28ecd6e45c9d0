package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.internal.net.Adopt;
import io.jnet.internal.net.ConnectRequest;
import io.jnet.internal.net.IpAddresses;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.Resolver;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import io.jnet.loop.KeepAlive;
import java.util.List;

/**
 * The connect request of one socket: argument checks at the call, then name lookup and the
 * connection itself on the loop, as Node's {@code lookupAndConnect} and {@code internalConnect}.
 *
 * <p>Every attempt is announced as Node 24 does it: {@code 'connectionAttempt'} before the connect
 * (for a pipe, inside {@code connect()} itself, with the path and neither port nor family), and
 * {@code 'connectionAttemptFailed'} when the connect fails, before {@code 'error'}. A connect
 * abandoned by {@code destroy()} closes its descriptor at once, as libuv's closed handle does.
 */
final class Connector {
  private final Socket socket;

  /** Bumped by every new connect, so a late answer of an earlier one is ignored. Loop only. */
  private int generation;

  /** The family race of the current or last connect, if any. Written on the loop only. */
  private volatile FamilyRace race;

  /** The connect in progress outside a race, or null. Written on the loop only. */
  private volatile ConnectRequest request;

  /**
   * Held while the system resolver or a connect is in flight, whatever the socket's ref says, as
   * libuv's getaddrinfo and connect requests keep the loop alive; a custom {@link Lookup} holds
   * nothing. Loop only.
   */
  private KeepAlive inFlight;

  /**
   * The connected handle whose connect the kernel confirmed on a later {@code connect()}: the next
   * one is {@code EISCONN}. Loop only.
   */
  private StreamHandle confirmed;

  /**
   * The handle of {@code new Socket({fd})}, until a connect takes it: Node's {@code connect()}
   * connects the adopted descriptor itself (a bound one, not connected yet) rather than a new
   * socket. Loop only.
   */
  private StreamHandle adopted;

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
    Integer attemptTimeout = o.autoSelectFamilyAttemptTimeout();
    if (attemptTimeout != null && attemptTimeout < 1) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"options.autoSelectFamilyAttemptTimeout\" is out of range. It must be >= 1"
              + " && <= 2147483647. Received "
              + attemptTimeout);
    }
    int family = o.family();
    // Node checks the family only for a name it has to look up.
    if (IpAddresses.isIP(o.host()) == 0 && family != 0 && family != 4 && family != 6) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The property 'options.family' must be one of: 0, 4, 6. Received " + family);
    }
  }

  /** Loop thread only: {@code handle}, adopted from a descriptor, is the socket's. */
  void adopted(StreamHandle handle) {
    adopted = handle;
  }

  /** The adopted handle if it is still the socket's (not destroyed since), once; else null. */
  private StreamHandle takeAdopted() {
    StreamHandle a = adopted;
    adopted = null;
    return a != null && socket.handle == a && !a.isClosed() ? a : null;
  }

  /**
   * Loop thread only: closes {@code unused}, the handle the socket held before {@code connected}
   * (an adopted descriptor a family race did not use), so that no descriptor is left open.
   */
  static void closeReplaced(StreamHandle unused, StreamHandle connected) {
    if (unused == null || unused == connected || unused.isClosed()) return;
    unused.setListener(
        new io.jnet.internal.net.StreamListener() {
          @Override
          public void onRead(byte[] chunk) {}

          @Override
          public void onEof() {}

          @Override
          public void onError(JnetException error) {}

          @Override
          public void onClose() {}
        });
    unused.close(e -> {});
  }

  /** Loop thread only: starts connecting; {@code socket.connecting()} is already true. */
  void start(ConnectOptions o) {
    int gen = ++generation;
    abandon();
    race = null;
    if (o.timeout() > 0) socket.setTimeout(o.timeout());
    if (o.path() != null) {
      String path = o.path();
      socket.emit(Socket.CONNECTION_ATTEMPT, new ConnectionAttempt(path, null, null, null));
      if (gen != generation || !socket.connecting()) return;
      if (connectedHandle() != null) {
        // A connected Unix socket is always EISCONN, which libuv reports in its callback.
        JnetException e = UvError.connect("EISCONN", path, null, null, null);
        socket.loop().execute(() -> finish(gen, o, null, e, path, null));
        return;
      }
      StreamHandle own = takeAdopted();
      if (own != null && !own.isPipe()) {
        // Node 24 hands the path to the TCP handle's connect, which refuses it in connect()
        // itself: no failed attempt, the socket destroyed at once, its local address named.
        socket.connectFailed(UvError.connect("EINVAL", path, null, Adopt.localDetails(own), null));
        return;
      }
      hold();
      request =
          NetBridge.connectPath(
              socket.loop(), own, path, (handle, err) -> finish(gen, o, handle, err, path, null));
      return;
    }
    String host = o.host();
    int type = IpAddresses.isIP(host);
    if (type != 0) {
      socket
          .loop()
          .nextTick(
              () -> {
                if (gen == generation && socket.connecting()) connectTo(gen, o, host, type);
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
                  first == null ? null : first.family(),
                  host));
          if (!socket.connecting()) return;
          if (e == null && first.family() == 0) {
            // A custom lookup's answer that is no IP address, as Node 24 refuses it.
            JnetException invalid = NetErrors.invalidIp(first.address());
            socket.loop().nextTick(() -> socket.connectFailed(invalid));
          } else if (e != null) {
            socket.loop().nextTick(() -> socket.connectFailed(e));
          } else {
            connectTo(gen, o, first.address(), first.family());
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
      KeepAlive held = hold();
      NetBridge.lookupAll(
          socket.loop(),
          host,
          family,
          (addresses, err) -> {
            if (inFlight == held) release();
            callback.done(addresses, err);
          });
      return;
    }
    custom.lookup(
        host,
        family,
        (err, ips) -> {
          // Node acts on the answer when it comes: inside connect() for one given before the
          // lookup returns, inside the nextTick or immediate that gives it. Off the loop, jnet
          // hands
          // it to the loop.
          Runnable answer =
              () ->
                  callback.done(err != null ? null : addresses(ips == null ? List.of() : ips), err);
          if (socket.loop().inLoop()) {
            answer.run();
          } else {
            socket.loop().execute(answer);
          }
        });
  }

  /** A custom lookup's answer, each address of the family {@code isIP} gives it (0: none). */
  private static List<Resolver.Address> addresses(List<String> ips) {
    List<Resolver.Address> found = new java.util.ArrayList<>();
    for (String ip : ips) found.add(new Resolver.Address(ip, IpAddresses.isIP(ip)));
    return found;
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
            socket.emit(Socket.LOOKUP, new LookupInfo(err, null, null, host));
            socket.loop().nextTick(() -> socket.connectFailed(err));
            return;
          }
          for (Resolver.Address a : addresses) {
            socket.emit(Socket.LOOKUP, new LookupInfo(null, a.address(), a.family(), host));
            if (gen != generation || !socket.connecting()) return;
          }
          List<Resolver.Address> ordered = FamilyRace.order(addresses);
          if (ordered.isEmpty()) {
            // Node 24 refuses the first address when none is an IP address (only a custom lookup
            // answers so); an empty answer is jnet's ENOTFOUND.
            JnetException none =
                addresses.isEmpty()
                    ? UvError.lookup("EAI_NONAME", host, null)
                    : NetErrors.invalidIp(addresses.get(0).address());
            socket.loop().nextTick(() -> socket.connectFailed(none));
          } else if (ordered.size() == 1) {
            connectTo(gen, o, ordered.get(0).address(), ordered.get(0).family());
          } else {
            hold();
            race = FamilyRace.start(socket, o, ordered, takeAdopted());
          }
        });
  }

  /** The race in progress or last run, or null. Loop thread only. */
  FamilyRace race() {
    return race;
  }

  /**
   * Node's {@code internalConnect} for one address: the local address bound if one is given, then
   * {@code 'connectionAttempt'}, then the connect (a failed bind announces no attempt).
   */
  private void connectTo(int gen, ConnectOptions o, String ip, int family) {
    ConnectionAttempt attempt = new ConnectionAttempt(ip, o.port(), family, null);
    if (BlockList.blocks(o.blockList(), ip)) {
      // Node 24's internalConnect: 'connectionAttempt', then destroy with ERR_IP_BLOCKED.
      if (announce(gen, attempt)) socket.connectFailed(BlockList.blocked(ip));
      return;
    }
    boolean bind = o.localAddress() != null || o.localPort() > 0;
    StreamHandle live = connectedHandle();
    if (live != null && !bind) {
      if (announce(gen, attempt)) connectAgain(gen, o, live, ip, o.port());
      return;
    }
    StreamHandle own = takeAdopted();
    if (own != null && own.isPipe()) {
      connectPipeTo(gen, o, own, ip, family, attempt, bind);
      return;
    }
    if (!bind && !announce(gen, attempt)) return;
    if (own != null && !bind && connectAdoptedTcp(gen, o, own, ip, family)) return;
    hold();
    request =
        NetBridge.connectTcp(
            socket.loop(),
            own,
            ip,
            o.port(),
            o.localAddress(),
            o.localPort(),
            bind ? () -> announce(gen, attempt) : null,
            (handle, err) -> finish(gen, o, handle, err, ip, family));
  }

  /** The socket's handle when it is connected already (and no adopted descriptor), else null. */
  private StreamHandle connectedHandle() {
    StreamHandle h = socket.handle;
    return h == null || h == adopted || h.isClosed() || socket.destroyed() ? null : h;
  }

  /**
   * Node's connect on a socket connected already: libuv connects {@code live}'s descriptor again,
   * and Linux confirms the non-blocking connect a client socket made the first time it is asked
   * (success, whatever the address: {@code 'connect'} again, on the same connection, at the next
   * I/O pass), and answers {@code EISCONN} after that and for an accepted socket. No new connection
   * is made.
   */
  private void connectAgain(int gen, ConnectOptions o, StreamHandle live, String ip, int port) {
    if (socket.server == null && live != confirmed) {
      confirmed = live;
      hold();
      socket
          .loop()
          .execute(
              () -> {
                if (gen == generation && socket.connecting() && socket.handle == live) {
                  socket.afterConnect(live, o);
                }
              });
      return;
    }
    AddressInfo local = live.localAddress();
    String details = local == null ? null : local.address() + ":" + local.port();
    socket.connectFailed(UvError.connect("EISCONN", ip, port, details, null));
  }

  /**
   * Node 24 connects an adopted Unix socket to an IP address by handing the address to the pipe
   * handle's connect, which takes it for a path (relative to the working directory): {@code connect
   * ENOENT 127.0.0.1:80} where nothing has that name. A local address is bound as a path too, which
   * a bound socket refuses ({@code bind EINVAL}); jnet refuses it for an unbound one as well. Where
   * Node 24 throws a TypeError out of its loop for an IPv6 address (a pipe handle has no {@code
   * connect6}), jnet connects the path all the same.
   */
  private void connectPipeTo(
      int gen,
      ConnectOptions o,
      StreamHandle own,
      String ip,
      int family,
      ConnectionAttempt attempt,
      boolean bind) {
    if (bind) {
      String local = o.localAddress() != null ? o.localAddress() : "0.0.0.0";
      socket.connectFailed(UvError.bind("EINVAL", local, o.localPort()));
      return;
    }
    if (!announce(gen, attempt)) return;
    hold();
    request =
        connectPipe(
            socket.loop(), own, ip, o.port(), (h, err) -> finish(gen, o, h, err, ip, family));
  }

  /**
   * Connects the adopted Unix socket {@code own} to the path {@code ip} names, reporting a failure
   * with the address and port, as Node 24's pipe connect of an IP address does. Loop thread only.
   */
  static ConnectRequest connectPipe(
      io.jnet.loop.EventLoop loop,
      StreamHandle own,
      String ip,
      int port,
      io.jnet.internal.net.ConnectCallback callback) {
    return NetBridge.connectPath(
        loop,
        own,
        ip,
        (h, err) ->
            callback.done(
                h,
                err == null ? null : UvError.connect(err.code(), ip, port, null, err.getCause())));
  }

  /**
   * libuv's connect of an adopted TCP descriptor that is listening or connected already, where
   * Linux's connect(2) says {@code EISCONN}: a listening one fails in the call (no failed attempt,
   * its local address named), a connected one succeeds and keeps its peer (libuv 1.52 in Node 24).
   * False for any other descriptor, which connects as a new socket would.
   */
  private boolean connectAdoptedTcp(
      int gen, ConnectOptions o, StreamHandle own, String ip, int family) {
    switch (Adopt.state(own)) {
      case LISTENING:
        socket.connectFailed(
            UvError.connect("EISCONN", ip, o.port(), Adopt.localDetails(own), null));
        return true;
      case CONNECTED:
        hold();
        socket.loop().execute(() -> finish(gen, o, own, null, ip, family));
        return true;
      default:
        return false;
    }
  }

  /** Emits {@code 'connectionAttempt'}; false when a listener ended the connect. */
  private boolean announce(int gen, ConnectionAttempt attempt) {
    socket.emit(Socket.CONNECTION_ATTEMPT, attempt);
    return gen == generation && socket.connecting();
  }

  /**
   * The connect's outcome; {@code port} and {@code family} of the attempt are null for a pipe. A
   * failed bind of the local address is no connection attempt's failure, as in Node.
   */
  private void finish(
      int gen,
      ConnectOptions o,
      StreamHandle handle,
      JnetException err,
      String address,
      Integer family) {
    if (gen != generation || !socket.connecting() || socket.destroyed()) {
      if (handle != null) handle.close(e -> {});
      return;
    }
    request = null;
    if (err == null) {
      socket.afterConnect(handle, o);
      return;
    }
    if ("connect".equals(err.syscall())) {
      Integer port = o.path() == null ? o.port() : null;
      socket.emit(
          Socket.CONNECTION_ATTEMPT_FAILED, new ConnectionAttempt(address, port, family, err));
    }
    socket.connectFailed(err);
  }

  /**
   * The local address of the connect in progress, or null (none, or not bound by the kernel yet).
   * Any thread.
   */
  AddressInfo connectingAddress() {
    ConnectRequest req = request;
    if (req == null) {
      FamilyRace r = race;
      req = r == null ? null : r.request();
    }
    return req == null ? null : req.localAddress();
  }

  /** Loop thread only: forgets the request in progress (the socket was destroyed). */
  void cancel() {
    generation++;
    abandon();
    release();
  }

  private KeepAlive hold() {
    if (inFlight == null) inFlight = socket.loop().keepAlive();
    return inFlight;
  }

  /** Loop thread only: the lookup or connect in flight is over. */
  void release() {
    KeepAlive k = inFlight;
    inFlight = null;
    if (k != null) k.close();
  }

  /**
   * Cancels the connect in progress, closing its socket at once, and any race (kept for its log).
   */
  private void abandon() {
    FamilyRace r = race;
    if (r != null) r.cancel();
    ConnectRequest req = request;
    request = null;
    if (req != null) req.cancel();
  }
}
