package io.jnet.net;

import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.EventEmitter;
import io.jnet.events.Signal;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.net.IpAddresses;
import io.jnet.internal.net.ListenCallback;
import io.jnet.internal.net.NetBridge;
import io.jnet.internal.net.ServerHandle;
import io.jnet.internal.net.ServerListener;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import io.jnet.loop.EventLoop;
import io.jnet.loop.KeepAlive;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A TCP or IPC server: Node 20's {@code net.Server}.
 *
 * <p>Make one with {@link Net#createServer}; {@link #listen} binds it, each accepted connection is
 * a {@link Socket} handed to {@code 'connection'}.
 *
 * <h2>Event order, a contract (Node 20)</h2>
 *
 * <ul>
 *   <li>{@code 'listening'} once bound, on a later tick than {@code listen()}; a listen callback is
 *       a one-time {@code 'listening'} listener, so it runs after listeners added before it.
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

  // Loop thread only, unless volatile.
  private ServerHandle handle;
  private volatile boolean listening;
  private volatile boolean binding;
  private volatile AddressInfo address;
  private volatile int connections;
  private volatile int maxConnections;
  private volatile boolean refWanted = true;
  private KeepAlive keepAlive;
  private int listenGeneration;
  private volatile String path;
  private boolean closingHandle; // loop thread only: NIO's close not yet done
  private int closesWaiting; // loop thread only: 'close' emits owed once it is

  Server(ServerOptions options, Consumer<Socket> connectionListener) {
    EventLoop current = EventLoop.current();
    this.loop = current != null ? current : EventLoop.defaultLoop();
    this.options = options;
    if (connectionListener != null) on(CONNECTION, connectionListener);
  }

  /** The loop this server accepts and emits on. */
  public EventLoop loop() {
    return loop;
  }

  // listen, in Node's forms.

  /** Listens on an OS-chosen port on every interface. */
  public Server listen() {
    return listen(ListenOptions.port(0), null);
  }

  /** Listens on an OS-chosen port, then runs {@code callback} on {@code 'listening'}. */
  public Server listen(Runnable callback) {
    return listen(ListenOptions.port(0), callback);
  }

  /** Listens on {@code port} (0: OS-chosen) on every interface. */
  public Server listen(int port) {
    return listen(ListenOptions.port(port), null);
  }

  /** Listens on {@code port} on every interface, then runs {@code callback}. */
  public Server listen(int port, Runnable callback) {
    return listen(ListenOptions.port(port), callback);
  }

  /** Listens on {@code port} on {@code host} (an address or a name, resolved first). */
  public Server listen(int port, String host) {
    return listen(hostOptions(port, host), null);
  }

  /** Listens on {@code port} on {@code host}, then runs {@code callback}. */
  public Server listen(int port, String host, Runnable callback) {
    return listen(hostOptions(port, host), callback);
  }

  /** Listens on {@code port} on {@code host} with a pending-connection queue of {@code backlog}. */
  public Server listen(int port, String host, int backlog, Runnable callback) {
    return listen(hostOptions(port, host).backlog(backlog), callback);
  }

  /** Listens on the IPC socket at {@code path}. */
  public Server listen(String path) {
    return listen(ListenOptions.path(path), null);
  }

  /** Listens on the IPC socket at {@code path}, then runs {@code callback}. */
  public Server listen(String path, Runnable callback) {
    return listen(ListenOptions.path(path), callback);
  }

  /** Listens on the IPC socket at {@code path} with {@code backlog}, then runs {@code callback}. */
  public Server listen(String path, int backlog, Runnable callback) {
    return listen(ListenOptions.path(path).backlog(backlog), callback);
  }

  /** Listens as {@code options} say. */
  public Server listen(ListenOptions options) {
    return listen(options, null);
  }

  /**
   * Listens as {@code options} say, then runs {@code callback} as a one-time {@code 'listening'}
   * listener.
   *
   * @throws JnetException {@code ERR_SERVER_ALREADY_LISTEN} while listening, {@code
   *     ERR_SOCKET_BAD_PORT} for a port out of range, {@code ERR_INVALID_ARG_VALUE} for options
   *     with neither port nor path
   */
  public Server listen(ListenOptions options, Runnable callback) {
    if (options == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The argument 'options' must have the property \"port\" or \"path\". Received {}");
    }
    if (options.path() == null) NetErrors.checkPort(options.port(), "options.port");
    synchronized (this) {
      if (listening || binding) throw NetErrors.serverAlreadyListen();
      binding = true;
    }
    if (callback != null) once(LISTENING, callback);
    if (loop.inLoop()) {
      startListen(options);
    } else {
      loop.execute(() -> startListen(options));
    }
    return this;
  }

  private static ListenOptions hostOptions(int port, String host) {
    ListenOptions o = ListenOptions.port(port);
    return host == null ? o : o.host(host);
  }

  private void startListen(ListenOptions o) {
    int gen = ++listenGeneration;
    // Node's server handle exists from listen() on: it keeps the process alive while binding.
    if (keepAlive == null) {
      keepAlive = loop.keepAlive();
      if (!refWanted) keepAlive.unref();
    }
    if (o.path() != null) {
      bind(gen, o, null);
      return;
    }
    String host = o.host();
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
            binding = false;
            releaseKeepAlive();
            emit(ERROR, err);
          } else {
            bind(gen, o, ip);
          }
        });
  }

  private void bind(int gen, ListenOptions o, String ip) {
    if (gen != listenGeneration || !binding) return;
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
        };
    ListenCallback done = (h, err) -> afterBind(gen, o, h, err);
    if (o.path() != null) {
      NetBridge.listenPath(loop, o.path(), o.backlog(), listener, done);
    } else {
      NetBridge.listenTcp(loop, ip, o.port(), o.backlog(), o.ipv6Only(), listener, done);
    }
  }

  private void afterBind(int gen, ListenOptions o, ServerHandle h, JnetException err) {
    if (gen != listenGeneration || !binding) {
      if (h != null) h.close(e -> {});
      return;
    }
    binding = false;
    if (err != null) {
      releaseKeepAlive();
      // libuv reports a pipe bind in a missing directory as EACCES, and so does Node.
      JnetException e =
          o.path() != null && "ENOENT".equals(err.code())
              ? UvError.listen("EACCES", o.path(), -1, err)
              : err;
      emit(ERROR, e);
      return;
    }
    if (o.path() != null && (o.readableAll() || o.writableAll())) {
      JnetException chmod = PipeModes.add(o.path(), o.readableAll(), o.writableAll());
      if (chmod != null) {
        h.close(e -> {});
        releaseKeepAlive();
        emit(ERROR, chmod);
        return;
      }
    }
    handle = h;
    path = o.path();
    address = h.address() != null ? h.address() : new AddressInfo(o.path(), null, -1);
    listening = true;
    emit(LISTENING);
  }

  private void onConnection(StreamHandle accepted) {
    int max = maxConnections;
    if (max != 0 && connections >= max) {
      AddressInfo local = accepted.localAddress();
      AddressInfo remote = accepted.remoteAddress();
      accepted.close(e -> {});
      emit(
          DROP,
          new DropInfo(
              local == null ? null : local.address(),
              local == null ? -1 : local.port(),
              local == null ? null : local.family(),
              remote == null ? null : remote.address(),
              remote == null ? -1 : remote.port(),
              remote == null ? null : remote.family()));
      return;
    }
    if (options.blockList() != null) {
      AddressInfo peer = accepted.remoteAddress(); // Node 24: a blocked peer is closed silently
      if (peer != null && BlockList.blocks(options.blockList(), peer.address())) {
        accepted.close(e -> {});
        return;
      }
    }
    Socket socket = new Socket(accepted, this, options, path);
    connections++;
    emit(CONNECTION, socket);
  }

  /** Loop thread only: one of this server's sockets was destroyed. */
  void connectionClosed() {
    connections--;
    emitCloseIfDrained();
  }

  // close.

  /** Stops accepting: Node's {@code close()}. {@code 'close'} follows once connections end. */
  public Server close() {
    return close(null);
  }

  /**
   * Stops accepting, and calls {@code callback} on {@code 'close'}: with null, or with {@code
   * ERR_SERVER_NOT_RUNNING} when the server was not listening.
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
    binding = false;
    ServerHandle h = handle;
    if (h != null) {
      handle = null;
      listening = false;
      address = null;
      if (NetBridge.closesLater()) {
        // NIO's selector closes the fd only at its next select: 'close' waits for that (holding
        // the loop), so a connect made on 'close' is refused, as once Node's close returned.
        closingHandle = true;
        KeepAlive held = keepAlive;
        keepAlive = null;
        LoopEngine engine = LoopEngine.of(loop);
        Runnable done =
            () -> {
              if (held != null) held.close();
              afterHandleClose();
            };
        // The close phase after the next turn's poll: the select there frees the descriptor.
        h.close(e -> engine.closing(() -> engine.closing(done)));
      } else {
        h.close(e -> {});
      }
    }
    releaseKeepAlive();
    emitCloseIfDrained();
    return this;
  }

  /**
   * Listens as {@code options} say; the future completes with the bound address on {@code
   * 'listening'}, or fails with the listen error ({@code EADDRINUSE}...): the Java form of {@code
   * listen(options, callback)}. While it is pending, the future is an {@code 'error'} listener, so
   * a listen error does not reach the uncaught-exception handler. Bad arguments throw at the call.
   */
  public CompletableFuture<AddressInfo> listenAsync(ListenOptions options) {
    CompletableFuture<AddressInfo> f = new CompletableFuture<>();
    Consumer<JnetException> failed = f::completeExceptionally;
    once(ERROR, failed);
    try {
      listen(
          options,
          () -> {
            off(ERROR, failed);
            f.complete(address());
          });
    } catch (RuntimeException e) {
      off(ERROR, failed);
      throw e;
    }
    return f;
  }

  /** A future completed once the server has closed: the Java form of {@code close(callback)}. */
  public CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    close(
        err -> {
          if (err == null) {
            f.complete(null);
          } else {
            f.completeExceptionally(err);
          }
        });
    return f;
  }

  private void releaseKeepAlive() {
    KeepAlive k = keepAlive;
    keepAlive = null;
    if (k != null) k.close();
  }

  private void afterHandleClose() {
    closingHandle = false;
    int n = closesWaiting;
    closesWaiting = 0;
    for (int i = 0; i < n; i++) emitCloseIfDrained();
  }

  private void emitCloseIfDrained() {
    if (connections > 0) return;
    if (closingHandle) {
      closesWaiting++; // each drained moment still owes its 'close', as in Node
      return;
    }
    if (handle != null) return;
    loop.nextTick(() -> emit(CLOSE));
  }

  // State.

  /** Node's {@code listening}. */
  public boolean listening() {
    return listening;
  }

  /** Node's {@code address()}: where the server listens, or null when it does not. */
  public AddressInfo address() {
    return address;
  }

  /**
   * Node's {@code getConnections(callback)}: calls {@code callback} with (null, the number of open
   * connections) on a later tick.
   */
  public void getConnections(BiConsumer<JnetException, Integer> callback) {
    if (callback == null) {
      throw NetErrors.invalidArgType("callback", "function", "undefined");
    }
    if (loop.inLoop()) {
      int n = connections;
      loop.nextTick(() -> callback.accept(null, n));
    } else {
      loop.execute(() -> getConnections(callback));
    }
  }

  /** The number of open connections right now (a jnet extra: Node has only the callback form). */
  public int connections() {
    return connections;
  }

  /** Node's {@code maxConnections}; 0 (the default) means unlimited, as in Node. */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * Sets Node's {@code maxConnections}: past it, new connections are closed and {@code 'drop'} is
   * emitted. 0 means unlimited and a negative value drops every connection, as in Node 20.
   */
  public Server maxConnections(int max) {
    maxConnections = max;
    return this;
  }

  /** Lets the listening server keep the JVM alive again: Node's {@code ref()}. */
  public Server ref() {
    refWanted = true;
    loop.execute(
        () -> {
          KeepAlive k = keepAlive;
          if (k != null && refWanted) k.ref();
        });
    return this;
  }

  /** Lets the JVM exit while this server listens: Node's {@code unref()}. */
  public Server unref() {
    refWanted = false;
    loop.execute(
        () -> {
          KeepAlive k = keepAlive;
          if (k != null && !refWanted) k.unref();
        });
    return this;
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
