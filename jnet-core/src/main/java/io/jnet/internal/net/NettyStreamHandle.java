package io.jnet.internal.net;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import jdk.net.ExtendedSocketOptions;

/**
 * The {@link StreamHandle} over a Netty channel (TCP or Unix domain socket, epoll or NIO).
 *
 * <p>How Node's stream semantics sit on Netty's mechanisms:
 *
 * <ul>
 *   <li>Read start and stop are Netty's auto-read, which adds and removes read interest in the
 *       selector, so a stopped handle really leaves bytes in the kernel. Whatever the transport
 *       still reads after a stop (epoll drains the socket when the peer half-closes, and a read
 *       loop in progress finishes its current read) is parked here and delivered after the next
 *       start, so the listener never sees data while stopped.
 *   <li>Reads go into the loop's one reusable read buffer ({@link ReadBuffer}, epoll and NIO) and
 *       are copied once, into the array the listener owns, or into the loop's lent array when the
 *       bytes only pass through to another socket ({@link Lending}).
 *   <li>The peer's FIN is Netty's {@code ChannelInputShutdownEvent} under {@code
 *       ALLOW_HALF_CLOSURE}: the handle stays writable (on NIO, Unix sockets use jnet's own {@code
 *       NioUnixChannel}, because Netty's NIO domain channel ignores half-closure; on io_uring,
 *       whose Unix channel would close at the FIN, {@link UnixHalfClosure} keeps it open).
 *   <li>Writes wrap the caller's bytes ({@code Unpooled.wrappedBuffer}) and are flushed at once, as
 *       libuv tries the kernel before it queues: a write the kernel took whole completes within the
 *       call. A write behind one still queued waits for the socket to be writable (Netty's flush
 *       then does nothing), and a batch (Node's {@code writev}) is one gathering write.
 *   <li>Shutdown waits for every queued write to complete before {@code shutdownOutput()}, because
 *       Netty fails the writes still pending when the output is shut down (netty #7041); with
 *       nothing queued, the FIN leaves within the call, or on epoll after the peer's FIN, with the
 *       close that follows in the same loop turn.
 *   <li>Close is reported in a task after Netty's close, so pending writes fail (with {@code
 *       ECANCELED}, as libuv's cancelled requests) before {@link StreamListener#onClose()}.
 * </ul>
 */
