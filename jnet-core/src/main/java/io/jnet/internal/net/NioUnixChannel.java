package io.jnet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.FileRegion;
import io.netty.channel.nio.AbstractNioByteChannel;
import io.netty.channel.nio.NioIoOps;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A Unix domain stream socket on Netty's NIO transport that stays open after the peer's end: the
 * JDK's {@code SocketChannel} of the {@code UNIX} family, as a Netty {@link DuplexChannel}.
 *
 * <p>Why not Netty's own {@code NioDomainSocketChannel}: Netty 4.2's NIO byte channel honours
 * {@code ALLOW_HALF_CLOSURE} only when the channel's config is a {@code SocketChannelConfig}, and
 * that channel's is not, so the peer's FIN closes it and whatever was still to be written is lost.
 * Node's {@code allowHalfOpen} needs the socket to keep writing after {@code 'end'}, as the epoll
 * transport's domain socket does. This channel's config ({@link NioUnixChannelConfig}) is a {@code
 * SocketChannelConfig}, so with half-closure allowed the peer's FIN shuts the input down and fires
 * {@code ChannelInputShutdownEvent}; the output stays open until {@link #shutdownOutput()} or
 * close.
 *
 * <p>Writes gather up to 1024 buffers into one {@code writev}, bounded by a byte limit that follows
 * what the kernel takes (see {@link NioUnixChannelConfig#wrote}).
 */
final class NioUnixChannel extends AbstractNioByteChannel implements DuplexChannel {
  private static final int MAX_GATHERED_BUFFERS = 1024;

  private final NioUnixChannelConfig config;

  /** Written on the loop thread, read from any. */
  private volatile boolean inputShutdown;

  /** Written on the loop thread, read from any. */
  private volatile boolean outputShutdown;

  /** A new socket, neither bound nor connected. */
  NioUnixChannel() {
    this(null, open());
  }

  /**
   * The socket {@code parent} accepted, or a wrapped {@code socket} when {@code parent} is null.
   */
  NioUnixChannel(Channel parent, SocketChannel socket) {
    super(parent, socket);
    config = new NioUnixChannelConfig(this, socket);
  }

  private static SocketChannel open() {
    try {
      return SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      throw new ChannelException("cannot open a Unix domain socket", e);
    }
  }

  @Override
  public NioUnixChannelConfig config() {
    return config;
  }

  @Override
  protected SocketChannel javaChannel() {
    return (SocketChannel) super.javaChannel();
  }

  /** Called by the config when auto-read is switched off: read interest goes at once. */
  void autoReadCleared() {
    clearReadPending();
  }

  @Override
  public boolean isActive() {
    SocketChannel ch = javaChannel();
    return ch.isOpen() && ch.isConnected();
  }

  // Half-closure.

  @Override
  public boolean isInputShutdown() {
    return inputShutdown || !isActive();
  }

  @Override
  protected boolean isInputShutdown0() {
    return isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return outputShutdown || !isActive();
  }

  @Override
  public boolean isShutdown() {
    return (inputShutdown && outputShutdown) || !isActive();
  }

  @Override
  public ChannelFuture shutdownInput() {
    return shutdownInput(newPromise());
  }

  @Override
  public ChannelFuture shutdownInput(ChannelPromise promise) {
    onLoop(
        () -> {
          try {
            javaChannel().shutdownInput();
            inputShutdown = true;
            promise.setSuccess();
          } catch (Throwable t) {
            promise.setFailure(t);
          }
        });
    return promise;
  }

  @Override
  public ChannelFuture shutdownOutput() {
    return shutdownOutput(newPromise());
  }

  /**
   * Shuts the output down through Netty's unsafe, which fails the writes still queued and fires
   * {@code ChannelOutputShutdownEvent}, then calls {@link #doShutdownOutput()}.
   */
  @Override
  public ChannelFuture shutdownOutput(ChannelPromise promise) {
    onLoop(() -> ((AbstractUnsafe) unsafe()).shutdownOutput(promise));
    return promise;
  }

  @Override
  protected void doShutdownOutput() throws Exception {
    shutdownOutputNow();
  }

  /** The socket's own output shutdown, without Netty's unsafe: see {@link OutputShutdown}. */
  void shutdownOutputNow() throws IOException {
    javaChannel().shutdownOutput();
    outputShutdown = true;
  }

  @Override
  public ChannelFuture shutdown() {
    return shutdown(newPromise());
  }

  /** Output first, then input; the first failure (output's before input's) fails the whole. */
  @Override
  public ChannelFuture shutdown(ChannelPromise promise) {
    shutdownOutput()
        .addListener(
            (ChannelFuture out) ->
                shutdownInput()
                    .addListener(
                        (ChannelFuture in) -> {
                          Throwable cause = out.cause() != null ? out.cause() : in.cause();
                          if (cause == null) {
                            promise.trySuccess();
                          } else {
                            promise.tryFailure(cause);
                          }
                        }));
    return promise;
  }

  private void onLoop(Runnable task) {
    EventLoop loop = eventLoop();
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  // Addresses, connect and close.

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
    try {
      return javaChannel().getRemoteAddress();
    } catch (IOException e) {
      return null; // closed
    }
  }

  @Override
  protected void doBind(SocketAddress localAddress) throws Exception {
    javaChannel().bind(localAddress);
  }

  @Override
  protected boolean doConnect(SocketAddress remoteAddress, SocketAddress localAddress)
      throws Exception {
    if (localAddress != null) doBind(localAddress);
    boolean started = false;
    try {
      boolean connected = javaChannel().connect(remoteAddress);
      if (!connected) addAndSubmit(NioIoOps.CONNECT);
      started = true;
      return connected;
    } finally {
      if (!started) doClose();
    }
  }

  @Override
  protected void doFinishConnect() throws Exception {
    // Called once the selector reports the connect done: finishing either succeeds or throws.
    if (!javaChannel().finishConnect()) throw new ConnectException("connect still in progress");
  }

  @Override
  protected void doDisconnect() throws Exception {
    doClose();
  }

  @Override
  protected void doClose() throws Exception {
    try {
      super.doClose();
    } finally {
      javaChannel().close();
    }
  }

  // Reading and writing.

  @Override
  protected int doReadBytes(ByteBuf buf) throws Exception {
    int attempted = buf.writableBytes();
    unsafe().recvBufAllocHandle().attemptedBytesRead(attempted);
    return buf.writeBytes(javaChannel(), attempted);
  }

  @Override
  protected int doWriteBytes(ByteBuf buf) throws Exception {
    return buf.readBytes(javaChannel(), buf.readableBytes());
  }

  @Override
  protected long doWriteFileRegion(FileRegion region) throws Exception {
    return region.transferTo(javaChannel(), region.transferred());
  }

  /**
   * Writes what is queued, as many buffers at a time as one {@code writev} takes, for at most the
   * config's write spin count of calls; a socket that takes nothing waits for {@code OP_WRITE}.
   */
  @Override
  protected void doWrite(ChannelOutboundBuffer in) throws Exception {
    SocketChannel ch = javaChannel();
    int spins = config.getWriteSpinCount();
    while (true) {
      if (in.isEmpty()) {
        clearOpWrite();
        return;
      }
      if (spins <= 0) {
        // Out of turns: a negative count means the kernel's buffer was full (wait for OP_WRITE);
        // otherwise the rest goes in a later task so other channels get their turn.
        incompleteWrite(spins < 0);
        return;
      }
      ByteBuffer[] buffers = in.nioBuffers(MAX_GATHERED_BUFFERS, config.maxBytesPerWrite());
      int count = in.nioBufferCount();
      if (count == 0) {
        // A file region or empty buffers: the one-message path of the superclass.
        spins -= doWrite0(in);
        continue;
      }
      long attempted = in.nioBufferSize();
      long written = count == 1 ? ch.write(buffers[0]) : ch.write(buffers, 0, count);
      if (written <= 0) {
        incompleteWrite(true);
        return;
      }
      config.wrote(attempted, written);
      in.removeBytes(written);
      spins--;
    }
  }
}
