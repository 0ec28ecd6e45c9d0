package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.transport.Transport;
import io.jnet.loop.EventLoop;
import io.jnet.net.AddressInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Adopts a socket someone else opened, by its file descriptor: Node's {@code listen({fd})} and
 * {@code new net.Socket({fd})}, systemd's socket activation in Java. Only epoll can: Netty's epoll
 * channels wrap a descriptor, the JDK's NIO channels cannot.
 *
 * <p>The descriptor is asked what it is ({@code getsockopt}) before it is wrapped: a listening
 * socket for a server, a stream socket for a socket; {@code AF_UNIX} makes a pipe handle, {@code
 * AF_INET}/{@code AF_INET6} a TCP one. From then on the handle owns the descriptor and closes it.
 */
public final class Adopt {
  private static final int SOL_SOCKET = 1;
  private static final int SO_TYPE = 3;
  private static final int SO_ACCEPTCONN = 30;
  private static final int SO_DOMAIN = 39;
  private static final int SOCK_STREAM = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int AF_UNIX = 1;
  private static final int AF_INET6 = 10;

  /**
   * The descriptors adopted by sockets and not closed since. Node refuses a descriptor its loop
   * watches already ({@code open EEXIST}); jnet refuses one a socket adopted already, on any loop,
   * even one not connected yet (libuv watches it only once it reads).
   */
  private static final java.util.Set<Integer> ADOPTED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Adopt() {}

  /** Whether the transport of this JVM's loops can adopt a descriptor. */
  public static boolean available() {
    return Transport.current() == Transport.EPOLL;
  }

  /**
   * Loop thread only: listens on the stream socket {@code fd}, listening already or not yet (a
   * bound one is made to listen with {@code backlog}, as libuv's {@code uv_listen} does in Node
   * 24).
   *
   * <p>As Node 24: a descriptor that is no stream socket (a file, a datagram socket, nothing open)
   * fails with {@code listen EINVAL} and is left as it was; from the moment it is known for a
   * stream socket the server owns it, so a failed {@code listen(2)} (an unbound Unix socket: {@code
   * listen EINVAL}) is the listen error of its errno and closes the descriptor, as Node closes the
   * handle. A throwable that is no I/O failure is thrown at the call, the descriptor closed.
   */
  public static void listen(
      EventLoop loop, int fd, int backlog, ServerListener listener, ListenCallback done) {
    io.netty.channel.EventLoop netty = LoopEngine.of(loop).netty();
    Invoker invoker = NetBridge.invoker(loop);
    Socket probe;
    int domain;
    try {
      probe = new Socket(fd); // asks getsockname: fails for no socket
      if (probe.getIntOpt(SOL_SOCKET, SO_TYPE) != SOCK_STREAM) {
        done.done(null, UvError.listen("EINVAL", null, -1, null));
        return;
      }
      domain = probe.getIntOpt(SOL_SOCKET, SO_DOMAIN);
    } catch (IOException | ChannelException e) {
      // Node's uv_guess_handle finds no socket there: EINVAL, and the descriptor is not Node's.
      done.done(null, UvError.listen("EINVAL", null, -1, e));
      return;
    }
    boolean pipe = domain == AF_UNIX;
    boolean ipv6 = domain == AF_INET6;
    ServerChannel ch;
    try {
      if (probe.getIntOpt(SOL_SOCKET, SO_ACCEPTCONN) != 1) probe.listen(backlog);
      ch = pipe ? new EpollServerDomainSocketChannel(fd) : new EpollServerSocketChannel(fd);
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(probe); // the server's now, as Node's handle.close() after a failed listen
      if (!ThrowableCodes.isIoFailure(e)) NettyServerHandle.rethrow(e);
      done.done(null, UvError.listen(e, null, -1));
      return;
    }
    register(ch, netty, invoker, ipv6, pipe, listener, done);
  }

