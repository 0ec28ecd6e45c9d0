package io.jnet.internal.net;

import static io.netty.channel.ChannelOption.SO_BACKLOG;

import io.netty.channel.ChannelException;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.ServerChannel;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.nio.AbstractNioMessageChannel;
import io.netty.channel.nio.NioIoOps;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A listening Unix domain socket on Netty's NIO transport whose accepted sockets are {@link
 * NioUnixChannel}s, which can stay open after the peer's end.
 *
 * <p>Closing removes the socket file this channel bound, as libuv's close of a pipe server unlinks
 * its path; a channel whose bind failed removes nothing, so a file that was already there (another
 * server's, or not a socket at all) is left alone.
 */
final class NioUnixServerChannel extends AbstractNioMessageChannel implements ServerChannel {
  /** No disconnect; up to 16 accepts per read, as Netty's own server channels. */
  private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);

  private final Config config = new Config();

  /** The file this channel bound, or null before a bind succeeded; loop thread writes. */
  private volatile Path boundFile;

  /** A new listening socket, not yet bound. */
  NioUnixServerChannel() {
    super(null, open(), NioIoOps.ACCEPT);
  }

  private static ServerSocketChannel open() {
    try {
      return ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      throw new ChannelException("cannot open a Unix domain server socket", e);
    }
  }

  /** The selection key, which a close needs to have the selector release the descriptor. */
  SelectionKey key() {
    return selectionKey();
  }

  @Override
  protected ServerSocketChannel javaChannel() {
    return (ServerSocketChannel) super.javaChannel();
  }

  @Override
  public DefaultChannelConfig config() {
    return config;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  @Override
  public boolean isActive() {
    // The JDK's isBound stays true after close, hence the flag and the open check.
    return isOpen() && boundFile != null;
  }

  @Override
  protected SocketAddress localAddress0() {
    try {
      return javaChannel().getLocalAddress();
    } catch (IOException e) {
      return null; // closed
    }
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return null;
  }

  @Override
  protected void doBind(SocketAddress localAddress) throws Exception {
    javaChannel().bind(localAddress, config.backlog);
    // The address the socket got, not the one asked for: an empty path binds a name of the JDK's.
    boundFile = ((UnixDomainSocketAddress) javaChannel().getLocalAddress()).getPath();
  }

  /**
   * Accepts one connection. A socket that cannot be wrapped is closed and reported as an I/O error,
   * which Netty's server read loop passes to the pipeline without closing the server.
   */
  @Override
  protected int doReadMessages(List<Object> buf) throws Exception {
    SocketChannel socket = javaChannel().accept();
    if (socket == null) return 0;
    try {
      buf.add(new NioUnixChannel(this, socket));
      return 1;
    } catch (RuntimeException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IOException("accepted socket unusable", e);
    }
  }

  @Override
  protected void doClose() throws Exception {
    try {
      super.doClose();
    } finally {
      javaChannel().close();
      Path file = boundFile;
      if (file != null) removeQuietly(file);
    }
  }

  private static void removeQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      // a file that cannot be removed stays, as in Node
    }
  }

  // A listening socket neither connects nor writes; Netty never asks it to.

  @Override
  protected boolean doConnect(SocketAddress remoteAddress, SocketAddress localAddress)
      throws Exception {
    throw new IOException("a listening Unix socket cannot connect");
  }

  @Override
  protected void doFinishConnect() throws Exception {
    throw new IOException("a listening Unix socket cannot connect");
  }

  @Override
  protected void doDisconnect() throws Exception {
    doClose();
  }

  @Override
  protected boolean doWriteMessage(Object msg, ChannelOutboundBuffer in) throws Exception {
    throw new IOException("a listening Unix socket cannot write");
  }

  /** The listening socket's config: Netty's generic options and {@code SO_BACKLOG}. */
  private final class Config extends DefaultChannelConfig {
    /** Read when binding; any thread. */
    volatile int backlog = 511;

    Config() {
      super(NioUnixServerChannel.this, new ServerChannelRecvByteBufAllocator());
    }

    @Override
    public Map<ChannelOption<?>, Object> getOptions() {
      return getOptions(super.getOptions(), SO_BACKLOG);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOption(ChannelOption<T> option) {
      if (option == SO_BACKLOG) return (T) Integer.valueOf(backlog);
      return super.getOption(option);
    }

    @Override
    public <T> boolean setOption(ChannelOption<T> option, T value) {
      if (option != SO_BACKLOG) return super.setOption(option, value);
      validate(option, value);
      int n = (Integer) value;
      if (n < 0) throw new IllegalArgumentException("backlog < 0: " + n);
      backlog = n;
      return true;
    }

    @Override
    protected void autoReadCleared() {
      clearReadPending();
    }
  }
}
