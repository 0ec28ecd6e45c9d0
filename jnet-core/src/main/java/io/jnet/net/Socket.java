package io.jnet.net;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.StreamListener;
import io.jnet.loop.KeepAlive;
import io.jnet.stream.Callback;
import io.jnet.stream.Duplex;
import io.jnet.stream.StreamOptions;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A TCP or IPC connection: Node 20's {@code net.Socket}, a {@link Duplex} over a native handle.
 *
 * <p>Make one with {@link Net#connect(ConnectOptions)}, or {@code new Socket()} then {@link
 * #connect(ConnectOptions)}; a {@link Server} hands its accepted ones to {@code 'connection'}.
 *
 * <h2>Event order, a contract (Node 20)</h2>
 *
 * <ul>
 *   <li>Connecting by name: {@code 'lookup'} (once the name is resolved), then {@code 'connect'},
 *       then {@code 'ready'}. An IP address needs no lookup and has no {@code 'lookup'}.
 *   <li>{@code 'data'} as bytes arrive while flowing; {@code 'end'} once the peer's FIN is read and
 *       every byte before it was consumed. Without {@code allowHalfOpen} the socket then ends its
 *       own side: {@code 'finish'} follows, then {@code 'close'}.
 *   <li>{@code 'drain'} once after a {@code write} that returned false, when the queue is empty.
 *   <li>{@code 'timeout'} after {@link #setTimeout} of inactivity; it does not close the socket.
 *   <li>{@code 'error'} at most once, then {@code 'close'} with {@code hadError} true. A refused
 *       connection is {@code 'error'} (ECONNREFUSED) then {@code 'close'}(true).
 *   <li>{@code 'close'}(hadError) is always the last event, once the handle is closed.
 * </ul>
 *
 * <h2>Backpressure</h2>
 *
 * <p>{@link #pause()} stops emitting; the socket keeps reading from the kernel only until its
 * readable buffer reaches the high-water mark, then stops reading, so a fast peer is held back by
 * TCP's window and memory stays bounded. {@link #write} returns false past the writable high-water
 * mark.
 *
 * <h2>Threads</h2>
 *
 * <p>Every method may be called from any thread; off the socket's loop it is handed to the loop, so
 * one thread's calls keep their order. Events are emitted on the loop thread only. Unlike Node,
 * {@code 'close'} carries a {@code Boolean} that is null when the socket never had a handle.
 */
public class Socket extends Duplex {
  /** What a write may leave queued and still complete at once (Netty's default high water). */
  private static final int SYNC_WRITE_LIMIT = 64 * 1024;

  /** Node's {@code 'connect'}: the connection is established. */
  public static final Signal CONNECT = Signal.of("connect");

  /** Node's {@code 'ready'}: emitted right after {@code 'connect'}. */
  public static final Signal READY = Signal.of("ready");

  /** Node's {@code 'lookup'}: a host name was resolved, before connecting. */
  public static final Event<LookupInfo> LOOKUP = Event.of("lookup");

  /** Node's {@code 'timeout'}: the socket was idle for {@link #timeout()} milliseconds. */
  public static final Signal TIMEOUT = Signal.of("timeout");

  /** Node's {@code 'close'}(hadError): the handle is closed; always the last event. */
  public static final Event<Boolean> CLOSE = Event.of("close");

  /** Node's {@code 'connectionAttempt'} (Happy Eyeballs). */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT = Event.of("connectionAttempt");

  /** Node's {@code 'connectionAttemptFailed'} (Happy Eyeballs). */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT_FAILED =
      Event.of("connectionAttemptFailed");

  /** Node's {@code 'connectionAttemptTimeout'} (Happy Eyeballs). */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT_TIMEOUT =
      Event.of("connectionAttemptTimeout");

  // Loop thread only, unless volatile.
  volatile StreamHandle handle;
  private volatile boolean connecting;
  private volatile boolean hasHandle;

  /** Node's {@code _handle != null}: from connect() (or accept) until destroyed. Loop only. */
  private boolean handleCreated;

  private volatile long bytesRead;
  private volatile long bytesDispatched;
  private volatile long pendingBytes;
  private volatile long inflightBytes;
  private volatile boolean refWanted = true;
  private final IdleTimer idle = new IdleTimer(this);

  /** The handle's answer to a write already reported done: a failure destroys the socket. */
  private final io.jnet.internal.net.Callback afterSyncWrite =
      err -> {
        if (err != null) {
          destroy(err);
        } else {
          refreshTimer();
        }
      };

  private KeepAlive keepAlive;
  private boolean peerEnded;
  private boolean resetAndClosing;
  private boolean wantNoDelay;
  private boolean noDelaySet;
  private boolean wantKeepAlive;
  private int keepAliveDelayMillis;
  private volatile AddressInfo sockname;
  private volatile AddressInfo peername;
  private volatile String pipePath;
  volatile Server server;
  final Connector connector = new Connector(this);

  /** A socket that is not connected yet: call {@link #connect(ConnectOptions)}. */
  public Socket() {
    this(SocketOptions.defaults());
  }

  /** A socket that is not connected yet, with Node's constructor options. */
  public Socket(SocketOptions options) {
    super(streamOptions(options.allowHalfOpen(), options.highWaterMark()));
  }

  /** An accepted connection on {@code handle}, for {@code server}. */
  Socket(StreamHandle handle, Server server, ServerOptions options, String path) {
    super(streamOptions(options.allowHalfOpen(), options.highWaterMark()));
    this.server = server;
    this.pipePath = path;
    attach(handle);
    if (options.noDelay()) {
      wantNoDelay = true;
      noDelaySet = true;
      handle.setNoDelay(true);
    }
    if (options.keepAlive()) {
      wantKeepAlive = true;
      keepAliveDelayMillis = options.keepAliveInitialDelay();
      handle.setKeepAlive(true, keepAliveDelayMillis);
    }
    if (options.pauseOnConnect()) {
      handle.readStop();
      pause();
    } else {
      read(0);
    }
  }

  // Immutable, so shared: building them per socket cost every accept three copies.
  private static final StreamOptions HALF_OPEN = baseOptions(true);
  private static final StreamOptions NOT_HALF_OPEN = baseOptions(false);

  private static StreamOptions baseOptions(boolean allowHalfOpen) {
    return StreamOptions.defaults().allowHalfOpen(allowHalfOpen).emitClose(false).autoDestroy(true);
  }

  private static StreamOptions streamOptions(boolean allowHalfOpen, int highWaterMark) {
    StreamOptions o = allowHalfOpen ? HALF_OPEN : NOT_HALF_OPEN;
    return highWaterMark >= 0 ? o.highWaterMark(highWaterMark) : o;
  }

  // Connecting.

  /** Connects to {@code options}' port and host, or its path: Node's {@code socket.connect}. */
  public Socket connect(ConnectOptions options) {
    return connect(options, null);
  }

  /** Connects and adds {@code connectListener} as a one-time {@code 'connect'} listener. */
  public Socket connect(ConnectOptions options, Runnable connectListener) {
    if (options == null) throw NetErrors.missingConnectArgs();
    connector.check(options);
    if (connectListener != null) once(CONNECT, connectListener);
    pipePath = options.path();
    connecting = true;
    if (!loop().inLoop()) {
      loop().execute(() -> startConnect(options));
    } else {
      startConnect(options);
    }
    return this;
  }

  /**
   * Connects as {@code options} say; the future completes with this socket on {@code 'connect'}, or
   * fails with the connect error ({@code ECONNREFUSED}...): the Java form of {@code
   * connect(options, listener)}. While it is pending, the future is an {@code 'error'} listener.
   */
  public CompletableFuture<Socket> connectAsync(ConnectOptions options) {
    CompletableFuture<Socket> f = new CompletableFuture<>();
    Consumer<JnetException> failed = f::completeExceptionally;
    once(ERROR, failed);
    try {
      connect(
          options,
          () -> {
            off(ERROR, failed);
            f.complete(this);
          });
    } catch (RuntimeException e) {
      off(ERROR, failed);
      throw e;
    }
    return f;
  }

  /** Connects to {@code port} on {@code localhost}. */
  public Socket connect(int port) {
    return connect(ConnectOptions.port(port), null);
  }

  /** Connects to {@code port} on {@code host}. */
  public Socket connect(int port, String host) {
    return connect(ConnectOptions.port(port).host(host), null);
  }

  /** Connects to {@code port} on {@code host}, then runs {@code connectListener}. */
  public Socket connect(int port, String host, Runnable connectListener) {
    return connect(ConnectOptions.port(port).host(host), connectListener);
  }

  /** Connects to the IPC socket at {@code path}. */
  public Socket connect(String path) {
    return connect(ConnectOptions.path(path), null);
  }

  /** Connects to the IPC socket at {@code path}, then runs {@code connectListener}. */
  public Socket connect(String path, Runnable connectListener) {
    return connect(ConnectOptions.path(path), connectListener);
  }

  private void startConnect(ConnectOptions options) {
    if (destroyed()) {
      handle = null;
      hasHandle = false;
      peername = null;
      sockname = null;
      peerEnded = false;
      bytesRead = 0; // Node counts reads per handle
      undestroy();
    }
    handleCreated = true;
    // Node's handle exists from connect() on: it keeps the process alive while connecting.
    if (keepAlive == null) {
      keepAlive = loop().keepAlive();
      if (!refWanted) keepAlive.unref();
    }
    connector.start(options);
  }

  /** Loop thread only: the connector got a handle. */
  void afterConnect(StreamHandle connected, ConnectOptions options) {
    if (destroyed()) {
      connected.close(err -> {});
      return;
    }
    attach(connected);
    connecting = false;
    refreshTimer();
    if (wantNoDelay || options.noDelay()) {
      wantNoDelay = true;
      noDelaySet = true;
      connected.setNoDelay(true);
    }
    if (wantKeepAlive || options.keepAlive()) {
      if (!wantKeepAlive) keepAliveDelayMillis = options.keepAliveInitialDelay();
      wantKeepAlive = true;
      connected.setKeepAlive(true, keepAliveDelayMillis);
    }
    emit(CONNECT);
    emit(READY);
    if (!isPaused()) read(0);
  }

  /** Loop thread only: the connector failed with {@code error}. */
  void connectFailed(JnetException error) {
    if (destroyed()) return;
    connecting = false;
    destroy(error);
  }

  private void attach(StreamHandle h) {
    handle = h;
    handleCreated = true;
    hasHandle = true;
    sockname = null;
    peername = null;
    if (keepAlive == null) {
      keepAlive = loop().keepAlive();
      if (!refWanted) keepAlive.unref();
    }
    h.setListener(
        new StreamListener() {
          @Override
          public void onRead(byte[] chunk) {
            Socket.this.onRead(Buffer.wrap(chunk));
          }

          @Override
          public void onEof() {
            Socket.this.onEof();
          }

          @Override
          public void onError(JnetException error) {
            destroy(error);
          }

          @Override
          public void onClose() {}
        });
  }

  // Reading.

  private void onRead(Buffer chunk) {
    bytesRead += chunk.length();
    refreshTimer();
    if (!push(chunk) && handle != null && handle.reading()) handle.readStop();
  }

  private void onEof() {
    peerEnded = true;
    pushEnd();
    read(0);
  }

  @Override
  protected void _read(int size) {
    if (connecting || handle == null) {
      once(CONNECT, () -> _read(size));
    } else if (!handle.reading()) {
      handle.readStart();
    }
  }

  // Writing.

  @Override
  public boolean write(Buffer chunk, Consumer<JnetException> callback) {
    if (peerEnded && !allowHalfOpen() && writableEnded()) return writeAfterFin(callback);
    return super.write(chunk, callback);
  }

  @Override
  public boolean write(String chunk, String encoding, Consumer<JnetException> callback) {
    if (peerEnded && !allowHalfOpen() && writableEnded()) {
      if (chunk == null)
        throw JnetException.typeError(
            "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
      return writeAfterFin(callback);
    }
    return super.write(chunk, encoding, callback);
  }

  private boolean writeAfterFin(Consumer<JnetException> callback) {
    JnetException er = NetErrors.endedByOtherParty();
    if (callback != null) loop().nextTick(() -> callback.accept(er));
    destroy(er);
    return false;
  }

  @Override
  protected void _write(Buffer chunk, Callback callback) {
    writeGeneric(chunk, null, callback);
  }

  @Override
  protected void _writev(List<Buffer> chunks, Callback callback) {
    writeGeneric(null, chunks, callback);
  }

  /** Writes {@code one} chunk, or the batch {@code many}: Node's {@code _writeGeneric}. */
  private void writeGeneric(Buffer one, List<Buffer> many, Callback callback) {
    long size = 0;
    if (one != null) {
      size = one.length();
    } else {
      for (Buffer b : many) size += b.length();
    }
    if (connecting) {
      writeOnConnect(one, many, size, callback);
      return;
    }
    pendingBytes = 0;
    refreshTimer();
    StreamHandle h = handle;
    if (h == null) {
      callback.done(NetErrors.socketClosed());
      return;
    }
    bytesDispatched += size;
    // libuv writes at once what the kernel takes, and such a request completes synchronously.
    // jnet's handle queues for the turn's flush; a write that leaves at most SYNC_WRITE_LIMIT
    // bytes queued counts as that synchronous success, and a later failure destroys the socket,
    // as a failed write does in Node. A bigger queue completes when the bytes are written.
    boolean sync = h.writeQueueSize() + size <= SYNC_WRITE_LIMIT;
    inflightBytes = sync ? 0 : size;
    io.jnet.internal.net.Callback done =
        sync
            ? afterSyncWrite
            : err -> {
              inflightBytes = 0;
              if (err == null) refreshTimer();
              callback.done(err);
            };
    if (one != null) {
      h.write(one, done);
    } else {
      h.write(many, done);
    }
    if (sync) callback.done();
  }

  /** A write made while connecting waits for {@code 'connect'}, or fails on {@code 'close'}. */
  private void writeOnConnect(Buffer one, List<Buffer> many, long size, Callback callback) {
    pendingBytes = size;
    Runnable[] onClose = new Runnable[1];
    Runnable onConnect =
        () -> {
          off(CLOSE, onClose[0]);
          pendingBytes = 0;
          writeGeneric(one, many, callback);
        };
    onClose[0] =
        () -> {
          off(CONNECT, onConnect);
          callback.done(NetErrors.socketClosedBeforeConnection());
        };
    once(CONNECT, onConnect);
    once(CLOSE, onClose[0]);
  }

  @Override
  protected void _final(Callback callback) {
    if (pending()) {
      once(CONNECT, () -> _final(callback));
      return;
    }
    if (handle == null) {
      callback.done();
      return;
    }
    handle.shutdown(callback::done);
  }

  // Destroying.

  @Override
  protected void _destroy(JnetException error, Callback callback) {
    boolean hadHandle = handleCreated;
    handleCreated = false;
    connecting = false;
    connector.cancel();
    idle.clear();
    StreamHandle h = handle;
    boolean isException = error != null;
    Runnable closed =
        () -> {
          releaseKeepAlive();
          emit(CLOSE, isException);
        };
    if (h != null) {
      // Node emits 'close' from the handle's close callback, in the loop's close phase.
      LoopEngine engine = LoopEngine.of(loop());
      if (resetAndClosing) {
        resetAndClosing = false;
        h.reset(err -> engine.closing(closed));
      } else {
        h.close(err -> engine.closing(closed));
      }
      handle = null;
      hasHandle = false;
      sockname = null;
      callback.done(error);
    } else if (hadHandle) {
      // Node's handle exists from connect() on; its close callback runs in the close phase.
      callback.done(error);
      LoopEngine.of(loop()).closing(closed);
    } else {
      callback.done(error);
      releaseKeepAlive();
      loop().nextTick(() -> emit(CLOSE, (Boolean) null));
    }
    Server s = server;
    if (s != null) s.connectionClosed();
  }

  private void releaseKeepAlive() {
    KeepAlive k = keepAlive;
    keepAlive = null;
    if (k != null) k.close();
  }

  /**
   * Ends the writable side, then destroys the socket once everything written was flushed: Node's
   * {@code destroySoon}.
   */
  public void destroySoon() {
    if (!loop().inLoop()) {
      loop().execute(this::destroySoon);
      return;
    }
    if (writable()) end();
    if (writableFinished()) {
      destroy();
    } else {
      once(FINISH, () -> destroy());
    }
  }

  /**
   * Closes the connection with an RST instead of a FIN ({@code SO_LINGER} 0): the peer sees
   * ECONNRESET. Node's {@code resetAndDestroy}.
   */
  public Socket resetAndDestroy() {
    // Node throws at the call for a pipe's handle, connecting or connected: no RST on a pipe.
    if (pipePath != null && (connecting || hasHandle)) throw NetErrors.invalidHandleType();
    if (!loop().inLoop()) {
      loop().execute(this::resetAndDestroy);
      return this;
    }
    if (connecting) {
      once(CONNECT, this::reset);
    } else if (handle != null) {
      reset();
    } else {
      destroy(NetErrors.socketClosed());
    }
    return this;
  }

  private void reset() {
    resetAndClosing = true;
    destroy();
  }

  // Timeouts and options.

  /**
   * Emits {@code 'timeout'} after {@code millis} of inactivity (no read, no write); 0 disables. The
   * socket stays open: Node's {@code setTimeout}.
   */
  public Socket setTimeout(long millis) {
    return setTimeout(millis, null);
  }

  /**
   * {@link #setTimeout(long)}, adding {@code callback} as a one-time {@code 'timeout'} listener.
   */
  public Socket setTimeout(long millis, Runnable callback) {
    NetErrors.checkTimeout(millis);
    if (!loop().inLoop()) {
      loop().execute(() -> setTimeout(millis, callback));
      return this;
    }
    if (destroyed()) return this;
    idle.set(millis);
    if (millis == 0) {
      if (callback != null) off(TIMEOUT, callback);
    } else if (callback != null) {
      once(TIMEOUT, callback);
    }
    return this;
  }

  private void refreshTimer() {
    idle.refresh();
  }

  /** Node's {@code socket.timeout}: the value last given to {@link #setTimeout}, or -1. */
  public long timeout() {
    return idle.millis();
  }

  /** Disables Nagle's algorithm: Node's {@code setNoDelay()}. */
  public Socket setNoDelay() {
    return setNoDelay(true);
  }

  /** Node's {@code setNoDelay(enable)}. */
  public Socket setNoDelay(boolean enable) {
    if (!loop().inLoop()) {
      loop().execute(() -> setNoDelay(enable));
      return this;
    }
    if (handle == null) {
      wantNoDelay = enable;
      return this;
    }
    if (enable != noDelaySet) {
      noDelaySet = enable;
      wantNoDelay = enable;
      handle.setNoDelay(enable);
    }
    return this;
  }

  /** Node's {@code setKeepAlive(enable)}. */
  public Socket setKeepAlive(boolean enable) {
    return setKeepAlive(enable, 0);
  }

  /** Node's {@code setKeepAlive(enable, initialDelay)}; the delay is in milliseconds. */
  public Socket setKeepAlive(boolean enable, int initialDelayMillis) {
    if (!loop().inLoop()) {
      loop().execute(() -> setKeepAlive(enable, initialDelayMillis));
      return this;
    }
    int millis = Math.max(0, initialDelayMillis / 1000) * 1000;
    if (handle == null) {
      wantKeepAlive = enable;
      keepAliveDelayMillis = millis;
      return this;
    }
    if (enable != wantKeepAlive || (enable && keepAliveDelayMillis != millis)) {
      wantKeepAlive = enable;
      keepAliveDelayMillis = millis;
      handle.setKeepAlive(enable, millis);
    }
    return this;
  }

  /** Lets this socket keep the JVM alive again: Node's {@code ref()}. */
  public Socket ref() {
    refWanted = true;
    loop()
        .execute(
            () -> {
              KeepAlive k = keepAlive;
              if (k != null && refWanted) k.ref();
            });
    return this;
  }

  /** Lets the JVM exit while this socket is open: Node's {@code unref()}. */
  public Socket unref() {
    refWanted = false;
    loop()
        .execute(
            () -> {
              KeepAlive k = keepAlive;
              if (k != null && !refWanted) k.unref();
            });
    return this;
  }

  // State.

  /** Node's {@code connecting}: true between {@code connect()} and {@code 'connect'}. */
  public boolean connecting() {
    return connecting;
  }

  /** Node's {@code pending}: true until connected (no handle yet, or still connecting). */
  public boolean pending() {
    return !hasHandle || connecting;
  }

  /** Node's {@code readyState}: opening, open, readOnly, writeOnly or closed. */
  public String readyState() {
    if (connecting) return "opening";
    boolean r = readable();
    boolean w = writable();
    if (r && w) return "open";
    if (r) return "readOnly";
    if (w) return "writeOnly";
    return "closed";
  }

  /** Node's {@code bytesRead}: bytes received. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * Node's {@code bytesWritten}: bytes handed to the kernel plus those still queued in the socket,
   * as Node counts them.
   */
  public long bytesWritten() {
    long queued = Math.max(0, writableLength() - inFlight());
    return bytesDispatched + queued + pendingBytes;
  }

  private long inFlight() {
    return connecting ? pendingBytes : inflightBytes;
  }

  /**
   * Node's {@code autoSelectFamilyAttemptedAddresses}: the {@code ip:port} pairs tried by the last
   * family race, in order; empty when the last connect needed none.
   */
  public List<String> autoSelectFamilyAttemptedAddresses() {
    FamilyRace r = connector.race();
    return r == null ? List.of() : r.attempted();
  }

  /** Node's {@code bufferSize}: the same as {@link #writableLength()}. */
  public int bufferSize() {
    return writableLength();
  }

  /** Node's {@code address()}: the local address, or null before connecting. */
  public AddressInfo address() {
    return localInfo();
  }

  /** The local IP address, or null (and for IPC sockets). */
  public String localAddress() {
    AddressInfo a = localInfo();
    return a == null ? null : a.address();
  }

  /** The local port, or -1. */
  public int localPort() {
    AddressInfo a = localInfo();
    return a == null ? -1 : a.port();
  }

  /** {@code "IPv4"} or {@code "IPv6"}, or null. */
  public String localFamily() {
    AddressInfo a = localInfo();
    return a == null ? null : a.family();
  }

  /** The peer's IP address, or null (not connected, or IPC). */
  public String remoteAddress() {
    AddressInfo a = remoteInfo();
    return a == null ? null : a.address();
  }

  /** The peer's port, or -1. */
  public int remotePort() {
    AddressInfo a = remoteInfo();
    return a == null ? -1 : a.port();
  }

  /** The peer's family, {@code "IPv4"} or {@code "IPv6"}, or null. */
  public String remoteFamily() {
    AddressInfo a = remoteInfo();
    return a == null ? null : a.family();
  }

  /** The path of an IPC socket, or null for TCP (a jnet extra). */
  public String path() {
    return pipePath;
  }

  private AddressInfo localInfo() {
    StreamHandle h = handle;
    if (h == null) return null;
    AddressInfo a = sockname;
    if (a != null) return a;
    a = h.localAddress();
    sockname = a;
    return a;
  }

  private AddressInfo remoteInfo() {
    AddressInfo a = peername;
    if (a != null) return a;
    StreamHandle h = handle;
    if (h == null) return null;
    a = h.remoteAddress();
    peername = a;
    return a;
  }

  @Override
  public Socket destroy() {
    super.destroy();
    return this;
  }

  @Override
  public Socket destroy(Throwable error) {
    super.destroy(error);
    return this;
  }

  @Override
  public Socket end() {
    super.end();
    return this;
  }

  // Chaining: the registration and mode methods return this Socket (a jnet extra).

  @Override
  public <T> Socket on(Event<T> event, Consumer<? super T> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Socket on(Event<?> event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Socket on(Signal signal, Runnable listener) {
    super.on(signal, listener);
    return this;
  }

  @Override
  public <T> Socket addListener(Event<T> event, Consumer<? super T> listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Socket addListener(Event<?> event, Runnable listener) {
    super.addListener(event, listener);
    return this;
  }

  @Override
  public Socket addListener(Signal signal, Runnable listener) {
    super.addListener(signal, listener);
    return this;
  }

  @Override
  public <T> Socket once(Event<T> event, Consumer<? super T> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Socket once(Event<?> event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public Socket once(Signal signal, Runnable listener) {
    super.once(signal, listener);
    return this;
  }

  @Override
  public <T> Socket prependListener(Event<T> event, Consumer<? super T> listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Socket prependListener(Event<?> event, Runnable listener) {
    super.prependListener(event, listener);
    return this;
  }

  @Override
  public Socket prependListener(Signal signal, Runnable listener) {
    super.prependListener(signal, listener);
    return this;
  }

  @Override
  public <T> Socket prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Socket prependOnceListener(Event<?> event, Runnable listener) {
    super.prependOnceListener(event, listener);
    return this;
  }

  @Override
  public Socket prependOnceListener(Signal signal, Runnable listener) {
    super.prependOnceListener(signal, listener);
    return this;
  }

  @Override
  public Socket off(Event<?> event, Object listener) {
    super.off(event, listener);
    return this;
  }

  @Override
  public Socket off(Signal signal, Object listener) {
    super.off(signal, listener);
    return this;
  }

  @Override
  public Socket removeListener(Event<?> event, Object listener) {
    super.removeListener(event, listener);
    return this;
  }

  @Override
  public Socket removeListener(Signal signal, Object listener) {
    super.removeListener(signal, listener);
    return this;
  }

  @Override
  public Socket removeAllListeners(Event<?> event) {
    super.removeAllListeners(event);
    return this;
  }

  @Override
  public Socket removeAllListeners(Signal signal) {
    super.removeAllListeners(signal);
    return this;
  }

  @Override
  public Socket removeAllListeners() {
    super.removeAllListeners();
    return this;
  }

  @Override
  public Socket setMaxListeners(int n) {
    super.setMaxListeners(n);
    return this;
  }

  @Override
  public Socket pause() {
    super.pause();
    return this;
  }

  @Override
  public Socket resume() {
    super.resume();
    return this;
  }

  @Override
  public Socket setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Socket setEncoding(Encoding encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Socket setEncoding(Charset charset) {
    super.setEncoding(charset);
    return this;
  }

  @Override
  public Socket setDefaultEncoding(String encoding) {
    super.setDefaultEncoding(encoding);
    return this;
  }
}