  /**
   * Registers the adopted server channel {@code ch} and hands its handle to {@code done}; on the
   * loop Netty registers inline, so what {@code done} throws, or a failure that is no I/O failure,
   * is thrown here, {@code ch} closed, not dropped inside Netty's listener.
   */
  private static void register(
      ServerChannel ch,
      io.netty.channel.EventLoop netty,
      Invoker invoker,
      boolean ipv6,
      boolean pipe,
      ServerListener listener,
      ListenCallback done) {
    NettyServerHandle.Acceptor acceptor =
        new NettyServerHandle.Acceptor(netty, invoker, Transport.EPOLL, ipv6, pipe, listener);
    ch.pipeline().addLast(new AcceptGuard(invoker, listener), acceptor);
    boolean[] returned = new boolean[1];
    Throwable[] thrown = new Throwable[1];
    netty
        .register(ch)
        .addListener(
            (ChannelFuture r) ->
                NettyServerHandle.guarded(
                    () -> registered(ch, r, invoker, ipv6, pipe, done), returned, thrown, invoker));
    returned[0] = true;
    if (thrown[0] != null) NettyServerHandle.rethrow(thrown[0]);
  }

  private static void registered(
      ServerChannel ch,
      ChannelFuture r,
      Invoker invoker,
      boolean ipv6,
      boolean pipe,
      ListenCallback done) {
    if (!r.isSuccess()) {
      ch.unsafe().closeForcibly();
      done.done(null, NettyServerHandle.listenError(r.cause(), t -> UvError.listen(t, null, -1)));
      return;
    }
    AddressInfo address;
    try {
      InetSocketAddress local = pipe ? null : (InetSocketAddress) ch.localAddress();
      address = local == null ? null : IpAddresses.info(local, ipv6);
    } catch (RuntimeException | Error e) {
      ch.close(); // no handle holds it
      throw e;
    }
    done.done(new NettyServerHandle(ch, invoker, null, address), null);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed already: nothing leaks
    }
  }

  /**
   * Wraps the stream socket {@code fd} as a handle of {@code loop}, registered there before its
   * listener is called; any thread. A socket bound but not connected yet is connected later by
   * {@link NetBridge#connectPath(EventLoop, StreamHandle, String, ConnectCallback)} or {@link
   * NetBridge#connectTcp(EventLoop, StreamHandle, String, int, String, int,
   * java.util.function.BooleanSupplier, ConnectCallback)} on this handle, as libuv connects the
   * handle {@code uv_pipe_open} or {@code uv_tcp_open} made.
   *
   * @throws JnetException {@code ERR_INVALID_FD_TYPE} for a descriptor that is no stream socket,
   *     with Node's word for what it is; {@code open EEXIST} for one a socket adopted already
   */
  public static StreamHandle socket(EventLoop loop, int fd) {
    if (!ADOPTED.add(fd)) {
      // A descriptor watched already: Node 24's uv_tcp_open/uv_pipe_open answer. Netty would add
      // it to epoll a second time, fail, and close the descriptor under its first socket.
      throw UvError.stream("EEXIST", "open", null);
    }
    try {
      return wrap(loop, fd);
    } catch (RuntimeException e) {
      ADOPTED.remove(fd);
      throw e;
    }
  }

  private static StreamHandle wrap(EventLoop loop, int fd) {
    int domain;
    try {
      Socket probe = new Socket(fd);
      int type = probe.getIntOpt(SOL_SOCKET, SO_TYPE);
      if (type != SOCK_STREAM) throw fdType(type == SOCK_DGRAM ? "UDP" : "UNKNOWN");
      domain = probe.getIntOpt(SOL_SOCKET, SO_DOMAIN);
    } catch (IOException | ChannelException e) {
      throw fdType(kindOf(fd)); // ENOTSOCK: a file, a pipe or a terminal; EBADF: nothing open
    }
    boolean pipe = domain == AF_UNIX;
    boolean ipv6 = domain == AF_INET6;
    io.netty.channel.EventLoop netty = LoopEngine.of(loop).netty();
    Channel ch = pipe ? new EpollDomainSocketChannel(fd) : new EpollSocketChannel(fd);
    NettyStreamHandle handle =
        new NettyStreamHandle(
            ch, netty, Transport.EPOLL, NetBridge.invoker(loop), ipv6, pipe, false, null);
    ch.closeFuture().addListener(f -> ADOPTED.remove(fd));
    netty
        .register(ch)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) ch.unsafe().closeForcibly();
            });
    return handle;
  }

  /** What an adopted descriptor is: a {@code connect()} or a read of it depends on it. */
  public enum State {
    /** Bound or not, neither listening nor connected: libuv's connect(2) runs on it. */
    UNCONNECTED,
    /** Listening: Linux's connect(2) answers {@code EISCONN} at once. */
    LISTENING,
    /** Connected already: libuv 1.52's connect reports success and the peer stays the same. */
    CONNECTED
  }

  /** Loop thread only: the state of {@code adopted}'s descriptor, a handle {@link #socket} made. */
  public static State state(StreamHandle adopted) {
    Socket s = probe(adopted);
    try {
      if (s.getIntOpt(SOL_SOCKET, SO_ACCEPTCONN) == 1) return State.LISTENING;
      Object peer = adopted.isPipe() ? s.remoteDomainSocketAddress() : s.remoteAddress();
      return peer != null ? State.CONNECTED : State.UNCONNECTED;
    } catch (IOException | ChannelException e) {
      return State.UNCONNECTED; // the connect itself reports what is wrong
    }
  }

  /**
   * Loop thread only: what {@code getsockname} says of {@code adopted}'s TCP descriptor, as Node
   * prints it after {@code Local}: {@code 127.0.0.1:5000}, {@code 0.0.0.0:0} when not bound.
   */
  public static String localDetails(StreamHandle adopted) {
    try {
      InetSocketAddress local = probe(adopted).localAddress();
      if (local == null) return "undefined:undefined";
      return IpAddresses.info(local, local.getAddress() instanceof java.net.Inet6Address).address()
          + ":"
          + local.getPort();
    } catch (RuntimeException e) {
      return "undefined:undefined"; // Node's getsockname failed: it prints its empty answer
    }
  }

  /** A view of the descriptor of {@code adopted}; closing it is the handle's business. */
  private static Socket probe(StreamHandle adopted) {
    Channel ch = ((NettyStreamHandle) adopted).channel();
    return new Socket(((io.netty.channel.unix.UnixChannel) ch).fd().intValue());
  }

  /**
   * What libuv's {@code uv_guess_handle} calls a descriptor that is no socket, from what {@code
   * /proc/self/fd} says of it: {@code TTY} for a terminal, {@code FILE} for a file or another
   * character device, {@code UNKNOWN} for nothing open or anything else. A pipe or FIFO, which Node
   * adopts as a pipe socket, is {@code PIPE}: Netty's epoll channels read with socket calls only.
   */
  private static String kindOf(int fd) {
    java.nio.file.Path link = java.nio.file.Path.of("/proc/self/fd/" + fd);
    try {
      int type = (Integer) java.nio.file.Files.getAttribute(link, "unix:mode") & 0170000;
      if (type == 0010000) return "PIPE";
      if (type == 0100000) return "FILE";
      if (type != 0020000) return "UNKNOWN";
      String device = java.nio.file.Files.readSymbolicLink(link).toString();
      boolean terminal =
          device.startsWith("/dev/pts/")
              || device.startsWith("/dev/tty")
              || device.equals("/dev/ptmx")
              || device.equals("/dev/console");
      return terminal ? "TTY" : "FILE";
    } catch (IOException | RuntimeException e) {
      return "UNKNOWN";
    }
  }

  /** Node's error for a descriptor of the wrong kind: {@code Unsupported fd type: FILE}. */
  public static JnetException fdType(String type) {
    return JnetException.typeError("ERR_INVALID_FD_TYPE", "Unsupported fd type: " + type);
  }

  /** The error where the transport cannot adopt a descriptor (NIO, io_uring). */
  public static JnetException unavailable(String what) {
    return new JnetException(
        "TypeError",
        "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
        "The feature "
            + what
            + " is unavailable on the current platform: the "
            + Transport.current().id()
            + " transport cannot adopt a file descriptor (epoll can)",
        0,
        null,
        null,
        -1,
        null);
  }
}
