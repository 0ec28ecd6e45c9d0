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
      oneShotPollIn(); // for a loop made without current(), before Netty's io_uring loads
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

  /** Why this transport cannot run here, or null when it can (NIO always can). */
  public String refusal() {
    switch (this) {
      case EPOLL:
        return epollRefusal();
      case IO_URING:
        return ioUringRefusal();
      case NIO:
      default:
        return null;
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

  /**
   * Netty's switch for the multishot {@code POLL_ADD} its io_uring TCP channels wait on for
   * readable data; read once, when Netty's {@code IoUring} class loads.
   */
  static final String POLL_ADD_MULTISHOT = "io.netty.iouring.pollAddMultishotEnabled";

  /** Why io_uring cannot run here (kernel, seccomp, missing jar), or null when it can. */
  private static String ioUringRefusal() {
    boolean oneShot = oneShotPollIn();
    try {
      if (!IoUring.isAvailable()) return String.valueOf(IoUring.unavailabilityCause());
      if (oneShot && IoUring.isPollAddMultishotEnabled()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "jnet: Netty's io_uring was loaded before jnet could set -D"
                + POLL_ADD_MULTISHOT
                + "=false; a peer's reset may go unnoticed on a slow TCP reader");
      }
      return null;
    } catch (LinkageError e) {
      return "io.netty:netty-transport-classes-io_uring is not on the class path (" + e + ")";
    }
  }

  /**
   * Has Netty's io_uring TCP channels wait for readable data with a one-shot poll, unless the
   * application chose otherwise; true when it set the property ({@value #POLL_ADD_MULTISHOT}).
   *
   * <p>Why: Netty 4.2.18 keeps a multishot {@code POLLIN} armed across read loops, and io_uring's
   * multishot poll is edge-triggered. The wake-up of a peer's reset (or of anything that arrives
   * while a {@code recv} is in flight) posts its completion while that {@code recv} is scheduled,
   * where {@code AbstractIoUringChannel.pollIn} drops it; when the {@code recv} then finds the
   * receive queue empty ({@code IORING_CQE_F_SOCK_NONEMPTY} unset), {@code
   * AbstractIoUringStreamChannel.scheduleNextRead} ends the read loop, even after a {@code
   * POLLRDHUP}, and waits on a poll whose edge has passed: the pending {@code ECONNRESET} is never
   * read and the socket hangs open. A one-shot poll is armed anew at the end of every read loop and
   * checks the socket's state as it is armed, so it sees the reset. Netty's Unix channels use a
   * one-shot poll already.
   */
  private static boolean oneShotPollIn() {
    try {
      if (System.getProperty(POLL_ADD_MULTISHOT) != null) return false; // the application's choice
      System.setProperty(POLL_ADD_MULTISHOT, "false");
      return true;
    } catch (SecurityException e) {
      return false; // Netty's default stays
    }
  }
}
