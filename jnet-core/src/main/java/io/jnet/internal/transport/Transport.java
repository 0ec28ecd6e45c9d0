package io.jnet.internal.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;

/**
 * The Netty transport jnet runs on: the I/O handler of its loops and its listening TCP channel
 * class (the handle layer makes its own channels: see {@code io.jnet.internal.net.Channels}).
 *
 * <p>Chosen once per JVM by {@link #current()}: the system property {@code jnet.transport} ({@code
 * nio}, {@code epoll}, {@code io_uring}, or {@code auto}, the default) forces one; {@code auto}
 * takes epoll where its native library loads and NIO otherwise, quietly. {@code io_uring} falls
 * back to NIO, with one log line, where the kernel or the class path refuses it; {@code epoll}
 * refuses to start where epoll does not load. Every loop and channel of one JVM uses the same
 * transport, because a channel can only register with a loop of its own kind.
 */
public enum Transport {
  NIO("nio") {
    @Override
    public IoHandlerFactory newIoHandlerFactory() {
      return NioIoHandler.newFactory();
    }

    @Override
    public Class<? extends ServerChannel> serverSocketChannel() {
      return NioServerSocketChannel.class;
    }
  },

  EPOLL("epoll") {
    @Override
    public IoHandlerFactory newIoHandlerFactory() {
      return EpollIoHandler.newFactory();
    }

    @Override
    public Class<? extends ServerChannel> serverSocketChannel() {
      return EpollServerSocketChannel.class;
    }
  },

  IO_URING("io_uring") {
    @Override
    public IoHandlerFactory newIoHandlerFactory() {
      return IoUringIoHandler.newFactory();
    }

    @Override
    public Class<? extends ServerChannel> serverSocketChannel() {
      return IoUringServerSocketChannel.class;
    }
  };

  /**
   * The property that forces a transport: {@code nio}, {@code epoll}, {@code io_uring}, {@code
   * auto}.
   */
  public static final String PROPERTY = "jnet.transport";

  private static final System.Logger LOG = System.getLogger("io.jnet.transport");

  private static volatile Transport current;

  private final String id;

  Transport(String id) {
    this.id = id;
  }

  /**
   * The transport's name as {@link #PROPERTY} spells it: {@code nio}, {@code epoll}, {@code
   * io_uring}.
   */
  public String id() {
    return id;
  }

  /** A new factory for the I/O handler of one loop thread. */
  public abstract IoHandlerFactory newIoHandlerFactory();

  /** The class of a listening TCP channel. */
  public abstract Class<? extends ServerChannel> serverSocketChannel();

  /** The transport of this JVM, chosen on first use. */
  public static Transport current() {
    Transport t = current;
    if (t == null) {
      synchronized (Transport.class) {
        t = current;
        if (t == null) current = t = choose(System.getProperty(PROPERTY, "auto"));
      }
    }
    return t;
  }

  static Transport choose(String wanted) {
    switch (wanted.trim().toLowerCase(Locale.ROOT)) {
      case "nio":
        return NIO;
      case "epoll":
        String epollRefusal = epollRefusal();
        if (epollRefusal != null) {
          throw new IllegalStateException(
              "-Djnet.transport=epoll but epoll is not available: " + epollRefusal);
        }
        return EPOLL;
      case "io_uring":
      case "iouring":
      case "io-uring":
        String uringRefusal = ioUringRefusal();
        if (uringRefusal == null) return IO_URING;
        LOG.log(
            System.Logger.Level.WARNING,
            "jnet: -Djnet.transport=io_uring but io_uring is not available ("
                + uringRefusal
                + "); running on NIO");
        return NIO;
      case "":
      case "auto":
        return epollRefusal() == null ? EPOLL : NIO;
      default:
        throw new IllegalArgumentException(
            "-Djnet.transport must be nio, epoll, io_uring or auto: " + wanted);
    }
  }

  /** Why epoll cannot run here, or null when it can. */
  private static String epollRefusal() {
    try {
      return Epoll.isAvailable() ? null : String.valueOf(Epoll.unavailabilityCause());
    } catch (LinkageError e) {
      // classes or native library missing: auto falls back to NIO quietly
      return "io.netty:netty-transport-classes-epoll is not on the class path (" + e + ")";
    }
  }

  /** Why io_uring cannot run here (kernel, seccomp, missing jar), or null when it can. */
  private static String ioUringRefusal() {
    try {
      return IoUring.isAvailable() ? null : String.valueOf(IoUring.unavailabilityCause());
    } catch (LinkageError e) {
      return "io.netty:netty-transport-classes-io_uring is not on the class path (" + e + ")";
    }
  }
}
