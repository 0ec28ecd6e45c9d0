package io.jnet.internal.net;

import io.jnet.internal.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.uring.IoUringDomainSocketChannel;
import io.netty.channel.uring.IoUringIoHandle;
import io.netty.channel.uring.IoUringServerDomainSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.spi.SelectorProvider;

/**
 * Makes the Netty channels of one loop's transport: TCP sockets of an explicit IP family, as libuv
 * opens an {@code AF_INET} socket for an IPv4 peer and {@code AF_INET6} for IPv6, and Unix domain
 * sockets.
 *
 * <p>Why an explicit family: both transports otherwise open IPv6 sockets whenever the machine has
 * IPv6, so an IPv4 client would be an IPv6 socket talking through a mapped address, unlike Node.
 */
final class Channels {
  private Channels() {}

  /** The transport whose channels can register with {@code loop}. */
  static Transport transportOf(EventLoop loop) {
    // Asked through the handles a loop accepts, so that a wrapping I/O handler (jnet's loop
    // engine wraps the transport's) answers for the transport it wraps.
    if (loop instanceof IoEventLoop io) {
      if (io.isCompatible(NioIoHandle.class)) return Transport.NIO;
      if (io.isCompatible(EpollIoHandle.class)) return Transport.EPOLL;
      if (ioUring(io)) return Transport.IO_URING;
    }
    // A jnet loop wraps its transport's handler to run Node's phases; its channels are the JVM's.
    return Transport.current();
  }

  /** True when {@code loop} takes io_uring channels; false where the io_uring jar is missing. */
  private static boolean ioUring(IoEventLoop loop) {
    try {
      return loop.isCompatible(IoUringIoHandle.class);
    } catch (LinkageError e) {
      return false;
    }
  }

  /**
   * True when the transport's channel closes at the peer's FIN instead of shutting its input down:
   * Netty 4.2.18's io_uring Unix channel, whose config is no {@code SocketChannelConfig}, the only
   * kind its {@code ALLOW_HALF_CLOSURE} check reads, unless {@link UnixHalfClosure} shut the input
   * down first. The stream handle then takes that close for the end of the stream.
   */
  static boolean closesAtPeerEnd(Transport transport, boolean pipe) {
    return pipe && transport == Transport.IO_URING;
  }

  /**
   * Stops {@code server} listening now, before its close: on io_uring Netty closes a listening
   * channel's descriptor only once its pending accept is cancelled, a loop turn later, and a
   * connect made meanwhile would be queued then reset ({@code ECONNRESET}) where libuv's {@code
   * uv_close} has it refused ({@code ECONNREFUSED}). {@code shutdown(SHUT_RD)} on a listening
   * socket stops it at once (the kernel refuses new connects and resets queued ones). Other
   * transports close within the call and need nothing. The accept then pending completes with
   * {@code EINVAL}, which Netty reports: see {@link #stoppedListening}.
   */
  static void stopListening(Transport transport, Channel server) {
    if (transport != Transport.IO_URING || !(server instanceof UnixChannel unix)) return;
    if (!(unix.fd() instanceof Socket socket) || !socket.isOpen()) return;
    try {
      socket.shutdown(true, false); // the channel's own socket, which notes it for stoppedListening
    } catch (IOException | RuntimeException e) {
      // not listening (any more): the close that follows is all there is to do
    }
  }

  /** True when {@link #stopListening} stopped {@code server}: its accept errors are the close's. */
  static boolean stoppedListening(Channel server) {
    return server instanceof UnixChannel unix
        && unix.fd() instanceof Socket socket
        && socket.isInputShutdown();
  }

  static Channel newSocket(Transport transport, boolean ipv6) {
    SocketProtocolFamily family = ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    switch (transport) {
      case EPOLL:
        return new EpollSocketChannel(family);
      case IO_URING:
        return new IoUringSocketChannel(); // Netty offers no family here: IPv6 where it can
      case NIO:
      default:
        return new NioSocketChannel(SelectorProvider.provider(), family);
    }
  }

  static ServerChannel newServerSocket(Transport transport, boolean ipv6) {
    SocketProtocolFamily family = ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    switch (transport) {
      case EPOLL:
        return new EpollServerSocketChannel(family);
      case IO_URING:
        return new IoUringServerSocketChannel();
      case NIO:
      default:
        return new NioServerSocketChannel(SelectorProvider.provider(), family);
    }
  }

  // One return per transport, never a conditional expression: the verifier of a newer JDK loads
  // both classes of a ?: to merge their types, and the epoll or io_uring jars may be absent.

  static Channel newDomainSocket(Transport transport) {
    switch (transport) {
      case EPOLL:
        return new EpollDomainSocketChannel();
      case IO_URING:
        return new IoUringDomainSocketChannel();
      case NIO:
      default:
        return new NioUnixChannel();
    }
  }

  static ServerChannel newServerDomainSocket(Transport transport) {
    switch (transport) {
      case EPOLL:
        return new EpollServerDomainSocketChannel();
      case IO_URING:
        return new IoUringServerDomainSocketChannel();
      case NIO:
      default:
        return new NioUnixServerChannel();
    }
  }

  /** True for a Linux abstract socket name: a path whose first character is NUL. */
  static boolean isAbstract(String path) {
    return !path.isEmpty() && path.charAt(0) == '\0';
  }

  /** The socket address of a Unix domain socket {@code path} in the transport's own type. */
  static SocketAddress domainAddress(Transport transport, String path) {
    return transport != Transport.NIO
        ? new DomainSocketAddress(path)
        : UnixDomainSocketAddress.of(path);
  }
}
