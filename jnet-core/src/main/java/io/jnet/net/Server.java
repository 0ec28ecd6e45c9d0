package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.events.AbortSignal;
import io.jnet.events.Event;
import io.jnet.events.EventEmitter;
import io.jnet.events.Signal;
import io.jnet.internal.net.Adopt;
import io.jnet.internal.net.ConnectionLoop;
import io.jnet.internal.net.IpAddresses;
import io.jnet.internal.net.ListenCallback;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.ServerHandle;
import io.jnet.internal.net.ServerListener;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import io.jnet.loop.EventLoop;
import io.jnet.loop.EventLoops;
import io.jnet.loop.KeepAlive;
import io.jnet.loop.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A TCP or IPC server: Node 24's {@code net.Server}.
 *
 * <p>Make one with {@link Net#createServer}; {@link #listen} binds it, each accepted connection is
 * a {@link Socket} handed to {@code 'connection'}.
 *
 * <h2>Event order, a contract (Node 24)</h2>
 *
 * <ul>
 *   <li>{@code 'listening'} on the tick after the bind: a listen without a host (or on a path)
 *       binds inside {@code listen()}, one with a host after its lookup. A listen callback is a
 *       one-time {@code 'listening'} listener, so it runs after listeners added before it. A bind
 *       error is {@code 'error'} on the next tick.
 *   <li>{@code 'connection'} for each accepted socket; past {@link #maxConnections()} the socket is
 *       closed at once and {@code 'drop'} carries its addresses instead.
 *   <li>{@code 'error'} when binding fails (EADDRINUSE, EACCES...); the server is then not
 *       listening and {@code listen} may be called again.
 *   <li>{@code 'close'} after {@link #close()}, once every connection has closed too. A close
 *       callback given while not listening receives {@code ERR_SERVER_NOT_RUNNING}.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Every method may be called from any thread; bad arguments throw at the call, the rest is
 * handed to the server's loop, on whose thread every event is emitted. Unlike Node, whose pipe
 * servers answer {@code address()} with a string, jnet answers an {@link AddressInfo} whose {@code
 * address()} is the path and whose family is null.
 *
 * <h2>Several loops (a jnet extra)</h2>
 *
 * <p>By default a server and all its sockets live on one loop: Node's model, one core. With {@link
 * ServerOptions#loops(int)} or {@link ServerOptions#loops(io.jnet.loop.EventLoops)} the server
 * still accepts on its own loop, and hands each accepted connection to the next loop of the group
 * in turn (round robin: accepting stays one plain counter on one thread, with nothing read from the
 * other loops, and connections of one kind spread evenly; least-connections would read counters the
 * other loops write at every close, and still count connections, not load). What a listener may
 * then assume:
 *
 * <ul>
 *   <li>A socket lives on one loop for good ({@code socket.loop()}); its events, {@code
 *       'connection'} first, run on that loop's thread, one at a time, in Node's order. Its {@code
 *       'connection'} is emitted there, before any of its own events, so the listener sets the
 *       socket up before it can emit anything.
 *   <li>So {@code 'connection'} listeners run on several threads at once, one per loop, and so do
 *       the events of sockets on different loops. State shared between sockets needs the program's
 *       own care: a concurrent collection, an atomic counter, or a hand-over to one loop with
 *       {@code loop.execute}.
 *   <li>The server's own events ({@code 'listening'}, {@code 'error'}, {@code 'drop'}, {@code
 *       'close'}) stay on its loop. {@link #maxConnections} and {@link #getConnections} count the
 *       connections of every loop; {@code 'close'} follows the last of them, on any loop, and also
 *       waits for a connection accepted but still being handed over.
 *   <li>A connection being handed over when {@link #close()} is called is still served: it was
 *       accepted before the close, so its {@code 'connection'} may come after {@code close()}.
 * </ul>
 *
 * <pre>{@code
 * Set<Socket> clients = ConcurrentHashMap.newKeySet();          // touched from every loop
 * Server server = Net.createServer(ServerOptions.defaults().loops(4), socket -> {
 *   clients.add(socket);                                         // on the socket's loop
 *   socket.on(Socket.DATA, chunk -> socket.write(chunk));        // same loop, one at a time
 *   socket.on(Socket.CLOSE, hadError -> clients.remove(socket));
 * });
 * }</pre>
 *
 * <p>Another way to several cores is {@link ListenOptions#reusePort}: one server per loop, each
 * with its own listening socket on one port, the kernel spreading the connections.
 *
 * <h2>Shutdown</h2>
 *
 * <p>{@link #close(Duration)} stops accepting, lets the connections finish, and destroys those
 * still open at the deadline; {@link #endConnections()} and {@link #destroyConnections()} end or
 * destroy every open connection, so that a shutdown needs no set of sockets of its own.
 */
public class Server extends EventEmitter {
  /** Node's {@code 'listening'}. */
  public static final Signal LISTENING = Signal.of("listening");

  /** Node's {@code 'connection'}: an accepted socket. */
  public static final Event<Socket> CONNECTION = Event.of("connection");

  /** Node's {@code 'close'}: the server closed and every connection has ended. */
  public static final Signal CLOSE = Signal.of("close");

  /** Node's {@code 'drop'}: a connection refused because {@code maxConnections} was reached. */
  public static final Event<DropInfo> DROP = Event.of("drop");

  private final EventLoop loop;
  private final ServerOptions options;

  /**
   * The loops connections are dealt to, in turn, as the handle layer reaches them; null: this
   * server's loop only (Node's). Where one is this server's own loop, its slot is null: that
   * connection is served inside the accept, as in Node.
   */
  private final ConnectionLoop[] targets;

  /**
   * Open sockets, for {@link #endConnections} and {@link #destroyConnections}: a list through the
   * sockets' own links ({@link Socket#openPrev}, {@link Socket#openNext}), so that a connection
   * costs no entry of its own. Guarded by {@link #openLock}; any thread.
   */
  private Socket openFirst;

  private final Object openLock = new Object();

  /** Sockets made and not closed yet: Node's {@code _connections}. Any thread. */
  private final AtomicInteger connections = new AtomicInteger();

  /** {@link #connections} plus connections being handed to another loop. Any thread. */
  private final AtomicInteger open = new AtomicInteger();

  // Loop thread only, unless volatile.
  private int nextTarget;
  private boolean awaitingDrain; // close() found connections open: 'close' waits for the last
  private Timeout deadline; // of close(Duration), until 'close'
  private volatile boolean deadlinePassed; // accepted connections still arriving are closed
  private ServerHandle handle;
  private volatile boolean listening;
  private volatile AddressInfo address;
  private volatile Integer maxConnections;
  private volatile boolean refWanted = true;
  private KeepAlive keepAlive;
  private int listenGeneration;
  private volatile String path;
  private volatile AddressInfo pipeAddress; // Node's _pipeName: kept after close

  Server(ServerOptions options, Consumer<Socket> connectionListener) {
    EventLoop current = EventLoop.current();
    this.loop = current != null ? current : EventLoop.defaultLoop();
    this.options = options;
    EventLoops group = options.loops();
    if (group == null) {
      this.targets = null;
    } else {
      List<EventLoop> loops = group.loops();
      this.targets = new ConnectionLoop[loops.size()];
      for (int i = 0; i < targets.length; i++) {
        EventLoop l = loops.get(i);
        targets[i] = l == loop ? null : NetBridge.connectionLoop(l);
      }
    }
    if (connectionListener != null) on(CONNECTION, connectionListener);
  }

  /**
   * The loop this server accepts and emits on.
   *
   * @return the server's loop
   */
  public EventLoop loop() {
    return loop;
  }

  // listen, in Node's forms.

  /**
   * Listens on an OS-chosen port on every interface.
   *
   * @return this server
   */
  public Server listen() {
    return listen(ListenOptions.port(0), null);
  }

  /**
   * Listens on an OS-chosen port, then runs {@code callback} on {@code 'listening'}.
   *
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(Runnable callback) {
    return listen(ListenOptions.port(0), callback);
  }

  /**
   * Listens on {@code port} (0: OS-chosen) on every interface.
   *
   * @param port the port; 0 lets the system choose
   * @return this server
   */
  public Server listen(int port) {
    return listen(ListenOptions.port(port), null);
  }

  /**
   * Listens on {@code port} on every interface, then runs {@code callback}.
   *
   * @param port the port; 0 lets the system choose
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(int port, Runnable callback) {
    return listen(ListenOptions.port(port), callback);
  }

  /**
   * Listens on {@code port} on {@code host} (an address or a name, resolved first).
   *
   * @param port the port; 0 lets the system choose
   * @param host the address or name to listen on
   * @return this server
   */
  public Server listen(int port, String host) {
    return listen(hostOptions(port, host), null);
  }

  /**
   * Listens on {@code port} on {@code host}, then runs {@code callback}.
   *
   * @param port the port; 0 lets the system choose
   * @param host the address or name to listen on
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(int port, String host, Runnable callback) {
    return listen(hostOptions(port, host), callback);
  }

  /**
   * Listens on {@code port} on {@code host} with a pending-connection queue of {@code backlog}.
   *
   * @param port the port; 0 lets the system choose
   * @param host the address or name to listen on
   * @param backlog the length of the pending-connection queue
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(int port, String host, int backlog, Runnable callback) {
    return listen(hostOptions(port, host).backlog(backlog), callback);
  }

  /**
   * Listens on the IPC socket at {@code path}.
   *
   * @param path the IPC path to listen on
   * @return this server
   */
  public Server listen(String path) {
    return listen(ListenOptions.path(path), null);
  }

  /**
   * Listens on the IPC socket at {@code path}, then runs {@code callback}.
   *
   * @param path the IPC path to listen on
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(String path, Runnable callback) {
    return listen(ListenOptions.path(path), callback);
  }

  /**
   * Listens on the IPC socket at {@code path} with {@code backlog}, then runs {@code callback}.
   *
   * @param path the IPC path to listen on
   * @param backlog the length of the pending-connection queue
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server listen(String path, int backlog, Runnable callback) {
    return listen(ListenOptions.path(path).backlog(backlog), callback);
  }

  /**
   * Listens as {@code options} say.
   *
   * @param options the options
   * @return this server
   */
  public Server listen(ListenOptions options) {
    return listen(options, null);
  }

  /**
   * Listens as {@code options} say, then runs {@code callback} as a one-time {@code 'listening'}
   * listener.
   *
   * <p>As in Node, a listen without a host (or on a path) binds before this returns: {@link
   * #listening()} is true and {@link #address()} answers at once, and {@code 'listening'} follows
   * on the next tick. A host is looked up first (even an IP literal, as Node's {@code dns.lookup}
   * answers on a later tick); a new listen while that lookup is pending supersedes it, and the
   * callbacks of both run on the one {@code 'listening'}. The callback is added before the options
   * are checked, so the callback of a listen that threw runs on the next successful one, as in
   * Node. Called from a thread that runs no jnet loop, this waits until the server's loop has made
   * the bind; from another loop's thread it hands the bind over and returns at once.
   *
   * @param options the options
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   * @throws JnetException {@code ERR_SERVER_ALREADY_LISTEN} while listening, {@code
   *     ERR_SOCKET_BAD_PORT} for a port out of range, {@code ERR_INVALID_ARG_VALUE} for options
   *     with neither port nor path, or with {@code readableAll}/{@code writableAll} on an abstract
   *     name; {@code uv_pipe_chmod} when those modes cannot be set
   */
  public Server listen(ListenOptions options, Runnable callback) {
    if (loop.inLoop()) {
      checkListen(options, callback);
      startListen(options);
    } else if (EventLoop.current() == null) {
      awaitOnLoop(
          () -> {
            checkListen(options, callback);
            startListen(options);
          });
    } else {
      checkListen(options, callback);
      loop.execute(() -> startListen(options));
    }
    return this;
  }

  /** Node's checks at the call, in Node's order: the callback is added after the first only. */
  private void checkListen(ListenOptions options, Runnable callback) {
    if (listening) throw NetErrors.serverAlreadyListen();
    if (callback != null) once(LISTENING, callback);
    if (options == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The argument 'options' must have the property \"port\" or \"path\". Received {}");
    }
    if (options.fd() >= 0) {
      if (!Adopt.available()) throw Adopt.unavailable("listen({fd})");
    } else if (options.path() == null) {
      NetErrors.checkPort(options.port(), "options.port");
    } else if (isAbstract(options.path()) && (options.readableAll() || options.writableAll())) {
      throw abstractWithModes(options);
    }
  }

  private static boolean isAbstract(String path) {
    return !path.isEmpty() && path.charAt(0) == '\0';
  }

  private static JnetException abstractWithModes(ListenOptions o) {
    StringBuilder received = new StringBuilder("{ path: '");
    for (char c : o.path().toCharArray()) {
      if (c < 0x20) {
        received.append(String.format("\\x%02X", (int) c));
      } else if (c == '\'' || c == '\\') {
        received.append('\\').append(c);
      } else {
        received.append(c);
      }
    }
    received.append('\'');
    if (o.readableAll()) received.append(", readableAll: true");
    if (o.writableAll()) received.append(", writableAll: true");
    received.append(" }");
    // "writableAllt" is Node's own spelling.
    return JnetException.typeError(
        "ERR_INVALID_ARG_VALUE",
        "The argument 'options' can not set readableAll or writableAllt to true when path is"
            + " abstract unix socket. Received "
            + received);
  }

  /** Runs {@code task} on the loop and waits for it; what it throws is thrown here. */
  private void awaitOnLoop(Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          try {
            task.run();
            done.complete(null);
          } catch (Throwable t) {
            done.completeExceptionally(t);
          }
        });
    try {
      done.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  private static ListenOptions hostOptions(int port, String host) {
    ListenOptions o = ListenOptions.port(port);
    return host == null ? o : o.host(host);
  }

  private void startListen(ListenOptions o) {
    if (handle != null) {
      // Two listens handed over from other threads at once: the first one won.
      emit(ERROR, NetErrors.serverAlreadyListen());
      return;
    }
    int gen = ++listenGeneration;
    watchSignal(o.signal());
    deadlinePassed = false;
    // Node's server handle exists from listen() on: it keeps the process alive while binding.
    if (keepAlive == null) {
      keepAlive = loop.keepAlive();
      if (!refWanted) keepAlive.unref();
    }
    if (o.path() != null) pipeAddress = new AddressInfo(o.path(), null, -1);
    String host = o.path() == null && o.fd() < 0 ? o.host() : null;
    if (host == null) {
      bind(gen, o, null);
      return;
    }
    if (IpAddresses.isIP(host) != 0) {
      loop.nextTick(() -> bind(gen, o, host));
      return;
    }
    NetBridge.lookup(
        loop,
        host,
        0,
        (ip, family, err) -> {
          if (gen != listenGeneration) return;
          if (err != null) {
            releaseKeepAlive();
            emit(ERROR, err);
          } else {
            bind(gen, o, ip);
          }
        });
  }

  /** Binds now; the outcome is known when this returns (libuv's listen is synchronous). */
  private void bind(int gen, ListenOptions o, String ip) {
    if (gen != listenGeneration) return;
    ServerListener listener =
        new ServerListener() {
          @Override
          public void onConnection(StreamHandle handle) {
            Server.this.onConnection(handle);
          }

          @Override
          public void onError(JnetException error) {
            emit(ERROR, error);
          }

          @Override
          public ConnectionLoop connectionLoop() {
            if (targets == null) return null;
            open.incrementAndGet(); // from the accept on: 'close' waits for it
            ConnectionLoop next = targets[nextTarget]; // null: this loop, inside the accept
            nextTarget = nextTarget + 1 == targets.length ? 0 : nextTarget + 1;
            return next;
          }

          @Override
          public void onConnectionLost() {
            if (targets != null) openEnded(); // counted at the accept
          }

          @Override
          public boolean noDelay() {
            return options.noDelay();
          }

          @Override
          public boolean readsAtOnce() {
            return !options.pauseOnConnect(); // the new Socket reads at once
          }
        };
    ListenCallback done = (h, err) -> afterBind(gen, o, h, err);
    try {
      if (o.fd() >= 0) {
        Adopt.listen(loop, o.fd(), o.backlog(), listener, done);
      } else if (o.path() != null) {
        NetBridge.listenPath(loop, o.path(), o.backlog(), listener, done);
      } else {
        NetBridge.listenTcp(
            loop, ip, o.port(), o.backlog(), o.ipv6Only(), o.reusePort(), listener, done);
      }
    } catch (RuntimeException | Error e) {
      // Thrown at the call (uv_pipe_chmod, or a throwable that is no listen error): the server is
      // not listening, so it holds the loop no longer.
      if (handle == null) releaseKeepAlive();
      throw e;
    }
  }

  private void afterBind(int gen, ListenOptions o, ServerHandle h, JnetException err) {
    if (gen != listenGeneration) {
      if (h != null) h.close(e -> {});
      return;
    }
    if (err != null) {
      releaseKeepAlive();
      // libuv reports a pipe bind in a missing directory as EACCES, and so does Node.
      JnetException e =
          o.path() != null && "ENOENT".equals(err.code())
              ? UvError.listen("EACCES", o.path(), -1, err)
              : err;
      loop.nextTick(() -> emit(ERROR, e));
      return;
    }
    if (o.path() != null && (o.readableAll() || o.writableAll())) {
      JnetException chmod = PipeModes.set(o.path(), o.readableAll(), o.writableAll());
      if (chmod != null) {
        // Node closes the handle and throws at the listen call.
        h.close(e -> {});
        releaseKeepAlive();
        throw chmod;
      }
    }
    handle = h;
    path = o.path();
    address = h.address() != null ? h.address() : pipeAddress;
    listening = true;
    loop.nextTick(
        () -> {
          // Node's emitListeningNT: nothing if the server closed meanwhile.
          if (handle == h) emit(LISTENING);
        });
  }

  /**
   * Node's {@code onconnection}, on the loop the connection will live on: this server's, or the one
   * {@code connectionLoop()} handed it to. Over several loops it was counted in {@link #open} at
   * the accept already.
   */
  private void onConnection(StreamHandle accepted) {
    boolean handedOver = targets != null;
    if (!reserveConnection()) {
      AddressInfo local = accepted.localAddress();
      AddressInfo remote = accepted.remoteAddress();
      accepted.close(e -> {});
      DropInfo drop =
          new DropInfo(
              local == null ? null : local.address(),
              local == null ? -1 : local.port(),
              local == null ? null : local.family(),
              remote == null ? null : remote.address(),
              remote == null ? -1 : remote.port(),
              remote == null ? null : remote.family());
      if (loop.inLoop()) {
        emit(DROP, drop);
      } else {
        loop.execute(() -> emit(DROP, drop)); // a server event: on the server's loop
      }
      if (handedOver) openEnded();
      return;
    }
    if (deadlinePassed || blocked(accepted)) {
      accepted.close(e -> {});
      connections.decrementAndGet();
      if (handedOver) openEnded();
      return;
    }
    if (!handedOver) open.incrementAndGet();
    Socket socket;
    try {
      socket = new Socket(accepted, this, options, path);
    } catch (RuntimeException | Error e) {
      connections.decrementAndGet();
      openEnded();
      throw e;
    }
    if (!socket.destroyed()) listOpen(socket);
    emit(CONNECTION, socket);
  }

  /** Counts a new connection unless {@code maxConnections} are open: Node's check, atomically. */
  private boolean reserveConnection() {
    while (true) {
      int n = connections.get();
      Integer max = maxConnections;
      if (max != null && n >= max) return false;
      if (connections.compareAndSet(n, n + 1)) return true;
    }
  }

  /** Node 24's {@code blockList}: a blocked peer is closed silently. */
  private boolean blocked(StreamHandle accepted) {
    if (options.blockList() == null) return false;
    AddressInfo peer = accepted.remoteAddress();
    return peer != null && BlockList.blocks(options.blockList(), peer.address());
  }

  /** The socket's loop: one of this server's sockets was destroyed. */
  void connectionClosed(Socket socket) {
    unlistOpen(socket);
    connections.decrementAndGet();
    openEnded();
  }

  private void listOpen(Socket socket) {
    synchronized (openLock) {
      if (isListed(socket)) return;
      socket.openPrev = null;
      socket.openNext = openFirst;
      if (openFirst != null) openFirst.openPrev = socket;
      openFirst = socket;
    }
  }

  /** Whether {@code socket} is in the list of open sockets: first, or after another. */
  private boolean isListed(Socket socket) {
    return socket.openPrev != null || openFirst == socket;
  }

  private void unlistOpen(Socket socket) {
    synchronized (openLock) {
      if (!isListed(socket)) return;
      Socket prev = socket.openPrev;
      Socket next = socket.openNext;
      if (prev == null) {
        openFirst = next;
      } else {
        prev.openNext = next;
      }
      if (next != null) next.openPrev = prev;
      socket.openPrev = null;
      socket.openNext = null;
    }
  }

  /** The open sockets at this moment, newest first. */
  private List<Socket> openSockets() {
    List<Socket> all = new ArrayList<>();
    synchronized (openLock) {
      for (Socket s = openFirst; s != null; s = s.openNext) all.add(s);
    }
    return all;
  }

  /** A counted connection ended; the one that ends the last lets a closed server emit 'close'. */
  private void openEnded() {
    if (open.decrementAndGet() != 0) return;
    if (loop.inLoop()) {
      afterDrain();
    } else {
      loop.execute(this::afterDrain);
    }
  }

  /** Loop thread only: the last connection ended; 'close' follows if close() waits for it. */
  private void afterDrain() {
    assert loop.inLoop() : "not on the server's loop";
    if (!awaitingDrain || handle != null || open.get() != 0) return;
    emitClose();
  }

  private void emitClose() {
    awaitingDrain = false;
    Timeout t = deadline;
    deadline = null;
    if (t != null) loop.clearTimeout(t);
    loop.nextTick(() -> emit(CLOSE));
  }

  // close.

  /**
   * Stops accepting: Node's {@code close()}. {@code 'close'} follows once connections end.
   *
   * @return this server
   */
  public Server close() {
    return close((Consumer<JnetException>) null);
  }

  /**
   * Stops accepting, and calls {@code callback} on {@code 'close'}: with null, or with {@code
   * ERR_SERVER_NOT_RUNNING} when the server was not listening.
   *
   * <p>As in Node, the listening socket is closed before this returns, so a connection attempted
   * after it is refused ({@code ECONNREFUSED}). Unlike Node, on the NIO transport a close called
   * from inside an I/O callback ({@code 'connection'}, {@code 'data'}...) releases the socket only
   * once the loop's I/O pass ends, so a connection attempted before then is reset ({@code
   * ECONNRESET}) instead.
   *
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server close(Consumer<JnetException> callback) {
    if (!loop.inLoop()) {
      loop.execute(() -> close(callback));
      return this;
    }
    if (callback != null) {
      if (handle == null) {
        once(CLOSE, () -> callback.accept(NetErrors.serverNotRunning()));
      } else {
        once(CLOSE, () -> callback.accept(null));
      }
    }
    listenGeneration++;
    unwatchSignal();
    ServerHandle h = handle;
    if (h != null) {
      handle = null;
      listening = false;
      address = null;
      h.close(e -> {});
    }
    releaseKeepAlive();
    if (open.get() == 0) {
      emitClose();
    } else {
      awaitingDrain = true;
    }
    return this;
  }

  /**
   * Listens as {@code options} say; the future completes with the bound address on {@code
   * 'listening'}, or fails with the listen error ({@code EADDRINUSE}...): the Java form of {@code
   * listen(options, callback)}. While it is pending, the future is an {@code 'error'} listener, so
   * a listen error does not reach the uncaught-exception handler. Bad arguments throw at the call.
   *
   * <p>Cancelling the future before it completes aborts the listen, as the options' {@link
   * ListenOptions#signal signal} would: the server is closed ({@code close()}); cancelling it after
   * it completed changes nothing.
   *
   * @param options the options
   * @return a future completed with the address on {@code 'listening'}
   */
  public CompletableFuture<AddressInfo> listenAsync(ListenOptions options) {
    CompletableFuture<AddressInfo> f = new CompletableFuture<>();
    Consumer<JnetException> failed = f::completeExceptionally;
    Runnable listened =
        () -> {
          off(ERROR, failed);
          f.complete(address());
        };
    once(ERROR, failed);
    try {
      listen(options, listened);
    } catch (RuntimeException e) {
      off(ERROR, failed);
      throw e;
    }
    f.whenComplete(
        (a, e) -> {
          if (!(e instanceof java.util.concurrent.CancellationException)) return;
          // Cancelling is aborting: the server closes, as with the listen's signal.
          off(ERROR, failed);
          off(LISTENING, listened);
          close();
        });
    return f;
  }

  /** A close callback that completes {@code f}, exceptionally with the close's error. */
  private static Consumer<JnetException> completing(CompletableFuture<Void> f) {
    return err -> {
      if (err == null) {
        f.complete(null);
      } else {
        f.completeExceptionally(err);
      }
    };
  }

  /**
   * A future completed once the server has closed: the Java form of {@code close(callback)}.
   *
   * @return a future completed once the server has closed
   */
  public CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    close(completing(f));
    return f;
  }

  // Shutdown with a deadline (jnet extras).

  /**
   * Closes with a deadline: stops accepting at once as {@link #close()} does, lets the open
   * connections finish, and destroys those still open once {@code deadline} has passed (a jnet
   * extra). {@code 'close'} follows the last connection, as ever. Connections accepted but still
   * being handed to another loop when the deadline passes are closed unseen. The deadline's timer
   * does not keep the JVM alive by itself; the connections do, until they end or it destroys them.
   *
   * @throws JnetException {@code ERR_INVALID_ARG_TYPE} for a null deadline, {@code
   *     ERR_OUT_OF_RANGE} for a negative one
   * @param deadline how long open connections may take to finish
   * @return this server
   */
  public Server close(Duration deadline) {
    return close(deadline, null);
  }

  /**
   * {@link #close(Duration)}, then {@code callback} as {@link #close(Consumer)} calls it. (Beside
   * this overload a bare {@code close(null)} is ambiguous in Java: write {@link #close()}.)
   *
   * @param deadline how long open connections may take to finish
   * @param callback called once with null on {@code 'close'}, or with the error
   * @return this server
   */
  public Server close(Duration deadline, Consumer<JnetException> callback) {
    long millis = checkDeadline(deadline);
    if (!loop.inLoop()) {
      loop.execute(() -> closeBy(millis, callback));
    } else {
      closeBy(millis, callback);
    }
    return this;
  }

  /**
   * {@link #close(Duration)} as a future, completed as {@link #closeAsync()}'s is.
   *
   * @param deadline how long open connections may take to finish
   * @return a future completed on {@code 'close'}
   */
  public CompletableFuture<Void> closeAsync(Duration deadline) {
    checkDeadline(deadline);
    CompletableFuture<Void> f = new CompletableFuture<>();
    close(deadline, completing(f));
    return f;
  }

  private static long checkDeadline(Duration deadline) {
    if (deadline == null) throw NetErrors.invalidArgType("deadline", "Duration", "null");
    if (deadline.isNegative()) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"deadline\" is out of range. It must be >= 0. Received " + deadline);
    }
    try {
      return deadline.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private void closeBy(long millis, Consumer<JnetException> callback) {
    close(callback);
    if (!awaitingDrain) return; // 'close' is on its way
    Timeout old = deadline;
    if (old != null) loop.clearTimeout(old); // the latest deadline counts
    Timeout t =
        loop.setTimeout(
            () -> {
              deadline = null;
              deadlinePassed = true;
              destroyConnections();
            },
            Math.min(millis, Integer.MAX_VALUE));
    t.unref();
    deadline = t;
  }

  /**
   * Calls {@code end()} on every open connection of this server, on each one's loop: each sends its
   * FIN once its queued writes are out, and closes when the peer ends too (a jnet extra, so that a
   * shutdown needs no set of sockets of its own). Returns this server.
   *
   * @return this server
   */
  public Server endConnections() {
    for (Socket s : openSockets()) s.end();
    return this;
  }

  /**
   * Calls {@code destroy()} on every open connection of this server, on each one's loop: what is
   * not yet written is lost (a jnet extra; Node's {@code http.Server} calls this {@code
   * closeAllConnections()}). Returns this server.
   *
   * @return this server
   */
  public Server destroyConnections() {
    for (Socket s : openSockets()) s.destroy();
    return this;
  }

  private void releaseKeepAlive() {
    KeepAlive k = keepAlive;
    keepAlive = null;
    if (k != null) k.close();
  }

  // State.

  /**
   * Node's {@code listening}.
   *
   * @return whether the server listens
   */
  public boolean listening() {
    return listening;
  }

  /**
   * Node's {@code address()}: where the server listens, or null when it does not; a server that was
   * ever given a path answers that path even when not listening (after {@code close()}, or a failed
   * listen), as Node's does.
   *
   * @return the address, or null
   */
  public AddressInfo address() {
    AddressInfo a = address;
    return a != null ? a : pipeAddress;
  }

  /**
   * Node's {@code getConnections(callback)}: calls {@code callback} with (null, the number of open
   * connections) on a later tick, and returns this server, as Node's does.
   *
   * @param callback added as a one-time {@code 'listening'} listener
   * @return this server
   */
  public Server getConnections(BiConsumer<JnetException, Integer> callback) {
    if (callback == null) {
      throw NetErrors.invalidArgType("callback", "function", "undefined");
    }
    if (loop.inLoop()) {
      int n = connections.get();
      loop.nextTick(() -> callback.accept(null, n));
    } else {
      loop.execute(() -> getConnections(callback));
    }
    return this;
  }

  /**
   * The number of open connections right now (a jnet extra: Node has only the callback form).
   *
   * @return the number of open connections
   */
  public int connections() {
    return connections.get();
  }

  /**
   * Node's {@code maxConnections}: null (Node's {@code undefined}, the default) means no limit.
   *
   * @return the limit, or null
   */
  public Integer maxConnections() {
    return maxConnections;
  }

  /**
   * Sets Node's {@code maxConnections}: once that many connections are open, new ones are closed
   * and {@code 'drop'} is emitted. As in Node 24, 0 or a negative value drops every connection and
   * null means no limit.
   *
   * @param max the limit, or null for none
   * @return this server
   */
  public Server maxConnections(Integer max) {
    maxConnections = max;
    return this;
  }

  /**
   * Lets the listening server keep the JVM alive again: Node's {@code ref()}.
   *
   * @return this server
   */
  public Server ref() {
    refWanted = true;
    loop.execute(
        () -> {
          KeepAlive k = keepAlive;
          if (k != null && refWanted) k.ref();
        });
    return this;
  }

  /**
   * Lets the JVM exit while this server listens: Node's {@code unref()}.
   *
   * @return this server
   */
  public Server unref() {
    refWanted = false;
    loop.execute(
        () -> {
          KeepAlive k = keepAlive;
          if (k != null && !refWanted) k.unref();
        });
    return this;
  }

  // signal: Node's addServerAbortSignalOption.

  private AbortSignal signal; // loop thread only
  private Runnable onAbort; // loop thread only

  /** Loop thread only: closes the server when {@code s} aborts, or on the next tick if it has. */
  private void watchSignal(AbortSignal s) {
    if (s == null) return;
    unwatchSignal();
    if (s.aborted()) {
      loop.nextTick(this::close);
      return;
    }
    signal = s;
    onAbort = this::close; // close() hands itself to the loop when aborted from another thread
    s.once(AbortSignal.ABORT, onAbort);
  }

  /** Loop thread only: the server closed, the signal no longer concerns it (as in Node). */
  private void unwatchSignal() {
    AbortSignal s = signal;
    if (s == null) return;
    s.off(AbortSignal.ABORT, onAbort);
    signal = null;
    onAbort = null;
  }

  // Chaining: the registration and mode methods return this Server (a jnet extra).

  @Override
  public <T> Server on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Server on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Server on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> Server addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Server addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Server addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> Server once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Server once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Server once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Server prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Server prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Server prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Server prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Server prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Server prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Server off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public Server off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Server removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public Server removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Server removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public Server removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Server removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public Server setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }
}