final class NettyStreamHandle extends ChannelInboundHandlerAdapter
    implements StreamHandle, ChannelFutureListener, Runnable {
  private static final int READING = 1;
  private static final int DRAIN_SCHEDULED = 1 << 2;
  private static final int READ_ENDED = 1 << 3;
  private static final int SHUTDOWN = 1 << 4;
  private static final int CLOSING = 1 << 5;
  private static final int CLOSED = 1 << 6;
  private static final int WRITING = 1 << 7;
  private static final int CLOSE_UNHEARD = 1 << 8;

  /**
   * Netty closed the channel at the peer's FIN (io_uring Unix sockets): see {@link #afterClose}.
   */
  private static final int PEER_CLOSED = 1 << 9;

  /**
   * The output was shut down without Netty's {@code shutdownOutput()} ({@link OutputShutdown}):
   * Netty still takes writes, which {@link #enqueue} fails as Netty fails them after its own.
   */
  private static final int OUTPUT_DOWN = 1 << 10;

  /** TCP_NODELAY as last set (Nagle's algorithm off), so that setting it again costs nothing. */
  private static final int NO_DELAY = 1 << 11;

  /**
   * The peer's FIN was read (its input is empty for good): not a read error, not io_uring's close.
   */
  private static final int FIN_READ = 1 << 12;

  /**
   * A shutdown reported done whose FIN has not left yet: it leaves with the close that follows
   * within the same loop turn, or in a task at the end of it (see {@link #shutdown}).
   */
  private static final int FIN_OWED = 1 << 13;

  /** The transport's ordinal, in the bits from here up: see {@link #transport()}. */
  private static final int TRANSPORT_SHIFT = 16;

  private static final Transport[] TRANSPORTS = Transport.values();

  /** Parked marker for the peer's FIN. */
  private static final Object EOF = new Object();

  private final Channel channel;
  private final EventLoop loop;
  private final Invoker invoker;
  private final boolean ipv6Socket;
  private final boolean pipe;

  /** State flags; loop thread only. */
  private int flags;

  /** Loop thread only; null until {@link #setListener}. */
  private StreamListener listener;

  /**
   * What {@link #run} hands on: the read being delivered to the listener, during {@link #deliver};
   * or, for an accepted channel until it becomes active, the {@link ServerListener} of the server
   * that accepted it, told of it then ({@link #channelActive}), or of its loss should registration
   * fail. One field for both: no read is delivered before the server heard of the channel, which
   * gives the handle its listener. Loop thread only.
   */
  private Object upcall;

  /** What only some handles use, made on first use ({@link #extras()}); loop thread only. */
  private Extras extras;

  /** Writes queued and not completed; loop thread only. */
  private int pendingWrites;

  /** The request being written inside {@link #enqueue}, or null; loop thread only. */
  private WriteRequest current;

  /**
   * The state only some handles need: reads parked after a stop, an onread listener's direct reads,
   * a shutdown waiting for writes, close requests. Kept out of the handle so that an idle one does
   * not carry its fields; made once, on first use. Loop thread only. It is its own drain task
   * ({@link #run}: {@link #drainParked}).
   */
  private final class Extras implements Runnable {
    /**
     * Reads (byte[]), {@link #EOF} or a read error, waiting for reading to start; null until the
     * first is parked (rare: reads after a stop).
     */
    ArrayDeque<Object> parked;

    /** The read being handed to a {@link DirectReadListener}, during {@link #directRead}. */
    DirectReadListener directListener;

    ByteBuffer directBytes;

    /** Made by {@link #setListener} for a {@link DirectReadListener}. */
    Runnable directRead;

    /** The shutdown waiting for {@link #pendingWrites} to reach 0, or null. */
    Callback shutdownCallback;

    /** Close requests waiting for the close to be reported, or null before the first. */
    List<Callback> closeCallbacks;

    @Override
    public void run() {
      drainParked();
    }
  }

  private Extras extras() {
    Extras x = extras;
    if (x == null) extras = x = new Extras();
    return x;
  }

  /** Written on the loop thread only, read from any. */
  private volatile long bytesRead;

  private volatile long bytesWritten;
  private volatile long writeQueueSize;

  /**
   * Wraps {@code channel}, not yet registered with {@code loop} or already accepted on it, and
   * configures it: auto-read off, half-closure allowed and, for TCP, Nagle on as in Node unless
   * {@code noDelay}. {@code acceptedBy}, if not null, is the server that accepted the channel: see
   * {@link #upcall}.
   */
  NettyStreamHandle(
      Channel channel,
      EventLoop loop,
      Transport transport,
      Invoker invoker,
      boolean ipv6Socket,
      boolean pipe,
      boolean noDelay,
      ServerListener acceptedBy) {
    this.channel = channel;
    this.loop = loop;
    this.flags = transport.ordinal() << TRANSPORT_SHIFT;
    this.invoker = invoker;
    this.ipv6Socket = ipv6Socket;
    this.pipe = pipe;
    this.upcall = acceptedBy;
    this.nativeSocket =
        transport == Transport.EPOLL
                && PlatformDependent.hasUnsafe()
                && channel instanceof io.netty.channel.unix.UnixChannel u
                && u.fd() instanceof io.netty.channel.unix.Socket socket
            ? socket
            : null;
    ChannelConfig config = channel.config();
    config.setAutoRead(false);
    config.setConnectTimeoutMillis(0); // Node has no connect timeout of its own: the kernel's
    config.setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    if (!pipe) {
      // Netty's channel config turned TCP_NODELAY on where the platform allows: only another wish
      // costs a system call (Node's default is off; a server's noDelay is on).
      if (PlatformDependent.canEnableTcpNoDelayByDefault()) flags |= NO_DELAY;
      applyNoDelay(noDelay);
    }
    if (transport != Transport.IO_URING) {
      config.setRecvByteBufAllocator(ReadBuffer.INSTANCE);
    } else if (pipe) {
      UnixHalfClosure.install(channel);
    }
    // The handle is the channel's last handler: it turns Netty's inbound events into parked or
    // delivered reads (the inbound section below).
    channel.pipeline().addLast("jnet-stream", this);
    channel.closeFuture().addListener(this);
  }

  /**
   * The channel's close future is done: {@link #afterClose} runs in a task of its own. Or, for an
   * accepted channel, its registration is done: a failure closes it and tells the server.
   */
  @Override
  public void operationComplete(ChannelFuture future) {
    if (future != channel.closeFuture()) {
      if (!future.isSuccess()) {
        ServerListener server = upcall instanceof ServerListener s ? s : null;
        upcall = null;
        channel.unsafe().closeForcibly();
        if (server != null) invoker.invoke(server::onConnectionLost);
      }
      return;
    }
    loop.execute(this::afterClose);
  }

  /**
   * Registers an accepted channel with {@link #loop}, this handle hearing of the result: the server
   * hears of the connection when it becomes active, or of its loss. Loop thread only.
   */
  void registerAccepted() {
    loop.register(channel).addListener(this);
  }

  /**
   * The one upcall object of this handle, so that none is made per read: hands the listener the
   * read being delivered ({@link #deliver}), or else tells the server that accepted this channel of
   * it (Node's {@code onconnection}).
   */
  @Override
  public void run() {
    Object item = upcall;
    upcall = null;
    if (item instanceof byte[] chunk) {
      listener.onRead(chunk);
    } else if (item == EOF) {
      listener.onEof();
    } else if (item instanceof ServerListener server) {
      server.onConnection(this);
    } else if (item != null) {
      listener.onError((JnetException) item);
    }
  }

  /** The transport this handle's channel belongs to. */
  private Transport transport() {
    return TRANSPORTS[flags >>> TRANSPORT_SHIFT];
  }

  Channel channel() {
    return channel;
  }

  private void assertLoop() {
    assert loop.inEventLoop() : "not on the loop thread";
  }

  private boolean has(int flag) {
    return (flags & flag) != 0;
  }

  @Override
  public void setListener(StreamListener listener) {
    assertLoop();
    this.listener = listener;
    if (listener instanceof DirectReadListener && (extras == null || extras.directRead == null)) {
      Extras x = extras();
      x.directRead = () -> x.directListener.onRead(x.directBytes);
    }
    if (has(CLOSE_UNHEARD)) {
      flags &= ~CLOSE_UNHEARD;
      loop.execute(() -> invoker.invoke(listener::onClose));
    }
  }

  // Reading.

  @Override
  public void readStart() {
    assertLoop();
    if (has(READING) || has(CLOSED)) return;
    flags |= READING;
    if (hasParked()) scheduleDrain();
    if (!has(READ_ENDED) && channel.isOpen()) channel.config().setAutoRead(true);
  }

  /**
   * For an accepted channel not registered yet, whose listener starts reading as soon as it is
   * active: on epoll the channel is registered with read interest already, so that epoll hears once
   * (an add) instead of twice (an add, then a change at the read start). Nothing can be read before
   * that start, which comes before the loop polls again; should it not come, one read is parked as
   * any read after a stop.
   */
  void readOnRegistration() {
    if (transport() != Transport.EPOLL || channel.isRegistered()) return;
    channel.unsafe().beginRead(); // before registration, Netty only notes the interest
  }

  @Override
  public void readStop() {
    assertLoop();
    if (!has(READING)) return;
    flags &= ~READING;
    channel.config().setAutoRead(false);
  }

  @Override
  public boolean reading() {
    return has(READING);
  }

  /** Something read (a chunk, EOF or an error): delivered now, or parked until reading starts. */
  private void arrived(Object item) {
    if (has(READING) && listener != null && !hasParked()) {
      deliver(item);
    } else {
      Extras x = extras();
      if (x.parked == null) x.parked = new ArrayDeque<>(2);
      x.parked.add(item);
    }
  }

  private boolean hasParked() {
    Extras x = extras;
    return x != null && x.parked != null && !x.parked.isEmpty();
  }

  private void scheduleDrain() {
    if (has(DRAIN_SCHEDULED)) return;
    flags |= DRAIN_SCHEDULED;
    loop.execute(extras()); // its run() drains
  }

  private void drainParked() {
    flags &= ~DRAIN_SCHEDULED;
    while (has(READING) && listener != null && !has(CLOSED) && hasParked()) {
      deliver(extras.parked.poll());
    }
  }

  private void deliver(Object item) {
    upcall = item;
    invoker.invoke(this);
  }

  // Writing.

  @Override
  public boolean write(ByteBuffer[] chunks, Callback callback) {
    Lending lending = Lending.get();
    if (lending.onLoan()) {
      ByteBuf[] bufs = new ByteBuf[chunks.length];
      for (int i = 0; i < bufs.length; i++) bufs[i] = wrap(lending, chunks[i]);
      return enqueue(Unpooled.wrappedBuffer(bufs), callback);
    }
    return enqueue(Unpooled.wrappedBuffer(chunks), callback);
  }

  @Override
  public boolean write(Buffer chunk, Callback callback) {
    return writeArray(chunk.array(), chunk.arrayOffset(), chunk.length(), true, callback);
  }

  /**
   * {@code length} bytes of {@code array} as the channel sends them: copied into a direct buffer of
   * the channel's pooled allocator, the copy every transport makes of a heap buffer anyway, without
   * the wrapper and the NIO views its own copy goes through.
   */
  private ByteBuf outbound(byte[] array, int offset, int length) {
    if (!channel.alloc().isDirectBufferPooled())
      return Unpooled.wrappedBuffer(array, offset, length);
    return copy(array, offset, length);
  }

  @Override
  public boolean write(List<Buffer> chunks, Callback callback) {
    Lending lending = Lending.get();
    ByteBuf[] bufs = new ByteBuf[chunks.size()];
    for (int i = 0; i < bufs.length; i++) bufs[i] = wrap(lending, chunks.get(i), false);
    return enqueue(Unpooled.wrappedBuffer(bufs), callback);
  }

  @Override
  public boolean write(ByteBuffer chunk, Callback callback) {
    return enqueue(wrap(Lending.get(), chunk), callback);
  }

  @Override
  public boolean write(byte[] array, int offset, int length, Callback callback) {
    return writeArray(array, offset, length, false, callback);
  }

  /**
   * Writes {@code array[offset, offset + length)}: what the kernel takes at once leaves without
   * Netty's queue ({@link #tryWriteNow}), the rest is queued. {@code single}: see {@link
   * Lending#isLent}.
   */
  private boolean writeArray(
      byte[] array, int offset, int length, boolean single, Callback callback) {
    Lending lending = Lending.get();
    int now = tryWriteNow(array, offset, length, lending);
    if (now == length) {
      lending.isLent(array, single); // counted as the write that took a lent array's bytes
      return true;
    }
    ByteBuf rest;
    if (lending.isLent(array, single)) {
      rest = lending.sourceSlice(array, offset + now, length - now);
      if (rest == null) rest = copy(array, offset + now, length - now);
    } else {
      rest = outbound(array, offset + now, length - now);
    }
    return enqueue(rest, callback);
  }

  /** libuv's {@code uv_try_write} on epoll: see {@link #tryWriteNow}. Null on other transports. */
  private final io.netty.channel.unix.Socket nativeSocket;

  /** The loop's buffer for {@link #tryWriteNow}, apart from the read buffer a read may be in. */
  private static final FastThreadLocal<ByteBuf> WRITE_SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
          return Unpooled.directBuffer(ReadBuffer.SIZE, ReadBuffer.SIZE);
        }

        @Override
        protected void onRemoval(ByteBuf value) {
          value.release();
        }
      };

  /**
   * Writes what the kernel takes of {@code array[offset, offset + length)} right now, as libuv's
   * {@code uv_try_write} does before it queues, when nothing is queued ahead (epoll only): the
   * bytes go through the loop's one direct buffer straight to the socket, with no request, promise
   * or pooled buffer. Returns the bytes written (0: none, or not tried); an error is left for the
   * queued write that follows, which meets it again and reports it as before.
   */
  private int tryWriteNow(byte[] array, int offset, int length, Lending lending) {
    io.netty.channel.unix.Socket socket = nativeSocket;
    if (socket == null
        || length == 0
        || length > ReadBuffer.SIZE
        || pendingWrites > 0
        || (flags & (PEER_CLOSED | CLOSING | CLOSED | SHUTDOWN)) != 0
        || !channel.isActive()) {
      return 0;
    }
    io.netty.channel.ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
    if (out == null || out.totalPendingWriteBytes() != 0) return 0;
    // A lent array's bytes are still in the read buffer they came from: sent from there, uncopied.
    long address = lending.sourceAddress(array, offset, length);
    if (address == 0) {
      ByteBuf scratch = WRITE_SCRATCH.get();
      if (!scratch.hasMemoryAddress()) return 0;
      address = scratch.memoryAddress();
      PlatformDependent.copyMemory(array, offset, address, length);
    }
    int n;
    try {
      n = socket.sendAddress(address, 0, length); // send(2), as Netty writes: write(2) costs more
    } catch (java.io.IOException | java.nio.channels.NotYetConnectedException e) {
      return 0; // an adopted socket not connected yet is one Netty calls active
    }
    if (n > 0) bytesWritten += n;
    return Math.max(n, 0);
  }

  /**
   * {@code chunk}'s bytes for the channel: wrapped, or copied into the transport's own buffer when
   * they sit in the loop's lent read array (see {@link Lending}), which must be free again when the
   * write returns. Every transport copies a wrapped array into direct memory anyway (epoll, NIO and
   * io_uring do it before the write returns); this copy is that one, made by jnet.
   */
  private ByteBuf wrap(Lending lending, Buffer chunk, boolean single) {
    if (lending.isLent(chunk.array(), single)) {
      return copy(chunk.array(), chunk.arrayOffset(), chunk.length());
    }
    return Unpooled.wrappedBuffer(chunk.array(), chunk.arrayOffset(), chunk.length());
  }

  private ByteBuf wrap(Lending lending, ByteBuffer chunk) {
    if (chunk.hasArray() && lending.isLent(chunk.array(), false)) {
      return copy(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
    }
    return Unpooled.wrappedBuffer(chunk);
  }

  private ByteBuf copy(byte[] array, int offset, int length) {
    ByteBuf direct = channel.alloc().directBuffer(length);
    direct.writeBytes(array, offset, length);
    return direct;
  }

  /**
   * Queues {@code buf} and flushes at once, as libuv tries the kernel before it queues: true when
   * every byte left within the call (the request is complete, its callback never runs).
   */
  private boolean enqueue(ByteBuf buf, Callback callback) {
    assertLoop();
    if (has(PEER_CLOSED) && !has(CLOSING)) {
      buf.release();
      JnetException e = UvError.stream("EPIPE", "write", null);
      loop.execute(() -> invoker.invoke(() -> callback.done(e)));
      return false;
    }
    if (has(CLOSING) || has(CLOSED)) {
      buf.release();
      // libuv refuses a write on a closed handle with EBADF; pending ones are ECANCELED instead.
      JnetException e = UvError.stream("EBADF", "write", null);
      loop.execute(() -> invoker.invoke(() -> callback.done(e)));
      return false;
    }
    WriteRequest req = new WriteRequest(buf.readableBytes(), callback);
    pendingWrites++;
    writeQueueSize += req.bytes;
    if (has(OUTPUT_DOWN)) {
      // What Netty's write does once its shutdownOutput() dropped the outbound buffer.
      buf.release();
      Throwable closed = new ClosedChannelException();
      loop.execute(() -> writeDone(req, closed));
      return false;
    }
    flags |= WRITING;
    current = req;
    try {
      channel.write(buf, channel.newPromise().addListener(req));
      channel.flush();
    } finally {
      flags &= ~WRITING;
      current = null;
    }
    return req.sync;
  }

  /** One write request: its size and callback, and whether it completed within the call. */
  private final class WriteRequest implements ChannelFutureListener {
    final int bytes;
    final Callback callback;
    boolean sync;

    WriteRequest(int bytes, Callback callback) {
      this.bytes = bytes;
      this.callback = callback;
    }

    @Override
    public void operationComplete(ChannelFuture f) {
      Throwable cause = f.cause();
      if (has(WRITING)) {
        if (this == current && cause == null) {
          sync = true;
          completed(this, null);
          return;
        }
        // Failed, or an earlier request completed, inside write(): report later, never from
        // inside the call.
        loop.execute(() -> writeDone(this, cause));
        return;
      }
      writeDone(this, cause);
    }
  }

  private void completed(WriteRequest req, Throwable cause) {
    pendingWrites--;
    writeQueueSize -= req.bytes;
    if (cause == null) bytesWritten += req.bytes;
  }

  private void writeDone(WriteRequest req, Throwable cause) {
    completed(req, cause);
    JnetException error = cause == null ? null : failure(cause, "write");
    invoker.invoke(() -> req.callback.done(error));
    if (pendingWrites == 0 && extras != null && extras.shutdownCallback != null) shutdownNow();
  }

  /** A request's failure: cancelled when jnet closed the handle under it, else as the OS said. */
  private JnetException failure(Throwable cause, String syscall) {
    return has(CLOSING)
        ? UvError.stream("ECANCELED", syscall, cause)
        : UvError.stream(cause, syscall);
  }

  // Shutdown and close.

  @Override
  public boolean shutdown(Callback callback) {
    assertLoop();
    if (has(SHUTDOWN) || has(CLOSING) || has(CLOSED)) {
      JnetException e = UvError.stream("ENOTCONN", "shutdown", null);
      loop.execute(() -> invoker.invoke(() -> callback.done(e)));
      return false;
    }
    flags |= SHUTDOWN;
    if (has(PEER_CLOSED)) return true; // the FIN left when Netty closed the channel
    if (pendingWrites > 0) {
      extras().shutdownCallback = callback; // the last write's completion shuts down
      return false;
    }
    // Nothing queued: the FIN leaves now, as libuv's shutdown does within the same loop turn.
    if (transport() == Transport.EPOLL && has(FIN_READ)) {
      // After the peer's FIN (a socket ending because its peer did), a close usually follows in
      // this very turn, and close(2) sends the FIN itself: one system call instead of two. The
      // input is empty for good, so the close cannot turn into a reset; what the peer sees is the
      // same FIN, a few microseconds apart. A task sends it if no close came.
      flags |= FIN_OWED | OUTPUT_DOWN;
      loop.execute(this::sendOwedFin);
      return true;
    }
    ChannelFuture f = shutdownOutput();
    if (f.isSuccess()) return true;
    afterShutdown(f, callback);
    return false;
  }

  private void shutdownNow() {
    Extras x = extras;
    Callback callback = x == null ? null : x.shutdownCallback;
    if (callback == null) return;
    x.shutdownCallback = null;
    afterShutdown(shutdownOutput(), callback);
  }

  /** Shuts the output down, nothing being queued: directly where the transport allows. */
  private ChannelFuture shutdownOutput() {
    try {
      if (OutputShutdown.shutdown(transport(), channel)) {
        flags |= OUTPUT_DOWN;
        return channel.newSucceededFuture();
      }
    } catch (IOException | RuntimeException e) { // NIO: NotYetConnectedException
      flags |= OUTPUT_DOWN;
      return channel.newFailedFuture(e);
    }
    return ((DuplexChannel) channel).shutdownOutput();
  }

  /** Sends the FIN of a shutdown already reported done, unless a close sent it. */
  private void sendOwedFin() {
    if (!has(FIN_OWED)) return;
    flags &= ~FIN_OWED;
    if (!channel.isOpen()) return;
    try {
      OutputShutdown.shutdown(transport(), channel);
    } catch (IOException | RuntimeException e) {
      // The peer reset the connection meanwhile: what it would have read is gone either way.
    }
  }

  /** Reports {@code f}'s outcome to {@code callback}, never from inside {@link #shutdown}. */
  private void afterShutdown(ChannelFuture f, Callback callback) {
    if (f.isDone()) {
      JnetException e = f.isSuccess() ? null : failure(f.cause(), "shutdown");
      loop.execute(() -> invoker.invoke(() -> callback.done(e)));
      return;
    }
    f.addListener(
        done -> {
          JnetException e = done.isSuccess() ? null : failure(done.cause(), "shutdown");
          invoker.invoke(() -> callback.done(e));
        });
  }

  @Override
  public void close(Callback callback) {
    assertLoop();
    flags |= CLOSING;
    if (has(CLOSED)) {
      loop.execute(() -> invoker.invoke(() -> callback.done(null)));
      return;
    }
    Extras x = extras();
    if (x.closeCallbacks == null) x.closeCallbacks = new ArrayList<>(1);
    x.closeCallbacks.add(callback);
    flags &= ~FIN_OWED; // the close sends it
    if (has(PEER_CLOSED)) {
      // Netty closed the channel already: report it now, once
      if (x.closeCallbacks.size() == 1) loop.execute(this::afterClose);
      return;
    }
    channel.close();
  }

  @Override
  public void reset(Callback callback) {
    assertLoop();
    sendOwedFin(); // the peer saw the FIN before the reset, and still must
    if (!pipe && channel.isOpen()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException e) {
        // the socket is already unusable: a plain close is all that is left
      }
    }
    close(callback);
  }

  /**
   * Runs in a task after Netty closed the channel, so that failed writes are reported first.
   *
   * <p>A close nobody asked for, before the end of the input, is Netty's io_uring Unix channel
   * closing at the peer's FIN where {@link UnixHalfClosure} could not shut the input down first
   * (the kernel refused): it is the end of the stream, delivered as such (parked while reading is
   * stopped), and the handle is reported closed when it is closed. A write after that end fails
   * with {@code EPIPE}, as the socket is gone.
   */
  private void afterClose() {
    if (!has(CLOSING) && !has(READ_ENDED) && Channels.closesAtPeerEnd(transport(), pipe)) {
      flags |= READ_ENDED | PEER_CLOSED;
      arrived(EOF);
      return;
    }
    flags |= CLOSED;
    flags &= ~READING;
    Extras x = extras;
    if (x != null) x.parked = null;
    Callback shutdown = x == null ? null : x.shutdownCallback;
    if (shutdown != null) {
      x.shutdownCallback = null;
      JnetException e = UvError.stream("ECANCELED", "shutdown", null);
      invoker.invoke(() -> shutdown.done(e));
    }
    StreamListener l = listener;
    if (l != null) {
      invoker.invoke(l::onClose);
    } else {
      flags |= CLOSE_UNHEARD;
    }
    Extras y = extras; // the listener may have made it
    List<Callback> callbacks = y == null ? null : y.closeCallbacks;
    if (callbacks == null) return;
    y.closeCallbacks = null;
    for (Callback c : callbacks) invoker.invoke(() -> c.done(null));
  }

  // Options.

  @Override
  public void setNoDelay(boolean noDelay) {
    assertLoop();
    if (pipe || !channel.isOpen()) return;
    applyNoDelay(noDelay);
  }

  private void applyNoDelay(boolean noDelay) {
    if (has(NO_DELAY) == noDelay) return;
    channel.config().setOption(ChannelOption.TCP_NODELAY, noDelay);
    flags ^= NO_DELAY;
  }

  @Override
  public void setKeepAlive(boolean enable, int initialDelayMillis) {
    assertLoop();
    if (pipe || !channel.isOpen()) return;
    ChannelConfig config = channel.config();
    config.setOption(ChannelOption.SO_KEEPALIVE, enable);
    int seconds = initialDelayMillis / 1000;
    if (!enable || seconds < 1) return;
    if (transport() == Transport.EPOLL) {
      config.setOption(EpollChannelOption.TCP_KEEPIDLE, seconds);
    } else {
      config.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), seconds);
    }
  }

  // Counters and addresses.

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public long bytesWritten() {
    return bytesWritten;
  }

  @Override
  public long writeQueueSize() {
    return writeQueueSize;
  }

  @Override
  public AddressInfo localAddress() {
    return info(channel.localAddress());
  }

  @Override
  public AddressInfo remoteAddress() {
    return info(channel.remoteAddress());
  }

  private AddressInfo info(SocketAddress address) {
    if (pipe || !(address instanceof InetSocketAddress a) || a.getAddress() == null) return null;
    return IpAddresses.info(a, ipv6Socket);
  }

  @Override
  public boolean isPipe() {
    return pipe;
  }

  @Override
  public boolean isClosed() {
    return !channel.isOpen();
  }

  // Inbound: Netty's events on the channel, as its last handler.

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (upcall instanceof ServerListener) invoker.invoke(this);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    if (listener instanceof DirectReadListener d
        && has(READING)
        && !hasParked()
        && !has(READ_ENDED)) {
      readDirect(d, buf);
      return;
    }
    if (listener instanceof LendingReadListener l
        && buf.readableBytes() >= Lending.MIN
        && has(READING)
        && !hasParked()
        && !has(READ_ENDED)) {
      Lending lending = Lending.get();
      if (!lending.onLoan() && l.lendable()) {
        readLent(l, lending, buf);
        return;
      }
    }
    byte[] chunk;
    try {
      int n = buf.readableBytes();
      if (n == 0 || has(READ_ENDED)) return;
      // The one copy of a read, into an array the copy fills whole: left unzeroed where the JDK
      // lets Netty allocate so (--add-exports java.base/jdk.internal.misc=ALL-UNNAMED).
      chunk = PlatformDependent.allocateUninitializedArray(n);
      buf.readBytes(chunk);
    } finally {
      buf.release();
    }
    bytesRead += chunk.length;
    arrived(chunk);
  }

  /** Copies the read into the loop's lent array and hands it to {@code l}: see {@link Lending}. */
  private void readLent(LendingReadListener l, Lending lending, ByteBuf buf) {
    int n = buf.readableBytes();
    int index = buf.readerIndex();
    try {
      buf.readBytes(lending.begin(l, n), 0, n);
    } catch (RuntimeException | Error e) {
      lending.end();
      buf.release();
      throw e;
    }
    // The read buffer stays the loan's source until the loan ends, which releases it: a write of
    // the lent array takes its bytes from there (Lending.sourceAddress, Lending.sourceSlice).
    lending.source(buf, index, transport() == Transport.IO_URING);
    bytesRead += n;
    try {
      invoker.invoke(lending);
    } finally {
      lending.end();
    }
  }

  /** Hands the transport's buffer itself to {@code d}: no array, no task, per read. */
  private void readDirect(DirectReadListener d, ByteBuf buf) {
    try {
      int n = buf.readableBytes();
      if (n == 0) return;
      bytesRead += n;
      Extras x = extras; // made by setListener
      x.directListener = d;
      x.directBytes =
          buf.nioBufferCount() == 1 ? buf.internalNioBuffer(buf.readerIndex(), n) : buf.nioBuffer();
      invoker.invoke(x.directRead);
    } finally {
      Extras x = extras;
      x.directListener = null;
      x.directBytes = null;
      buf.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    // The input's end is the second event where the first is Netty's: io_uring Unix sockets
    // (see UnixHalfClosure) have only the second.
    if ((evt == ChannelInputShutdownEvent.INSTANCE
            || evt == ChannelInputShutdownReadComplete.INSTANCE)
        && !has(READ_ENDED)) {
      flags |= READ_ENDED | FIN_READ;
      arrived(EOF);
    }
  }

  /**
   * A read's failure, as libuv reports it ({@code read ECONNRESET}). A throwable that is no I/O
   * failure (a bug in jnet, an {@code OutOfMemoryError}) is not the connection's doing and poses as
   * no OS error: it goes to the loop's uncaught-exception handler, as an exception thrown by a
   * callback does, and the connection is left as it is.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof java.io.IOException)
        && !(cause instanceof io.netty.channel.ChannelException)) {
      invoker.invoke(
          () -> {
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error e) throw e;
            throw new java.lang.reflect.UndeclaredThrowableException(cause);
          });
      return;
    }
    if (has(READ_ENDED) || has(CLOSING)) return;
    flags |= READ_ENDED;
    arrived(UvError.stream(cause, "read"));
  }
}
