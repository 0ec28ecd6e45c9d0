package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.jnet.net.AddressInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Opens client connections: libuv's {@code uv_tcp_connect} and {@code uv_pipe_connect}, with Node's
 * errors.
 *
 * <p>Names are not resolved here: the caller resolves first ({@link Resolver}), emits Node's {@code
 * 'lookup'}, and connects to the address. A local address or port, when given, is bound in a step
 * of its own, so that its failure is Node's {@code bind} error rather than a {@code connect} one.
 * The outcome always arrives in a later task, never from inside the call.
 */
final class Connector {
  private Connector() {}

  /**
   * Connects a TCP socket to {@code address} (an IP literal, as {@link IpAddresses#isIP} accepts)
   * and {@code port}, first binding {@code localAddress} (null for any) and {@code localPort} (0
   * for any) when either is given. Loop thread only.
   *
   * @throws JnetException {@code ERR_INVALID_IP_ADDRESS} when an address is not an IP literal
   */
  static ConnectRequest connectTcp(
      EventLoop loop,
      Invoker invoker,
      String address,
      int port,
      String localAddress,
      int localPort,
      ConnectCallback callback) {
    return connectTcp(loop, invoker, address, port, localAddress, localPort, null, callback);
  }

  /**
   * {@link #connectTcp(EventLoop, Invoker, String, int, String, int, ConnectCallback)}, asking
   * {@code afterBind} (through the invoker) once the local address was bound, right before the
   * connect is sent, when a local address or port is given: Node announces the attempt only then.
   * When it answers false, the connect is cancelled instead.
   */
  static ConnectRequest connectTcp(
      EventLoop loop,
      Invoker invoker,
      String address,
      int port,
      String localAddress,
      int localPort,
      BooleanSupplier afterBind,
      ConnectCallback callback) {
    return connectTcp(
        loop, invoker, null, address, port, localAddress, localPort, afterBind, callback);
  }

  /**
   * {@link #connectTcp(EventLoop, Invoker, String, int, String, int, BooleanSupplier,
   * ConnectCallback)} on {@code adopted}, a registered handle of this loop that is not connected
   * yet (an adopted descriptor), when it is not null: libuv's {@code uv_tcp_connect} on a handle
   * that {@code uv_tcp_open} made. The descriptor is the handle's: a failed connect closes it.
   */
  static ConnectRequest connectTcp(
      EventLoop loop,
      Invoker invoker,
      NettyStreamHandle adopted,
      String address,
      int port,
      String localAddress,
      int localPort,
      BooleanSupplier afterBind,
      ConnectCallback callback) {
    assert loop.inEventLoop() : "not on the loop thread";
    InetAddress remote = literal(address);
    boolean ipv6 = IpAddresses.isIP(address) == 6;
    boolean bind = localAddress != null || localPort > 0;
    String localIp = localAddress != null ? localAddress : ipv6 ? "::" : "0.0.0.0";
    InetSocketAddress local = bind ? new InetSocketAddress(literal(localIp), localPort) : null;
    Transport transport = Channels.transportOf(loop);
    if (bind && IpAddresses.isIP(localIp) != (ipv6 ? 6 : 4)) {
      // Node binds the local address in the remote's family, and libuv cannot parse the other.
      if (adopted != null) adopted.channel().close(); // the descriptor is the handle's
      return failNow(
          loop, invoker, UvError.bind("EINVAL", localAddress, localPort, null), callback);
    }
    Channel channel;
    if (adopted != null) {
      channel = adopted.channel();
    } else {
      try {
        channel = Channels.newSocket(transport, ipv6);
      } catch (RuntimeException e) { // no socket of that family (EAFNOSUPPORT) or none at all
        if (!ThrowableCodes.isIoFailure(e)) throw e;
        return failNow(loop, invoker, UvError.connect(e, address, port, null), callback);
      }
    }
    NettyStreamHandle handle =
        adopted != null
            ? adopted
            : new NettyStreamHandle(channel, loop, transport, invoker, ipv6, false, false, null);
    String localDetails =
        localAddress != null && localPort > 0 ? localAddress + ":" + localPort : null;
    Outcome outcome = new Outcome(loop, invoker, handle, callback, address, port);
    Function<Throwable, JnetException> connectError =
        t -> UvError.connect(t, address, port, localDetails);
    Runnable connect =
        () ->
            channel
                .connect(new InetSocketAddress(remote, port))
                .addListener(outcome.connected(connectError));
    registered(loop, channel, adopted != null)
        .addListener(
            (ChannelFuture reg) ->
                outcome.guarded(
                    () -> {
                      if (!reg.isSuccess()) {
                        outcome.fail(reg.cause(), connectError);
                      } else if (local == null) {
                        connect.run();
                      } else {
                        channel
                            .bind(local)
                            .addListener(
                                (ChannelFuture b) ->
                                    outcome.guarded(
                                        () ->
                                            afterLocalBind(
                                                b,
                                                outcome,
                                                afterBind,
                                                connect,
                                                t -> UvError.bind(t, localAddress, localPort))));
                      }
                    }));
    outcome.fromIo = true; // from now on, a completion comes from the I/O pass
    return outcome;
  }

