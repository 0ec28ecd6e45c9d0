package io.jnet.internal.net;

import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.transport.Transport;
import io.jnet.loop.KeepAlive;
import io.jnet.net.AddressInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.unix.UnixChannelOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The {@link ServerHandle} over a Netty server channel, and the listen calls that make one.
 *
 * <p>As in Node, a TCP server without a host listens on {@code ::} (dual-stack), falling back to
 * {@code 0.0.0.0} where IPv6 is missing; port 0 takes a port the OS chooses. A Unix socket path
 * that already exists fails with {@code EADDRINUSE} (the file is never taken over, although Netty's
 * epoll transport would unlink it; the check is made just before binding), and closing removes the
 * file the server created. Accepted sockets belong to the same loop.
 *
 * <p>As libuv's {@code uv_listen}, a listen is synchronous: the channel is registered and bound
 * before the listen call returns, and its callback has run by then (with the handle or the error).
 *
 * <p>Linux abstract socket names (a path starting with NUL) work on epoll and io_uring; the JDK's
 * Unix sockets cannot name them, so on NIO they fail with {@code EINVAL}, unlike Node.
 *
 * <p>{@code reusePort} sets {@code SO_REUSEPORT} before the bind, so that several servers (of one
 * process or several) listen on one port and the kernel spreads the connections among them; where
 * the system has no such option the listen fails with {@code ENOTSUP}, as libuv's does.
 *
 * <p>Unlike Node, {@code ipv6Only} is not honoured on NIO: the JDK has no {@code IPV6_V6ONLY}
 * option, so a NIO server on {@code ::} is always dual-stack (epoll and io_uring set it).
 */
final class NettyServerHandle implements ServerHandle {
  /** {@code IPPROTO_IPV6} and its {@code IPV6_V6ONLY}, Linux's numbers. */
  private static final int IPPROTO_IPV6 = 41;

  private static final int IPV6_V6ONLY = 26;

  private final Channel channel;
  private final Invoker invoker;
  private final String path;
  private final AddressInfo address;

  NettyServerHandle(Channel channel, Invoker invoker, String path, AddressInfo address) {
    this.channel = channel;
    this.invoker = invoker;
    this.path = path;
    this.address = address;
  }

  /**
   * Listens on TCP {@code host} (an IP literal, or null for every interface) and {@code port} (0:
   * the OS chooses). Loop thread only.
   */
  static void listenTcp(
      EventLoop loop,
      Invoker invoker,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      boolean reusePort,
      ServerListener listener,
      ListenCallback callback) {
    assert loop.inEventLoop() : "not on the loop thread";
    Transport transport = Channels.transportOf(loop);
    if (host != null) {
      bindTcp(
          loop, invoker, transport, host, port, backlog, ipv6Only, reusePort, listener, callback);
      return;
    }
    bindTcp(
        loop,
        invoker,
        transport,
        "::",
        port,
        backlog,
        ipv6Only,
        reusePort,
        listener,
        (server, error) -> {
          if (error == null || error.code().equals("EADDRINUSE") || error.code().equals("EACCES")) {
            callback.done(server, error);
          } else {
            bindTcp(
                loop, invoker, transport, "0.0.0.0", port, backlog, false, reusePort, listener,
                callback);
          }
        });
  }

  private static void bindTcp(
      EventLoop loop,
      Invoker invoker,
      Transport transport,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      boolean reusePort,
      ServerListener listener,
      ListenCallback callback) {
    boolean ipv6 = IpAddresses.isIP(host) == 6;
    InetSocketAddress local = new InetSocketAddress(Connector.literal(host), port);
    ServerChannel ch = null;
    JnetException failed;
    try {
      ch =
          transport == Transport.NIO
              ? new NioTcpServerChannel(ipv6)
              : Channels.newServerSocket(transport, ipv6);
      ch.config().setOption(ChannelOption.SO_REUSEADDR, true);
      if (ipv6 && ipv6Only && transport != Transport.NIO) setIpv6Only(ch);
      // libuv's answer where the system has no SO_REUSEPORT.
      failed = reusePort && !setReusePort(ch) ? UvError.listen("ENOTSUP", host, port, null) : null;
    } catch (RuntimeException e) {
      failed = openFailure(ch, e, t -> UvError.listen(t, host, port));
    }
    if (failed != null) {
      if (ch != null) ch.unsafe().closeForcibly();
      callback.done(null, failed);
      return;
    }
    bind(
        ch,
        new Acceptor(loop, invoker, transport, ipv6, false, listener),
        backlog,
        local,
        loop,
        invoker,
        c -> {
          InetSocketAddress bound = (InetSocketAddress) c.localAddress();
          return new NettyServerHandle(c, invoker, null, IpAddresses.info(bound, ipv6));
        },
        t -> UvError.listen(t, host, port),
        callback);
  }

