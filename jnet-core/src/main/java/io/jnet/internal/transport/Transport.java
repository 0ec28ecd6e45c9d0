package io.jnet.internal.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;

/**
 * The Netty transport jnet runs on: the I/O handler of its loops and its listening TCP channel
 * class (the handle layer makes its own channels: see {@code io.jnet.internal.net.Channels}).
 *
 * <p>Chosen once per JVM by {@link #current()}: the system property {@code jnet.transport} ({@code
 * nio}, {@code epoll}, or {@code auto}, the default) forces one; {@code auto} takes epoll where its
 * native library loads and NIO otherwise, quietly. Every loop and channel of one JVM uses the same
 * transport, because a channel can only register with a loop of its own kind.
 */
public enum Transport {
  NIO {
    @Override
    public IoHandlerFactory newIoHandlerFactory() {
      return NioIoHandler.newFactory();
    }

    @Override
    public Class<? extends ServerChannel> serverSocketChannel() {
      return NioServerSocketChannel.class;
    }
  },

  EPOLL {
    @Override
    public IoHandlerFactory newIoHandlerFactory() {
      return EpollIoHandler.newFactory();
    }

    @Override
    public Class<? extends ServerChannel> serverSocketChannel() {
      return EpollServerSocketChannel.class;
    }
  };

  /** The property that forces a transport: {@code nio}, {@code epoll} or {@code auto}. */
  public static final String PROPERTY = "jnet.transport";

  private static volatile Transport current;

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
        if (!epollAvailable()) {
          throw new IllegalStateException(
              "-Djnet.transport=epoll but epoll is not available: " + Epoll.unavailabilityCause());
        }
        return EPOLL;
      case "":
      case "auto":
        return epollAvailable() ? EPOLL : NIO;
      default:
        throw new IllegalArgumentException(
            "-Djnet.transport must be nio, epoll or auto: " + wanted);
    }
  }

  private static boolean epollAvailable() {
    try {
      return Epoll.isAvailable();
    } catch (LinkageError e) {
      return false; // classes or native library missing: fall back to NIO quietly
    }
  }
}
