package io.jnet.internal.net;

import static io.netty.channel.ChannelOption.ALLOW_HALF_CLOSURE;
import static io.netty.channel.ChannelOption.IP_TOS;
import static io.netty.channel.ChannelOption.SO_KEEPALIVE;
import static io.netty.channel.ChannelOption.SO_LINGER;
import static io.netty.channel.ChannelOption.SO_RCVBUF;
import static io.netty.channel.ChannelOption.SO_REUSEADDR;
import static io.netty.channel.ChannelOption.SO_SNDBUF;
import static io.netty.channel.ChannelOption.TCP_NODELAY;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.channel.socket.nio.NioChannelOption;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * The config of a {@link NioUnixChannel}: a {@link SocketChannelConfig}, so that Netty's NIO byte
 * channel honours {@link #isAllowHalfClosure()}.
 *
 * <p>Which options mean something: {@code SO_SNDBUF}, {@code SO_RCVBUF} and {@code SO_LINGER} are
 * the socket's own, through the JDK; a {@link NioChannelOption} reaches any other option the JDK's
 * Unix socket supports ({@code SO_PEERCRED}). The TCP-only ones ({@code TCP_NODELAY}, {@code
 * SO_KEEPALIVE}, {@code IP_TOS}, {@code SO_REUSEADDR}, performance preferences) are accepted and
 * ignored, as the kernel has no such thing for a Unix socket; their getters answer the defaults.
 */
final class NioUnixChannelConfig extends DefaultChannelConfig implements SocketChannelConfig {
  /** Attempts smaller than this never shrink the gathering limit. */
  private static final int SHRINK_THRESHOLD = 4096;

  private final NioUnixChannel unixChannel;
  private final SocketChannel socket;

  /** Any thread. */
  private volatile boolean allowHalfClosure;

  /** The most bytes one gathering write attempts; loop thread writes, any thread reads. */
  private volatile int maxBytesPerWrite = Integer.MAX_VALUE;

  NioUnixChannelConfig(NioUnixChannel channel, SocketChannel socket) {
    super(channel);
    this.unixChannel = channel;
    this.socket = socket;
    fitWritesToSendBuffer();
  }

  // Generic option access.

  @Override
  public Map<ChannelOption<?>, Object> getOptions() {
    return getOptions(
        super.getOptions(),
        ALLOW_HALF_CLOSURE,
        SO_SNDBUF,
        SO_RCVBUF,
        SO_LINGER,
        TCP_NODELAY,
        SO_KEEPALIVE,
        IP_TOS,
        SO_REUSEADDR);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getOption(ChannelOption<T> option) {
    if (option == ALLOW_HALF_CLOSURE) return (T) Boolean.valueOf(isAllowHalfClosure());
    if (option == SO_SNDBUF) return (T) Integer.valueOf(getSendBufferSize());
    if (option == SO_RCVBUF) return (T) Integer.valueOf(getReceiveBufferSize());
    if (option == SO_LINGER) return (T) Integer.valueOf(getSoLinger());
    if (option == TCP_NODELAY) return (T) Boolean.valueOf(isTcpNoDelay());
    if (option == SO_KEEPALIVE) return (T) Boolean.valueOf(isKeepAlive());
    if (option == IP_TOS) return (T) Integer.valueOf(getTrafficClass());
    if (option == SO_REUSEADDR) return (T) Boolean.valueOf(isReuseAddress());
    if (option instanceof NioChannelOption) {
      SocketOption<T> jdk = jdkOption(option);
      return jdk == null ? null : get(jdk);
    }
    return super.getOption(option);
  }

  @Override
  public <T> boolean setOption(ChannelOption<T> option, T value) {
    validate(option, value);
    if (option == ALLOW_HALF_CLOSURE) {
      setAllowHalfClosure((Boolean) value);
    } else if (option == SO_SNDBUF) {
      setSendBufferSize((Integer) value);
    } else if (option == SO_RCVBUF) {
      setReceiveBufferSize((Integer) value);
    } else if (option == SO_LINGER) {
      setSoLinger((Integer) value);
    } else if (option == TCP_NODELAY
        || option == SO_KEEPALIVE
        || option == IP_TOS
        || option == SO_REUSEADDR) {
      return true; // TCP's: nothing to set on a Unix socket
    } else if (option instanceof NioChannelOption) {
      SocketOption<T> jdk = jdkOption(option);
      if (jdk == null) return false;
      set(jdk, value);
    } else {
      return super.setOption(option, value);
    }
    return true;
  }

  /** The JDK option of the socket that a {@link NioChannelOption} names, or null if none. */
  @SuppressWarnings("unchecked")
  private <T> SocketOption<T> jdkOption(ChannelOption<T> option) {
    for (SocketOption<?> o : socket.supportedOptions()) {
      if (o.name().equals(option.name())) return (SocketOption<T>) o;
    }
    return null;
  }

  private <T> T get(SocketOption<T> option) {
    try {
      return socket.getOption(option);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  private <T> void set(SocketOption<T> option, T value) {
    try {
      socket.setOption(option, value);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  // The socket's own options.

  @Override
  public boolean isAllowHalfClosure() {
    return allowHalfClosure;
  }

  @Override
  public NioUnixChannelConfig setAllowHalfClosure(boolean allowHalfClosure) {
    this.allowHalfClosure = allowHalfClosure;
    return this;
  }

  @Override
  public int getSendBufferSize() {
    return get(StandardSocketOptions.SO_SNDBUF);
  }

  @Override
  public NioUnixChannelConfig setSendBufferSize(int sendBufferSize) {
    set(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
    fitWritesToSendBuffer();
    return this;
  }

  @Override
  public int getReceiveBufferSize() {
    return get(StandardSocketOptions.SO_RCVBUF);
  }

  @Override
  public NioUnixChannelConfig setReceiveBufferSize(int receiveBufferSize) {
    set(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
    return this;
  }

  @Override
  public int getSoLinger() {
    return get(StandardSocketOptions.SO_LINGER);
  }

  @Override
  public NioUnixChannelConfig setSoLinger(int soLinger) {
    set(StandardSocketOptions.SO_LINGER, soLinger);
    return this;
  }

  // TCP's options: accepted, ignored.

  @Override
  public boolean isTcpNoDelay() {
    return false;
  }

  @Override
  public NioUnixChannelConfig setTcpNoDelay(boolean tcpNoDelay) {
    return this;
  }

  @Override
  public boolean isKeepAlive() {
    return false;
  }

  @Override
  public NioUnixChannelConfig setKeepAlive(boolean keepAlive) {
    return this;
  }

  @Override
  public int getTrafficClass() {
    return 0;
  }

  @Override
  public NioUnixChannelConfig setTrafficClass(int trafficClass) {
    return this;
  }

  @Override
  public boolean isReuseAddress() {
    return false;
  }

  @Override
  public NioUnixChannelConfig setReuseAddress(boolean reuseAddress) {
    return this;
  }

  @Override
  public NioUnixChannelConfig setPerformancePreferences(
      int connectionTime, int latency, int bandwidth) {
    return this;
  }

  // Gathering writes.

  /** The most bytes the next gathering write should attempt. */
  int maxBytesPerWrite() {
    return maxBytesPerWrite;
  }

  /**
   * Fits the gathering limit to what the kernel took: a write taken whole may grow the limit to
   * twice its size; a big one taken less than half shrinks it to half. Loop thread only.
   */
  void wrote(long attempted, long written) {
    int limit = maxBytesPerWrite;
    if (written == attempted) {
      long doubled = attempted << 1;
      if (doubled > limit) maxBytesPerWrite = (int) Math.min(doubled, Integer.MAX_VALUE);
    } else if (attempted > SHRINK_THRESHOLD && written < attempted >>> 1) {
      maxBytesPerWrite = (int) (attempted >>> 1);
    }
  }

  /** Starts the gathering limit at twice the send buffer, room for a kernel that drains fast. */
  private void fitWritesToSendBuffer() {
    long limit = (long) getSendBufferSize() << 1;
    if (limit > 0) maxBytesPerWrite = (int) Math.min(limit, Integer.MAX_VALUE);
  }

  // Netty's generic options, with this config's type.

  @Override
  protected void autoReadCleared() {
    unixChannel.autoReadCleared();
  }

  @Override
  public NioUnixChannelConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
    super.setConnectTimeoutMillis(connectTimeoutMillis);
    return this;
  }

  @Override
  @Deprecated
  public NioUnixChannelConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
    super.setMaxMessagesPerRead(maxMessagesPerRead);
    return this;
  }

  @Override
  public NioUnixChannelConfig setWriteSpinCount(int writeSpinCount) {
    super.setWriteSpinCount(writeSpinCount);
    return this;
  }

  @Override
  public NioUnixChannelConfig setAllocator(ByteBufAllocator allocator) {
    super.setAllocator(allocator);
    return this;
  }

  @Override
  public NioUnixChannelConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
    super.setRecvByteBufAllocator(allocator);
    return this;
  }

  @Override
  public NioUnixChannelConfig setAutoRead(boolean autoRead) {
    super.setAutoRead(autoRead);
    return this;
  }

  @Override
  public NioUnixChannelConfig setAutoClose(boolean autoClose) {
    super.setAutoClose(autoClose);
    return this;
  }

  @Override
  public NioUnixChannelConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
    super.setMessageSizeEstimator(estimator);
    return this;
  }

  @Override
  public NioUnixChannelConfig setWriteBufferWaterMark(WriteBufferWaterMark writeBufferWaterMark) {
    super.setWriteBufferWaterMark(writeBufferWaterMark);
    return this;
  }
}