  /**
   * The listen error of {@code e}, thrown while the listening socket {@code ch} (null if none yet)
   * was opened or its options set: an I/O failure is the error of its errno, as libuv's {@code
   * socket()} or {@code setsockopt()} failing ({@code EMFILE}, {@code EAFNOSUPPORT} where the host
   * has no IPv6); anything else is no listen error and is thrown, {@code ch} closed.
   */
  private static JnetException openFailure(
      Channel ch, RuntimeException e, Function<Throwable, JnetException> error) {
    if (ThrowableCodes.isIoFailure(e)) return error.apply(e);
    if (ch != null) ch.unsafe().closeForcibly();
    throw e;
  }

  /**
   * Sets {@code IPV6_V6ONLY} on the native socket of an epoll or io_uring server channel not yet
   * bound, as libuv does for {@code UV_TCP_IPV6ONLY}: Netty's io_uring config has no raw option, so
   * the option is set on the descriptor itself, on either transport.
   */
  private static void setIpv6Only(ServerChannel ch) {
    Socket socket = (Socket) ((UnixChannel) ch).fd();
    try {
      socket.setIntOpt(IPPROTO_IPV6, IPV6_V6ONLY, 1);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  /**
   * Sets {@code SO_REUSEPORT} on a TCP server channel not yet bound: the native option on epoll and
   * io_uring, the JDK's {@link StandardSocketOptions#SO_REUSEPORT} on NIO where the JDK offers it.
   * False when this system has none.
   */
  private static boolean setReusePort(ServerChannel ch) {
    if (ch instanceof NioTcpServerChannel nio) return nio.reusePort();
    return ch.config().setOption(UnixChannelOption.SO_REUSEPORT, true);
  }

  /** Listens on the Unix domain socket {@code path}. Loop thread only. */
  static void listenPipe(
      EventLoop loop,
      Invoker invoker,
      String path,
      int backlog,
      boolean readableAll,
      boolean writableAll,
      ServerListener listener,
      ListenCallback callback) {
    assert loop.inEventLoop() : "not on the loop thread";
    Transport transport = Channels.transportOf(loop);
    boolean abstractName = Channels.isAbstract(path);
    if (abstractName && transport == Transport.NIO) {
      callback.done(null, UvError.listen("EINVAL", path, -1, null));
      return;
    }
    if (!abstractName && UnixPaths.unusable(path)) {
      callback.done(null, UvError.listen("EINVAL", path, -1, null));
      return;
    }
    if (!abstractName && Files.exists(Paths.get(path), LinkOption.NOFOLLOW_LINKS)) {
      // Netty's native bind unlinks an existing file first; libuv (and so Node) fails instead.
      callback.done(null, UvError.listen("EADDRINUSE", path, -1, null));
      return;
    }
    ServerChannel ch;
    try {
      ch = Channels.newServerDomainSocket(transport);
    } catch (RuntimeException e) {
      callback.done(null, openFailure(null, e, t -> UvError.listen(t, path, -1)));
      return;
    }
    UnixPaths.Alias alias = abstractName ? null : UnixPaths.alias(path);
    bind(
        ch,
        new Acceptor(loop, invoker, transport, false, true, listener),
        backlog,
        Channels.domainAddress(transport, alias == null ? path : alias.path),
        loop,
        invoker,
        c -> {
          if (!abstractName) chmod(path, readableAll, writableAll);
          return new NettyServerHandle(c, invoker, path, null);
        },
        t -> UvError.listen(t, path, -1),
        (server, error) -> {
          if (alias != null) alias.remove();
          callback.done(server, error);
        });
  }

  /**
   * Registers {@code ch} and binds it; on the loop thread both happen before this returns (Netty
   * runs them inline there), and so does {@code callback}. Were either left for later, the callback
   * would run later, through the invoker.
   *
   * <p>A throwable that is no listen error (a bug, an {@code Error}, or one {@code callback}
   * throws) is thrown by this call, the listening socket closed unless {@code callback} had it:
   * inside Netty's listeners it would be logged and dropped, leaving the listen with no outcome.
   */
  private static void bind(
      ServerChannel ch,
      Acceptor acceptor,
      int backlog,
      SocketAddress local,
      EventLoop loop,
      Invoker invoker,
      Function<Channel, NettyServerHandle> made,
      Function<Throwable, JnetException> error,
      ListenCallback callback) {
    ch.config().setOption(ChannelOption.SO_BACKLOG, backlog > 0 ? backlog : 511);
    ch.pipeline().addLast(new AcceptGuard(invoker, acceptor.listener), acceptor);
    boolean[] returned = new boolean[1];
    Throwable[] thrown = new Throwable[1];
    ListenCallback done =
        (server, e) -> {
          if (returned[0]) {
            invoker.invoke(() -> callback.done(server, e));
          } else {
            callback.done(server, e);
          }
        };
    loop.register(ch)
        .addListener(
            (ChannelFuture r) -> {
              if (!r.isSuccess()) {
                ch.unsafe().closeForcibly();
                guarded(
                    () -> done.done(null, listenError(r.cause(), error)),
                    returned,
                    thrown,
                    invoker);
                return;
              }
              ch.bind(local)
                  .addListener(
                      (ChannelFuture f) ->
                          guarded(
                              () -> bound(ch, f, made, error, done), returned, thrown, invoker));
            });
    returned[0] = true;
    if (thrown[0] != null) rethrow(thrown[0]);
  }

  /** The bind's outcome, handed to {@code done}. */
  private static void bound(
      ServerChannel ch,
      ChannelFuture f,
      Function<Channel, NettyServerHandle> made,
      Function<Throwable, JnetException> error,
      ListenCallback done) {
    if (!f.isSuccess()) {
      JnetException e;
      try {
        e = listenError(f.cause(), error);
      } finally {
        ch.close();
      }
      done.done(null, e);
      return;
    }
    NettyServerHandle server;
    try {
      server = made.apply(ch);
    } catch (JnetException e) {
      ch.close();
      done.done(null, e);
      return;
    } catch (RuntimeException | Error t) {
      ch.close(); // no handle holds it
      throw t;
    }
    done.done(server, null);
  }

  /**
   * The listen error of {@code cause}, a failed registration or bind: an I/O failure is the error
   * of its errno; anything else (a bug in jnet) is thrown, as {@link #bind} says, never posing as
   * an OS error.
   */
  static JnetException listenError(Throwable cause, Function<Throwable, JnetException> error) {
    if (ThrowableCodes.isIoFailure(cause)) return error.apply(cause);
    if (cause instanceof RuntimeException || cause instanceof Error) rethrow(cause);
    return error.apply(cause); // a checked exception that is no IOException: Netty wraps none such
  }

  /**
   * Runs {@code body} inside a Netty listener: what it throws is kept for the listen call to throw,
   * or, once the call returned, thrown through the invoker (the loop's uncaught handler).
   */
  static void guarded(Runnable body, boolean[] returned, Throwable[] thrown, Invoker invoker) {
    try {
      body.run();
    } catch (RuntimeException | Error t) {
      if (returned[0]) {
        invoker.invoke(() -> rethrow(t));
      } else if (thrown[0] == null) {
        thrown[0] = t;
      }
    }
  }

  static void rethrow(Throwable t) {
    if (t instanceof RuntimeException r) throw r;
    throw (Error) t;
  }

  /**
   * Last handler of a listening channel: registers each accepted channel, not reading, as a new
   * {@link NettyStreamHandle} that {@code listener} receives once it is registered: with the
   * listening loop, or with the loop {@link ServerListener#connectionLoop()} names, on that loop's
   * thread.
   */
  static final class Acceptor extends ChannelInboundHandlerAdapter {
    private final EventLoop loop;
    private final Invoker invoker;
    private final Transport transport;
    private final boolean ipv6;
    private final boolean pipe;
    final ServerListener listener;

    Acceptor(
        EventLoop loop,
        Invoker invoker,
        Transport transport,
        boolean ipv6,
        boolean pipe,
        ServerListener listener) {
      this.loop = loop;
      this.invoker = invoker;
      this.transport = transport;
      this.ipv6 = ipv6;
      this.pipe = pipe;
      this.listener = listener;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel child = (Channel) msg;
      child.config().setAutoRead(false);
      ConnectionLoop target = listener.connectionLoop();
      if (target == null) {
        register(child, loop, invoker);
        return;
      }
      // Registered from the target loop's own thread, Netty registers inline and the channel
      // becomes active (so onConnection runs) inside this one task.
      target.handOver().execute(() -> register(child, target.netty(), target.invoker()));
    }

    private void register(Channel child, EventLoop on, Invoker upcalls) {
      // The handle joins the pipeline before registration (no initializer to add and remove per
      // connection) and hears of the registration itself: nothing else is made per connection.
      ServerListener l = listener;
      NettyStreamHandle handle =
          new NettyStreamHandle(child, on, transport, upcalls, ipv6, pipe, l.noDelay(), l);
      if (l.readsAtOnce()) handle.readOnRegistration();
      handle.registerAccepted();
    }
  }

  /**
   * Node's {@code readableAll}/{@code writableAll}: sets the socket file's mode to read (write)
   * permission for everyone and nothing else, as Node 24's libuv {@code uv_pipe_chmod} does (both:
   * {@code 0666}); a failure is {@code uv_pipe_chmod EPERM}.
   */
  private static void chmod(String path, boolean readableAll, boolean writableAll) {
    if (!readableAll && !writableAll) return;
    try {
      Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
      if (readableAll) mode.addAll(List.of(OWNER_READ, GROUP_READ, OTHERS_READ));
      if (writableAll) mode.addAll(List.of(OWNER_WRITE, GROUP_WRITE, OTHERS_WRITE));
      Files.setPosixFilePermissions(Paths.get(path), mode);
    } catch (IOException | RuntimeException e) {
      throw UvError.stream(e, "uv_pipe_chmod");
    }
  }

  @Override
  public AddressInfo address() {
    return address;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void close(Callback callback) {
    assert channel.eventLoop().inEventLoop() : "not on the loop thread";
    Selector selector = nioSelector(channel);
    // At the call, as uv_close unlinks: io_uring completes a listening channel's close later.
    if (path != null && !Channels.isAbstract(path)) removeSocketFile();
    Channels.stopListening(Channels.transportOf(channel.eventLoop()), channel);
    io.jnet.loop.EventLoop owner = LoopEngine.currentOwner();
    ChannelFuture closed = channel.close();
    // As libuv's loop lives while a handle closes: io_uring completes the close only once the ring
    // has cancelled the pending accept, turns later, and a loop found idle meanwhile could be shut
    // down under the close (its callback then rejected, Netty's own tasks too).
    KeepAlive closing = closed.isDone() || owner == null ? null : owner.keepAlive();
    closed.addListener(f -> afterClose(callback, closing));
    // libuv closes the descriptor in uv_close: no connection can reach the server after close().
    if (selector != null && owner != null) LoopEngine.of(owner).releaseClosedChannels(selector);
  }

  /**
   * Runs {@code callback} on a later task, as libuv runs a close callback after {@code uv_close}
   * returns, then lets the loop go. A loop stopped before (the only way the task is refused) runs
   * nothing any more, so the callback is dropped there, and nothing is logged.
   */
  private void afterClose(Callback callback, KeepAlive closing) {
    Runnable done =
        () -> {
          try {
            invoker.invoke(() -> callback.done(null));
          } finally {
            if (closing != null) closing.close();
          }
        };
    try {
      channel.eventLoop().execute(done);
    } catch (RejectedExecutionException e) {
      if (closing != null) closing.close();
    }
  }

  /** NIO's selector of a listening channel, or null on another transport. */
  private static Selector nioSelector(Channel channel) {
    SelectionKey key = null;
    if (channel instanceof NioTcpServerChannel tcp) key = tcp.key();
    if (channel instanceof NioUnixServerChannel unix) key = unix.key();
    return key == null ? null : key.selector();
  }

  /** Netty's NIO server socket, with the selection key that {@link #close} needs. */
  private static final class NioTcpServerChannel extends NioServerSocketChannel {
    NioTcpServerChannel(boolean ipv6) {
      super(
          SelectorProvider.provider(),
          ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET);
    }

    SelectionKey key() {
      return selectionKey();
    }

    /** Sets the JDK's {@code SO_REUSEPORT}; false where the JDK does not offer it. */
    boolean reusePort() {
      ServerSocketChannel jdk = javaChannel();
      if (!jdk.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) return false;
      try {
        jdk.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        return true;
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
  }

  private void removeSocketFile() {
    try {
      Files.deleteIfExists(Paths.get(path));
    } catch (IOException | RuntimeException e) {
      // the transport removes the file too; a file that cannot be removed stays, as in Node
    }
  }

  @Override
  public boolean isClosed() {
    return !channel.isOpen();
  }
}
