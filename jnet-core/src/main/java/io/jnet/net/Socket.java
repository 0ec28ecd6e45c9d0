package io.jnet.net;

import io.jnet.buffer.Buffer;
import io.jnet.buffer.Encoding;
import io.jnet.error.JnetException;
import io.jnet.events.Event;
import io.jnet.events.Signal;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.net.Adopt;
import io.jnet.internal.net.LendingReadListener;
import io.jnet.internal.net.StreamHandle;
import io.jnet.internal.net.UvError;
import io.jnet.internal.stream.StreamAccess;
import io.jnet.loop.KeepAlive;
import io.jnet.stream.Callback;
import io.jnet.stream.Duplex;
import io.jnet.stream.StreamOptions;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A TCP or IPC connection: Node 24's {@code net.Socket}, a {@link Duplex} over a native handle.
 *
 * <p>Make one with {@link Net#connect(ConnectOptions)}, or {@code new Socket()} then {@link
 * #connect(ConnectOptions)}; a {@link Server} hands its accepted ones to {@code 'connection'}.
 *
 * <h2>Event order, a contract (Node 24)</h2>
 *
 * <ul>
 *   <li>Connecting by name: {@code 'lookup'} (once the name is resolved), then {@code
 *       'connectionAttempt'}, then {@code 'connect'}, then {@code 'ready'}. An IP address needs no
 *       lookup and has no {@code 'lookup'}. Every attempt is a {@code 'connectionAttempt'}, and a
 *       failed one a {@code 'connectionAttemptFailed'} before {@code 'error'}; a pipe's {@code
 *       'connectionAttempt'} is emitted inside {@code connect()} when it is called on the loop, and
 *       so are {@code 'lookup'} and the first {@code 'connectionAttempt'} when a custom {@link
 *       Lookup} answers before it returns.
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
 * TCP's window and memory stays bounded. {@link #write} tries the kernel at once, as libuv does,
 * and returns false once the bytes the kernel did not take reach the writable high-water mark (64
 * KiB by default): against a peer that does not read, only when the kernel's buffers are full.
 *
 * <h2>Threads</h2>
 *
 * <p>Every method may be called from any thread; off the socket's loop it is handed to the loop, so
 * one thread's calls keep their order. Events are emitted on the loop thread only.
 *
 * <h2>Absent values</h2>
 *
 * <p>Where Node's property is {@code undefined}, a reference accessor returns null and a number
 * accessor returns a null {@code Integer} or {@code Long} ({@link #localPort()}, {@link
 * #remotePort()}, {@link #bufferSize()}, {@link #timeout()}), so {@code "" + socket.remotePort()}
 * prints a number or {@code null} where Node prints a number or {@code undefined}. {@link
 * #address()} is never null: Node's {@code {}} is {@link AddressInfo#EMPTY}. The {@code 'close'}
 * argument is never null either: where Node emits {@code 'close'} with no argument (a socket
 * destroyed before it ever had a handle), jnet passes {@code false}.
 *
 * <p>As in Node, every socket starts with one {@code 'end'} listener of its own (Node's {@code
 * onReadableStreamEnd}): without {@code allowHalfOpen}, it makes a write after the peer's end and
 * the socket's own fail with {@code EPIPE}; {@code listenerCount(END)} counts it.
 */
public class Socket extends Duplex {
  /** Node's {@code 'connect'}: the connection is established. */
  public static final Signal CONNECT = Signal.of("connect");

  /** Node's {@code 'ready'}: emitted right after {@code 'connect'}. */
  public static final Signal READY = Signal.of("ready");

  /** Node's {@code 'lookup'}: a host name was resolved, before connecting. */
  public static final Event<LookupInfo> LOOKUP = Event.of("lookup");

  /** Node's {@code 'timeout'}: the socket was idle for {@link #timeout()} milliseconds. */
  public static final Signal TIMEOUT = Signal.of("timeout");

  /**
   * Node's {@code 'close'}(hadError): the handle is closed; always the last event. The argument is
   * never null: {@code false} where Node passes nothing (no handle was ever made).
   */
  public static final Event<Boolean> CLOSE = Event.of("close");

  /** Node's {@code 'connectionAttempt'}: before each connect attempt, TCP or pipe. */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT = Event.of("connectionAttempt");

  /** Node's {@code 'connectionAttemptFailed'}: an attempt failed, before {@code 'error'}. */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT_FAILED =
      Event.of("connectionAttemptFailed");

  /** Node's {@code 'connectionAttemptTimeout'} (Happy Eyeballs). */
  public static final Event<ConnectionAttempt> CONNECTION_ATTEMPT_TIMEOUT =
      Event.of("connectionAttemptTimeout");

  // Loop thread only, unless volatile.
  /** The handle, from connect() (or accept, or adoption) until destroyed; Node's pending test. */
  volatile StreamHandle handle;

  private volatile boolean connecting;

  private volatile long bytesRead;
  private volatile long bytesDispatched;

  /** The bytes of the write queued in the handle (at most the stream's int length), or 0. */
  private volatile int inflightBytes;

  private volatile boolean refWanted = true;

  /** The stream's callback of the write queued in the handle, or null; loop thread only. */
  private Callback writeCallback;

  /**
   * The handle's listener, made with the socket and kept for every handle it has: also the handle's
   * answer to a write that stayed queued ({@link HandleListener#done}), and the socket's own {@code
   * 'end'} listener ({@link HandleListener#run}).
   */
  private final HandleListener listener;

  /** Set by the socket's own {@code 'end'} listener without allowHalfOpen: Node's writeAfterFIN. */
  private volatile boolean writeAfterFinArmed;

  /** Loop-only state, one bit each: see the bits' own comments. */
  private int bits;

  /** Node's {@code _handle != null}: from connect() (or accept) until destroyed. */
  private static final int HANDLE_CREATED = 1;

  /** The peer's FIN was read. */
  private static final int PEER_ENDED = 1 << 1;

  /**
   * Whether the handle is active as libuv counts it, so that a ref'd socket keeps the JVM alive:
   * while it reads (started, not stopped, the peer's FIN not read yet).
   */
  private static final int ACTIVE = 1 << 2;

  /** A shutdown (FIN) asked of the handle and not yet complete. */
  private static final int SHUTDOWN_PENDING = 1 << 3;

  private static final int RESET_AND_CLOSING = 1 << 4;
  private static final int WANT_NO_DELAY = 1 << 5;
  private static final int NO_DELAY_SET = 1 << 6;
  private static final int WANT_KEEP_ALIVE = 1 << 7;

  /**
   * The socket counts as libuv's handle in its loop's life (a {@code KeepAlive} of its own, without
   * the object): from the first handle until closed. It keeps the loop alive while {@link
   * #HANDLE_REFED}, which follows {@link #ACTIVE} and {@link #refWanted}.
   */
  private static final int HANDLE_OPEN = 1 << 8;

  /** The open handle holds the loop: it is ref'd and active. */
  private static final int HANDLE_REFED = 1 << 9;

  /** What only some sockets use, made on first use (see {@link #extras()}), else null. */
  private volatile SocketExtras extras;

  volatile Server server;

  /**
   * This socket's links in its server's list of open sockets (listed: first, or with a previous);
   * guarded by the server's lock.
   */
  Socket openPrev;

  Socket openNext;

  private boolean has(int bit) {
    return (bits & bit) != 0;
  }

  private void set(int bit, boolean on) {
    bits = on ? bits | bit : bits & ~bit;
  }

  /**
   * The socket's extras, made on first use (from any thread: {@link #connect} may run anywhere).
   */
  SocketExtras extras() {
    SocketExtras x = extras;
    if (x != null) return x;
    synchronized (this) {
      if (extras == null) extras = new SocketExtras();
      return extras;
    }
  }

  /** A socket that is not connected yet: call {@link #connect(ConnectOptions)}. */
  public Socket() {
    this(SocketOptions.defaults());
  }

  /**
   * A socket that is not connected yet, with Node's constructor options.
   *
   * @param options the options
   */
  public Socket(SocketOptions options) {
    super(streamOptions(options));
    if (options.onread() != null) {
      SocketExtras x = extras();
      x.onread = options.onread().reader();
      x.countRead = this::countRead;
    }
    if (options.blockList() != null) extras().blockList = options.blockList();
    listener = onread() != null ? new OnReadListener() : new HandleListener();
    if (options.fd() >= 0) adopt(options.fd(), options.readable());
    watchSignal(options.signal());
    on(END, listener);
  }

  /** An accepted connection on {@code handle}, for {@code server}. */
  Socket(StreamHandle handle, Server server, ServerOptions options, String path) {
    super(streamOptions(options.allowHalfOpen(), options.highWaterMark()));
    listener = new HandleListener();
    on(END, listener);
    this.server = server;
    if (path != null) extras().pipePath = path;
    attach(handle);
    if (options.noDelay()) {
      bits |= WANT_NO_DELAY | NO_DELAY_SET;
      handle.setNoDelay(true);
    }
    if (options.keepAlive()) {
      bits |= WANT_KEEP_ALIVE;
      setKeepAliveDelay(options.keepAliveInitialDelay());
      handle.setKeepAlive(true, keepAliveDelay());
    }
    if (options.pauseOnConnect()) {
      handle.readStop();
      pause();
    } else {
      read(0);
    }
    updateActive();
  }

  private static StreamOptions streamOptions(SocketOptions options) {
    StreamOptions o = streamOptions(options.allowHalfOpen(), -1);
    Integer both = options.highWaterMark();
    Integer readable = options.readableHighWaterMark();
    Integer writable = options.writableHighWaterMark();
    if (both != null) o = o.highWaterMark(both);
    if (readable != null) o = o.readableHighWaterMark(readable);
    if (writable != null) o = o.writableHighWaterMark(writable);
    if (options.fd() >= 0) {
      // Node 24: a side an adopted descriptor is not given is over from the start.
      if (!options.readable()) o = o.readable(false);
      if (!options.writable()) o = o.writable(false);
    }
    return o;
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

  /**
   * Connects to {@code options}' port and host, or its path: Node's {@code socket.connect}.
   *
   * @param options the options
   * @return this socket
   */
  public Socket connect(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * Connects and adds {@code connectListener} as a one-time {@code 'connect'} listener.
   *
   * @param options the options
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return this socket
   */
  public Socket connect(ConnectOptions options, Runnable connectListener) {
    if (options == null) throw NetErrors.missingConnectArgs();
    SocketExtras x = extras;
    return connectAs(options.blockList(x == null ? null : x.blockList), connectListener);
  }

  /** {@code options} carry the socket's own blockList (a constructor option in Node 24). */
  private Socket connectAs(ConnectOptions options, Runnable connectListener) {
    connector().check(options);
    if (connectListener != null) once(CONNECT, connectListener);
    writeAfterFinArmed = false; // Node's connect() restores the prototype's write
    extras().pipePath = options.path();
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
   *
   * <p>Cancelling the future before it completes aborts the connect, as a signal would: the socket
   * is destroyed with an {@code AbortError} ({@code ABORT_ERR}), which the cancelled future's
   * listener hears, so it reaches the uncaught handler only if nothing else listens; cancelling it
   * after it completed changes nothing.
   *
   * @param options the options
   * @return a future completed with this socket on {@code 'connect'}
   */
  public CompletableFuture<Socket> connectAsync(ConnectOptions options) {
    CompletableFuture<Socket> f = new CompletableFuture<>();
    Consumer<JnetException> failed = f::completeExceptionally;
    Runnable connected =
        () -> {
          off(ERROR, failed);
          f.complete(this);
        };
    once(ERROR, failed);
    try {
      connect(options, connected);
    } catch (RuntimeException e) {
      off(ERROR, failed);
      throw e;
    }
    f.whenComplete(
        (s, e) -> {
          if (!(e instanceof java.util.concurrent.CancellationException)) return;
          // Cancelling is aborting; the AbortError goes to the future's own error listener.
          off(CONNECT, connected);
          destroy(io.jnet.events.AbortSignal.abortError(e));
        });
    return f;
  }

  /**
   * Connects to {@code port} on {@code localhost}.
   *
   * @param port the port to connect to
   * @return this socket
   */
  public Socket connect(int port) {
    return connect(ConnectOptions.port(port), null);
  }

  /**
   * Connects to {@code port} on {@code localhost}, then runs {@code connectListener}.
   *
   * @param port the port to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return this socket
   */
  public Socket connect(int port, Runnable connectListener) {
    return connect(ConnectOptions.port(port), connectListener);
  }

  /**
   * Connects to {@code port} on {@code host}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @return this socket
   */
  public Socket connect(int port, String host) {
    return connect(ConnectOptions.port(port).host(host), null);
  }

  /**
   * Connects to {@code port} on {@code host}, then runs {@code connectListener}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return this socket
   */
  public Socket connect(int port, String host, Runnable connectListener) {
    return connect(ConnectOptions.port(port).host(host), connectListener);
  }

  /**
   * Connects to the IPC socket at {@code path}.
   *
   * @param path the IPC path to connect to
   * @return this socket
   */
  public Socket connect(String path) {
    return connect(ConnectOptions.path(path), null);
  }

  /**
   * Connects to the IPC socket at {@code path}, then runs {@code connectListener}.
   *
   * @param path the IPC path to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return this socket
   */
  public Socket connect(String path, Runnable connectListener) {
    return connect(ConnectOptions.path(path), connectListener);
  }

  private void startConnect(ConnectOptions options) {
    if (destroyed()) {
      handle = null;
      clearAddresses();
      set(PEER_ENDED, false);
      bytesRead = 0; // Node counts reads and writes per connection
      bytesDispatched = 0;
      undestroy();
    }
    set(HANDLE_CREATED, true);
    // Node's handle exists from connect() on, inactive until it reads: while connecting, only the
    // system lookup and the connect itself keep the process alive (Connector holds them).
    newKeepAlive();
    connector().start(options);
  }

  /** The connector, made on first use (from any thread: {@link #connect} may run anywhere). */
  private Connector connector() {
    SocketExtras x = extras();
    Connector c = x.connector;
    if (c != null) return c;
    synchronized (this) {
      if (x.connector == null) x.connector = new Connector(this);
      return x.connector;
    }
  }

  /** The connector if there is one, else null. */
  private Connector connectorIfAny() {
    SocketExtras x = extras;
    return x == null ? null : x.connector;
  }

  /** Forgets the cached addresses (a new handle has its own). */
  private void clearAddresses() {
    SocketExtras x = extras;
    if (x == null) return;
    x.sockname = null;
    x.peername = null;
  }

  /** Loop thread only: the connector got a handle. */
  void afterConnect(StreamHandle connected, ConnectOptions options) {
    connector().release();
    if (destroyed()) {
      connected.close(err -> {});
      return;
    }
    StreamHandle replaced = handle;
    Connector.closeReplaced(replaced, connected);
    attach(connected);
    // The adopted handle read already (a _read in flight): the handle that replaces it reads on.
    if (replaced != null && replaced != connected && !isPaused()) connected.readStart();
    connecting = false;
    refreshTimer();
    if (has(WANT_NO_DELAY) || options.noDelay()) {
      bits |= WANT_NO_DELAY | NO_DELAY_SET;
      connected.setNoDelay(true);
    }
    if (has(WANT_KEEP_ALIVE) || options.keepAlive()) {
      if (!has(WANT_KEEP_ALIVE)) setKeepAliveDelay(options.keepAliveInitialDelay());
      bits |= WANT_KEEP_ALIVE;
      connected.setKeepAlive(true, keepAliveDelay());
    }
    emit(CONNECT);
    emit(READY);
    if (!isPaused()) read(0);
  }

  /** Loop thread only: the connector failed with {@code error}. */
  void connectFailed(JnetException error) {
    connector().release();
    if (destroyed()) return;
    connecting = false;
    destroy(error);
  }

  private void attach(StreamHandle h) {
    handle = h;
    set(HANDLE_CREATED, true);
    clearAddresses();
    newKeepAlive();
    h.setListener(listener);
  }

  /** The keep-alive delay last asked for, in milliseconds. */
  private int keepAliveDelay() {
    SocketExtras x = extras;
    return x == null ? 0 : x.keepAliveDelayMillis;
  }

  private void setKeepAliveDelay(int millis) {
    if (millis != 0 || extras != null) extras().keepAliveDelayMillis = millis;
  }

  /** Node's onread option's reader, or null. */
  private OnRead.Reader onread() {
    SocketExtras x = extras;
    return x == null ? null : x.onread;
  }

  /**
   * The handle's listener: reads are pushed, as Node's onStreamRead does. Also the socket's own
   * {@code 'end'} listener ({@link #run}).
   */
  private class HandleListener
      implements LendingReadListener, io.jnet.internal.net.Callback, Runnable {
    /** The socket's own {@code 'end'} listener, as Node's {@code onReadableStreamEnd}. */
    @Override
    public void run() {
      onReadableStreamEnd();
    }

    /** A write that stayed queued in the handle is done: see {@link #listener}. */
    @Override
    public void done(JnetException err) {
      Callback cb = writeCallback;
      writeCallback = null;
      inflightBytes = 0;
      if (err == null) refreshTimer();
      updateActive();
      if (cb != null) cb.done(err);
    }

    @Override
    public void onRead(byte[] chunk) {
      Socket.this.onRead(Buffer.wrap(chunk));
    }

    /**
     * A read may come in the loop's lent array when it only passes through this socket's one pipe
     * into a jnet socket (not a subclass, whose {@code _write} could keep it) that writes at once.
     */
    @Override
    public boolean lendable() {
      if (onread() != null) return false;
      Object dest = StreamAccess.straightPipeDestination(Socket.this);
      if (dest == null || dest.getClass() != Socket.class) return false;
      Socket d = (Socket) dest;
      return !d.connecting && d.handle != null && d.loop() == loop();
    }

    @Override
    public boolean onLoan(byte[] array, int length) {
      Socket.this.onRead(Buffer.wrap(array, 0, length));
      return readableLength() == 0;
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
  }

  // Reading.

  private void onRead(Buffer chunk) {
    SocketExtras x = extras;
    if (x != null && x.onread != null) {
      readInto(chunk);
      return;
    }
    bytesRead += chunk.length();
    refreshTimer();
    if (!push(chunk) && handle != null && handle.reading()) {
      handle.readStop();
      updateActive();
    }
  }

  private void onEof() {
    set(PEER_ENDED, true);
    updateActive();
    pushEnd();
    read(0);
  }

  @Override
  protected void _read(int size) {
    SocketExtras x = extras;
    if (x != null && x.onread != null && !x.onread.drain(x.countRead)) return;
    if (connecting || handle == null) {
      once(CONNECT, () -> _read(size));
    } else if (!handle.reading()) {
      handle.readStart();
      updateActive();
    }
  }

  // onread: Node's reusable read buffer (SocketExtras.onread); reads are copied into it, never
  // pushed.

  private void countRead(int n) {
    bytesRead += n;
    refreshTimer();
  }

  /** The handle's listener of an onread socket: reads come straight out of the transport. */
  private final class OnReadListener extends HandleListener
      implements io.jnet.internal.net.DirectReadListener {
    @Override
    public void onRead(java.nio.ByteBuffer src) {
      SocketExtras x = extras;
      if (!x.onread.deliver(src, x.countRead)) onreadStop();
    }

    @Override
    public void onRead(byte[] chunk) {
      readInto(Buffer.wrap(chunk));
    }
  }

  private void readInto(Buffer chunk) {
    SocketExtras x = extras;
    if (!x.onread.deliver(chunk.array(), chunk.arrayOffset(), chunk.length(), x.countRead)) {
      onreadStop();
    }
  }

  /** Node's pause() of an onread socket: the handle stops reading at once. Loop only. */
  private void onreadStop() {
    onread().hold(); // a pause inside the callback holds back the rest of the arrival too
    if (!connecting && handle != null && handle.reading()) handle.readStop();
  }

  /** Node's resume() and read() of an onread socket: the handle reads again. Loop only. */
  private void onreadStart() {
    SocketExtras x = extras;
    x.onread.release();
    if (connecting || handle == null || handle.reading()) return;
    if (x.onread.drain(x.countRead)) handle.readStart();
  }

  private void onLoop(Runnable task) {
    if (loop().inLoop()) {
      task.run();
    } else {
      loop().execute(task);
    }
  }

  // Writing.

  @Override
  public boolean write(Buffer chunk, Consumer<JnetException> callback) {
    if (writeAfterFinArmed && writableEnded()) return writeAfterFin(callback);
    return super.write(chunk, callback);
  }

  @Override
  public boolean write(String chunk, String encoding, Consumer<JnetException> callback) {
    if (writeAfterFinArmed && writableEnded()) {
      if (chunk == null)
        throw JnetException.typeError(
            "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
      return writeAfterFin(callback);
    }
    return super.write(chunk, encoding, callback);
  }

  /** The socket's own {@code 'end'} listener, as Node's. */
  private void onReadableStreamEnd() {
    if (!allowHalfOpen()) writeAfterFinArmed = true;
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
    SocketExtras x = extras;
    if (x != null) x.pendingBytes = 0;
    refreshTimer();
    StreamHandle h = handle;
    if (h == null) {
      callback.done(NetErrors.socketClosed());
      return;
    }
    bytesDispatched += size;
    // libuv tries the kernel first: a write it takes whole completes synchronously (Node's
    // req.async false), so the stream's length drops before write() returns. What stays queued
    // completes later, and until then the stream counts it against its high-water mark.
    inflightBytes = (int) size; // part of the stream's length, an int
    writeCallback = callback;
    io.jnet.internal.net.Callback after = listener;
    boolean sync = one != null ? h.write(one, after) : h.write(many, after);
    if (sync) {
      inflightBytes = 0;
      writeCallback = null;
      refreshTimer();
      callback.done();
    } else {
      updateActive();
    }
  }

  /**
   * Refs or unrefs the keep-alive as libuv's handle becomes active or inactive, as in Node: a
   * socket that does not read (paused before reading started, stopped by backpressure, or past the
   * peer's FIN) keeps the JVM alive only while a write or shutdown is pending, even if nobody
   * destroys it.
   */
  private void updateActive() {
    if (!has(HANDLE_OPEN)) return;
    boolean now = handle != null && handle.reading() && !has(PEER_ENDED);
    if (now != has(ACTIVE)) {
      set(ACTIVE, now);
      if (!now) {
        handleRef(false);
      } else if (refWanted) {
        handleRef(true);
      }
    }
    boolean request = writeCallback != null || has(SHUTDOWN_PENDING);
    SocketExtras x = extras;
    KeepAlive held = x == null ? null : x.requestAlive;
    if (request && held == null) {
      extras().requestAlive = loop().keepAlive();
    } else if (!request && held != null) {
      held.close();
      x.requestAlive = null;
    }
  }

  /** The socket's handle opens in its loop, inactive (libuv's new handle): reading activates it. */
  private void newKeepAlive() {
    if (has(HANDLE_OPEN)) return;
    bits = (bits | HANDLE_OPEN) & ~(HANDLE_REFED | ACTIVE);
  }

  /**
   * Refs or unrefs the open handle in its loop's life, as {@code KeepAlive.ref/unref}. Loop only.
   */
  private void handleRef(boolean on) {
    if (!has(HANDLE_OPEN) || has(HANDLE_REFED) == on) return;
    set(HANDLE_REFED, on);
    LoopEngine.of(loop()).hold(on ? 1 : -1);
  }

  /** A write made while connecting waits for {@code 'connect'}, or fails on {@code 'close'}. */
  private void writeOnConnect(Buffer one, List<Buffer> many, long size, Callback callback) {
    extras().pendingBytes = size;
    Runnable[] onClose = new Runnable[1];
    Runnable onConnect =
        () -> {
          off(CLOSE, onClose[0]);
          extras().pendingBytes = 0;
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
    // Node 24 defers on connecting, not pending: a socket never connected finishes at once.
    if (connecting) {
      once(CONNECT, () -> _final(callback));
      return;
    }
    if (handle == null) {
      callback.done();
      return;
    }
    // Node's _final: a shutdown finished synchronously, or refused with ENOTCONN (the peer is
    // gone, or the handle no longer writable), is success.
    boolean done =
        handle.shutdown(
            err -> {
              set(SHUTDOWN_PENDING, false);
              updateActive();
              if (err == null || "ENOTCONN".equals(err.code())) {
                callback.done();
              } else {
                callback.done(err);
              }
            });
    if (done) {
      callback.done();
    } else {
      set(SHUTDOWN_PENDING, true);
      updateActive();
    }
  }

  // Destroying.

  @Override
  protected void _destroy(JnetException error, Callback callback) {
    boolean hadHandle = has(HANDLE_CREATED);
    set(HANDLE_CREATED, false);
    connecting = false;
    SocketExtras x = extras;
    Connector c = x == null ? null : x.connector;
    if (c != null) c.cancel();
    IdleTimer t = x == null ? null : x.idle;
    if (t != null) t.clear();
    StreamHandle h = handle;
    boolean isException = error != null;
    Runnable closed =
        () -> {
          releaseKeepAlive();
          emit(CLOSE, isException);
        };
    if (h != null) {
      // Node emits 'close' from the handle's close callback, in this turn's close phase, right
      // after libuv cancelled the write still queued (ECANCELED).
      LoopEngine engine = LoopEngine.of(loop());
      boolean[] queued = {false};
      Runnable closePhase =
          () -> {
            Callback pending = writeCallback;
            writeCallback = null;
            inflightBytes = 0;
            if (pending != null) pending.done(UvError.stream("ECANCELED", "write", null));
            closed.run();
          };
      io.jnet.internal.net.Callback afterClose =
          err -> {
            if (!queued[0]) {
              queued[0] = true;
              engine.closing(closePhase);
            }
          };
      if (has(RESET_AND_CLOSING)) {
        set(RESET_AND_CLOSING, false);
        h.reset(afterClose);
      } else {
        h.close(afterClose);
      }
      if (h.isClosed()) afterClose.done(null); // closed within the call, as uv_close does
      handle = null;
      if (x != null) x.sockname = null;
      callback.done(error);
    } else if (hadHandle) {
      // Node's handle exists from connect() on; its close callback runs in the close phase.
      callback.done(error);
      LoopEngine.of(loop()).closing(closed);
    } else {
      callback.done(error);
      releaseKeepAlive();
      loop().nextTick(() -> emit(CLOSE, false)); // Node passes nothing
    }
    Server s = server;
    if (s != null) s.connectionClosed(this);
  }

  private void releaseKeepAlive() {
    handleRef(false);
    set(HANDLE_OPEN, false);
    SocketExtras x = extras;
    KeepAlive r = x == null ? null : x.requestAlive;
    if (r == null) return;
    x.requestAlive = null;
    r.close();
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
   *
   * @return this socket
   */
  public Socket resetAndDestroy() {
    // Node throws at the call for a pipe's handle, connecting or connected: no RST on a pipe.
    if (path() != null && (connecting || handle != null)) throw NetErrors.invalidHandleType();
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
    set(RESET_AND_CLOSING, true);
    destroy();
  }

  // Timeouts and options.

  /**
   * Emits {@code 'timeout'} after {@code millis} of inactivity (no read, no write); 0 disables. The
   * socket stays open: Node's {@code setTimeout}.
   *
   * @param millis the idle time in milliseconds; 0 disables
   * @return this socket
   */
  public Socket setTimeout(long millis) {
    NetErrors.checkTimeout(millis);
    return applyTimeout(millis, null);
  }

  /**
   * {@link #setTimeout(long)}, adding {@code callback} as a one-time {@code 'timeout'} listener; a
   * null {@code callback} throws {@code ERR_INVALID_ARG_TYPE}, as Node's {@code null} does.
   *
   * @param millis the idle time in milliseconds; 0 disables
   * @param callback added as a one-time {@code 'timeout'} listener
   * @return this socket
   */
  public Socket setTimeout(long millis, Runnable callback) {
    NetErrors.checkTimeout(millis);
    if (callback == null) throw NetErrors.invalidArgType("callback", "function", "null");
    return applyTimeout(millis, callback);
  }

  private Socket applyTimeout(long millis, Runnable callback) {
    if (!loop().inLoop()) {
      loop().execute(() -> applyTimeout(millis, callback));
      return this;
    }
    if (destroyed()) return this;
    SocketExtras x = extras();
    IdleTimer t = x.idle;
    if (t == null) x.idle = t = new IdleTimer(this);
    t.set(millis);
    if (millis == 0) {
      if (callback != null) off(TIMEOUT, callback);
    } else if (callback != null) {
      once(TIMEOUT, callback);
    }
    return this;
  }

  private void refreshTimer() {
    SocketExtras x = extras;
    if (x == null) return;
    IdleTimer t = x.idle;
    if (t != null) t.refresh();
  }

  /**
   * Node's {@code socket.timeout}: the value last given to {@link #setTimeout}, or null before any
   * (Node's {@code undefined}).
   *
   * @return the timeout in milliseconds, or null
   */
  public Long timeout() {
    SocketExtras x = extras;
    IdleTimer t = x == null ? null : x.idle;
    long millis = t == null ? -1 : t.millis();
    return millis < 0 ? null : millis;
  }

  /**
   * Disables Nagle's algorithm: Node's {@code setNoDelay()}.
   *
   * @return this socket
   */
  public Socket setNoDelay() {
    return setNoDelay(true);
  }

  /**
   * Node's {@code setNoDelay(enable)}.
   *
   * @param enable whether to turn it on
   * @return this socket
   */
  public Socket setNoDelay(boolean enable) {
    if (!loop().inLoop()) {
      loop().execute(() -> setNoDelay(enable));
      return this;
    }
    if (handle == null) {
      set(WANT_NO_DELAY, enable);
      return this;
    }
    if (enable != has(NO_DELAY_SET)) {
      set(NO_DELAY_SET, enable);
      set(WANT_NO_DELAY, enable);
      handle.setNoDelay(enable);
    }
    return this;
  }

  /**
   * Node's {@code setKeepAlive(enable)}.
   *
   * @param enable whether to turn it on
   * @return this socket
   */
  public Socket setKeepAlive(boolean enable) {
    return setKeepAlive(enable, 0);
  }

  /**
   * Node's {@code setKeepAlive(enable, initialDelay)}; the delay is in milliseconds.
   *
   * @param enable whether to turn it on
   * @param initialDelayMillis the idle time before the first probe, in milliseconds
   * @return this socket
   */
  public Socket setKeepAlive(boolean enable, int initialDelayMillis) {
    if (!loop().inLoop()) {
      loop().execute(() -> setKeepAlive(enable, initialDelayMillis));
      return this;
    }
    int millis = Math.max(0, initialDelayMillis / 1000) * 1000;
    if (handle == null) {
      set(WANT_KEEP_ALIVE, enable);
      setKeepAliveDelay(millis);
      return this;
    }
    if (enable != has(WANT_KEEP_ALIVE) || (enable && keepAliveDelay() != millis)) {
      set(WANT_KEEP_ALIVE, enable);
      setKeepAliveDelay(millis);
      handle.setKeepAlive(enable, millis);
    }
    return this;
  }

  /**
   * Lets this socket keep the JVM alive again: Node's {@code ref()}.
   *
   * @return this socket
   */
  public Socket ref() {
    refWanted = true;
    loop()
        .execute(
            () -> {
              if (refWanted && has(ACTIVE)) handleRef(true);
            });
    return this;
  }

  /**
   * Lets the JVM exit while this socket is open: Node's {@code unref()}. As in Node, a lookup,
   * connect, write or shutdown in flight still keeps the JVM alive until it completes.
   *
   * @return this socket
   */
  public Socket unref() {
    refWanted = false;
    loop()
        .execute(
            () -> {
              if (!refWanted) handleRef(false);
            });
    return this;
  }

  // State.

  /**
   * Node's {@code connecting}: true between {@code connect()} and {@code 'connect'}.
   *
   * @return whether the socket is connecting
   */
  public boolean connecting() {
    return connecting;
  }

  /**
   * Node's {@code pending}: true until connected (no handle yet, or still connecting).
   *
   * @return whether the socket is not connected yet
   */
  public boolean pending() {
    return handle == null || connecting;
  }

  /**
   * Node's {@code readyState}: opening, open, readOnly, writeOnly or closed.
   *
   * @return the state's name
   */
  public String readyState() {
    if (connecting) return "opening";
    boolean r = readable();
    boolean w = writable();
    if (r && w) return "open";
    if (r) return "readOnly";
    if (w) return "writeOnly";
    return "closed";
  }

  /**
   * Node's {@code bytesRead}: bytes received.
   *
   * @return the number of bytes received
   */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * Node's {@code bytesWritten}: bytes handed to the kernel plus those still queued in the socket,
   * as Node counts them.
   *
   * @return the number of bytes written
   */
  public long bytesWritten() {
    // Node's sum: bytes dispatched, the chunks buffered behind the write in progress, and that
    // write's bytes while it waits for 'connect' (it may wait on after 'connect' when a 'connect'
    // listener threw before the one that writes it).
    SocketExtras x = extras;
    long pendingBytes = x == null ? 0 : x.pendingBytes;
    long queued = Math.max(0, writableLength() - inflightBytes - pendingBytes);
    return bytesDispatched + queued + pendingBytes;
  }

  /**
   * Node's {@code autoSelectFamilyAttemptedAddresses}: the {@code ip:port} pairs tried by the last
   * family race, in order; null (Node's {@code undefined}) when the last connect ran none (an IP
   * address, a name with one address, {@code autoSelectFamily} off).
   *
   * @return the addresses tried, or null
   */
  public List<String> autoSelectFamilyAttemptedAddresses() {
    Connector c = connectorIfAny();
    FamilyRace r = c == null ? null : c.race();
    return r == null ? null : r.attempted();
  }

  /**
   * A {@code 'close'} that the stream layer emits without an argument (a socket that never had a
   * handle) reaches a {@link #CLOSE} listener as {@code false}, never null.
   */
  @Override
  protected Object adaptArgument(Event<?> listenerKey, Event<?> emitted, Object arg) {
    if (arg == null && listenerKey.equals(CLOSE)) return Boolean.FALSE;
    return super.adaptArgument(listenerKey, emitted, arg);
  }

  /**
   * Node's {@code bufferSize}: the same as {@link #writableLength()} while the socket has a handle
   * (from {@code connect()} until it is destroyed), else null (Node's {@code undefined}).
   *
   * @return the buffered bytes, or null
   */
  public Integer bufferSize() {
    return connecting || handle != null ? writableLength() : null;
  }

  /**
   * Node's {@code address()}: the local address, or {@link AddressInfo#EMPTY} (Node's {@code {}})
   * when there is none: no handle, a pipe, or a connect the kernel has not bound yet. While
   * connecting, the address is read afresh until the kernel bound it (Node caches the {@code {}} of
   * a read made before, until connected). On NIO a connecting socket has no local address until it
   * is connected: the JDK does not tell it earlier.
   *
   * @return the local address
   */
  public AddressInfo address() {
    AddressInfo a = localInfo();
    return a == null ? AddressInfo.EMPTY : a;
  }

  /**
   * Node's {@code localAddress}: the local IP address, or null (none yet, or an IPC socket).
   *
   * @return the local address, or null
   */
  public String localAddress() {
    AddressInfo a = localInfo();
    return a == null ? null : a.address();
  }

  /**
   * Node's {@code localPort}: the local port, or null (none yet, or an IPC socket).
   *
   * @return the local port, or null
   */
  public Integer localPort() {
    AddressInfo a = localInfo();
    return a == null ? null : a.port();
  }

  /**
   * Node's {@code localFamily}: {@code "IPv4"} or {@code "IPv6"}, or null.
   *
   * @return the local family, or null
   */
  public String localFamily() {
    AddressInfo a = localInfo();
    return a == null ? null : a.family();
  }

  /**
   * Node's {@code remoteAddress}: the peer's IP address, or null (not connected, or IPC).
   *
   * @return the peer's address, or null
   */
  public String remoteAddress() {
    AddressInfo a = remoteInfo();
    return a == null ? null : a.address();
  }

  /**
   * Node's {@code remotePort}: the peer's port, or null (not connected, or IPC).
   *
   * @return the peer's port, or null
   */
  public Integer remotePort() {
    AddressInfo a = remoteInfo();
    return a == null ? null : a.port();
  }

  /**
   * Node's {@code remoteFamily}: {@code "IPv4"} or {@code "IPv6"}, or null.
   *
   * @return the peer's family, or null
   */
  public String remoteFamily() {
    AddressInfo a = remoteInfo();
    return a == null ? null : a.family();
  }

  /**
   * The path of an IPC socket, or null for TCP (a jnet extra).
   *
   * @return the path, or null
   */
  public String path() {
    SocketExtras x = extras;
    return x == null ? null : x.pipePath;
  }

  /**
   * Node's {@code socket.server}: the server that accepted this socket, or null for a socket made
   * by {@code connect}.
   *
   * @return the server, or null
   */
  public Server server() {
    return server;
  }

  private AddressInfo localInfo() {
    StreamHandle h = handle;
    Connector c = connectorIfAny();
    if (h == null) return connecting && c != null ? c.connectingAddress() : null;
    SocketExtras x = extras();
    AddressInfo a = x.sockname;
    if (a != null) return a;
    a = h.localAddress();
    x.sockname = a;
    return a;
  }

  private AddressInfo remoteInfo() {
    SocketExtras x = extras;
    AddressInfo a = x == null ? null : x.peername;
    if (a != null) return a;
    StreamHandle h = handle;
    if (h == null) return null;
    a = h.remoteAddress();
    extras().peername = a;
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

  /**
   * Node's {@code new Socket({fd})}: the handle is this socket's at once, reading on the loop
   * unless {@code readable} is false.
   */
  private void adopt(int fd, boolean readable) {
    if (!Adopt.available()) throw Adopt.unavailable("new Socket({fd})");
    StreamHandle h = Adopt.socket(loop(), fd);
    handle = h;
    onLoop(
        () -> {
          attach(h);
          connector().adopted(h); // a connect() connects this descriptor, as in Node
          if (!readable) return;
          read(0);
          if (Adopt.state(h) == Adopt.State.UNCONNECTED) loop().execute(() -> readUnconnected(h));
        });
  }

  /**
   * Node 24 reads an adopted descriptor that is not connected from the start: unless a {@code
   * connect()} came first, the read fails at the loop's next poll ({@code read ENOTCONN} for TCP,
   * {@code read EINVAL} for a Unix socket). jnet fails it in the task after the adoption's.
   */
  private void readUnconnected(StreamHandle h) {
    if (handle != h || connecting || destroyed() || h.isClosed()) return;
    if (Adopt.state(h) != Adopt.State.UNCONNECTED) return;
    destroy(UvError.stream(h.isPipe() ? "EINVAL" : "ENOTCONN", "read", null));
  }

  // signal and blockList (SocketExtras.blockList): Node 24's constructor options.

  /** Destroys this socket with an AbortError when {@code s} aborts, on the next tick if it has. */
  private void watchSignal(io.jnet.events.AbortSignal s) {
    if (s == null) return;
    if (s.aborted()) {
      loop().nextTick(() -> destroy(io.jnet.events.AbortSignal.abortError(s.reason())));
      return;
    }
    Runnable onAbort = () -> destroy(io.jnet.events.AbortSignal.abortError(s.reason()));
    s.once(io.jnet.events.AbortSignal.ABORT, onAbort);
    once(CLOSE, () -> s.off(io.jnet.events.AbortSignal.ABORT, onAbort)); // as Node's eos
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
    if (onread() != null) onLoop(this::onreadStop);
    super.pause();
    return this;
  }

  @Override
  public Socket resume() {
    if (onread() != null) onLoop(this::onreadStart);
    super.resume();
    return this;
  }

  @Override
  public Buffer read(int n) {
    if (onread() != null) onLoop(this::onreadStart);
    return super.read(n);
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