  /**
   * The local bind's outcome: asks {@code afterBind} (false cancels) and connects, or fails with
   * Node's {@code bind} error.
   */
  private static void afterLocalBind(
      ChannelFuture b,
      Outcome outcome,
      BooleanSupplier afterBind,
      Runnable connect,
      Function<Throwable, JnetException> bindError) {
    if (!b.isSuccess()) {
      outcome.fail(b.cause(), bindError);
      return;
    }
    if (afterBind != null) {
      boolean[] proceed = {true};
      outcome.invoker.invoke(() -> proceed[0] = afterBind.getAsBoolean());
      if (!proceed[0]) outcome.cancel();
    }
    if (outcome.cancelled) return;
    connect.run();
  }

  /** Connects a Unix domain socket to {@code path}. Loop thread only. */
  static ConnectRequest connectPipe(
      EventLoop loop, Invoker invoker, String path, ConnectCallback callback) {
    return connectPipe(loop, invoker, null, path, callback);
  }

  /**
   * {@link #connectPipe(EventLoop, Invoker, String, ConnectCallback)} on {@code adopted}, a
   * registered handle of this loop that is not connected yet (an adopted descriptor), when it is
   * not null: libuv's {@code uv_pipe_connect} on a handle that {@code uv_pipe_open} made. The
   * descriptor is the handle's: a failed connect closes it.
   */
  static ConnectRequest connectPipe(
      EventLoop loop,
      Invoker invoker,
      NettyStreamHandle adopted,
      String path,
      ConnectCallback callback) {
    assert loop.inEventLoop() : "not on the loop thread";
    Transport transport = Channels.transportOf(loop);
    if (Channels.isAbstract(path) && transport == Transport.NIO) {
      // The JDK's Unix sockets cannot name Linux's abstract sockets.
      return failNow(loop, invoker, UvError.connect("EINVAL", path, null, null, null), callback);
    }
    Channel channel;
    if (adopted != null) {
      channel = adopted.channel();
    } else {
      try {
        channel = Channels.newDomainSocket(transport);
      } catch (RuntimeException e) {
        if (!ThrowableCodes.isIoFailure(e)) throw e;
        return failNow(loop, invoker, UvError.connect(e, path, null, null), callback);
      }
    }
    NettyStreamHandle handle =
        adopted != null
            ? adopted
            : new NettyStreamHandle(channel, loop, transport, invoker, false, true, false, null);
    UnixPaths.Alias alias = Channels.isAbstract(path) ? null : UnixPaths.alias(path);
    ConnectCallback then =
        (h, error) -> {
          if (alias != null) alias.remove();
          callback.done(h, error);
        };
    Outcome outcome = new Outcome(loop, invoker, handle, then, path, null);
    Function<Throwable, JnetException> connectError = t -> UvError.connect(t, path, null, null);
    registered(loop, channel, adopted != null)
        .addListener(
            (ChannelFuture reg) ->
                outcome.guarded(
                    () -> {
                      if (!reg.isSuccess()) {
                        outcome.fail(reg.cause(), connectError);
                        return;
                      }
                      SocketAddress to =
                          Channels.domainAddress(transport, alias == null ? path : alias.path);
                      channel.connect(to).addListener(outcome.connected(connectError));
                    }));
    return outcome;
  }

  /**
   * Registers a new channel with {@code loop}; an adopted one was registered when it was adopted (a
   * task queued on this loop before any connect of it, so done by now).
   */
  private static ChannelFuture registered(EventLoop loop, Channel channel, boolean adopted) {
    return adopted ? channel.newSucceededFuture() : loop.register(channel);
  }

  /** Reports a connect that failed before it started, in a later task. */
  private static ConnectRequest failNow(
      EventLoop loop, Invoker invoker, JnetException error, ConnectCallback callback) {
    loop.execute(() -> invoker.invoke(() -> callback.done(null, error)));
    return () -> {};
  }

  static InetAddress literal(String address) {
    if (IpAddresses.isIP(address) == 0) {
      throw JnetException.typeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + address);
    }
    return IpAddresses.parse(address);
  }

  /** Hands the result of one connect to its callback in a later task, closing on failure. */
  private static final class Outcome implements ConnectRequest {
    private final EventLoop loop;
    private final Invoker invoker;
    private final NettyStreamHandle handle;
    private final ConnectCallback callback;
    private final String address;
    private final Integer port; // null for a pipe
    private boolean cancelled; // loop thread only
    private boolean reported; // loop thread only
    private boolean fromIo; // loop thread only: a TCP connect is under way, start() returned

    Outcome(
        EventLoop loop,
        Invoker invoker,
        NettyStreamHandle handle,
        ConnectCallback callback,
        String address,
        Integer port) {
      this.loop = loop;
      this.invoker = invoker;
      this.handle = handle;
      this.callback = callback;
      this.address = address;
      this.port = port;
    }

    @Override
    public AddressInfo localAddress() {
      if (!handle.channel().isOpen()) return null;
      AddressInfo a = handle.localAddress();
      return a == null || a.port() == 0 ? null : a; // port 0: not bound yet
    }

    @Override
    public void cancel() {
      assert loop.inEventLoop() : "not on the loop thread";
      if (reported || cancelled) return;
      cancelled = true;
      handle.channel().close();
      JnetException e = UvError.connect("ECANCELED", address, port, null, null);
      loop.execute(
          () -> {
            reported = true;
            invoker.invoke(() -> callback.done(null, e));
          });
    }

    void succeed() {
      if (fromIo) {
        // Reported in the I/O pass that saw it (Node's poll phase): a destroy() in 'connect'
        // then closes within the same turn, as in Node.
        report(handle, null);
      } else {
        loop.execute(() -> report(handle, null));
      }
    }

    void fail(JnetException error) {
      handle.channel().close();
      if (fromIo) {
        // Reported in the I/O pass that saw it, as a success is: Node reports a refused connect
        // in the same turn's poll phase, before its check phase.
        report(null, error);
      } else {
        loop.execute(() -> report(null, error));
      }
    }

    /**
     * Ends the connect for {@code cause}, the failure of one of its futures: an I/O failure is
     * Node's error ({@code error} makes it); anything else is {@link #broken}.
     */
    void fail(Throwable cause, Function<Throwable, JnetException> error) {
      if (ThrowableCodes.isIoFailure(cause)) {
        fail(error.apply(cause));
      } else {
        broken(cause);
      }
    }

    /**
     * Runs {@code body}, a Netty future's listener, where whatever it throws would be logged and
     * dropped, the connect left pending and its descriptor open: it is {@link #broken} instead.
     */
    /** Ends this connect with the outcome of the channel's connect, failures as {@code error}. */
    ChannelFutureListener connected(Function<Throwable, JnetException> error) {
      return c ->
          guarded(
              () -> {
                if (c.isSuccess()) {
                  succeed();
                } else {
                  fail(c.cause(), error);
                }
              });
    }

    void guarded(Runnable body) {
      try {
        body.run();
      } catch (RuntimeException | Error t) {
        broken(t);
      }
    }

    /**
     * A throwable that is no I/O failure (a bug in jnet) met by the connect: it goes to the loop's
     * uncaught handler, as jnet's handles treat one, and never poses as an OS error. A connect not
     * reported yet is ended as one whose handle was closed ({@code ECANCELED}), its channel closed,
     * so that the socket still closes; a connection already handed over is left to its owner.
     */
    void broken(Throwable t) {
      invoker.invoke(() -> NettyServerHandle.rethrow(t));
      if (reported || cancelled) return;
      fail(UvError.connect("ECANCELED", address, port, null, t));
    }

    private void report(StreamHandle h, JnetException error) {
      if (reported || cancelled) return; // a cancelled connect reports ECANCELED only
      reported = true;
      invoker.invoke(() -> callback.done(h, error));
    }
  }
}
