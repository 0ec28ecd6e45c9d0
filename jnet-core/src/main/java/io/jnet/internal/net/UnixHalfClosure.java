package io.jnet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.UncheckedBooleanSupplier;
import java.io.IOException;

/**
 * Keeps an io_uring Unix domain socket open at the peer's FIN, so that it stays writable as Node's
 * half-open socket does.
 *
 * <p>Why: Netty 4.2.18's io_uring channels honour {@code ALLOW_HALF_CLOSURE} only for a {@code
 * SocketChannelConfig} ({@code AbstractIoUringChannel.isAllowHalfClosure}); the Unix channel's
 * config is a {@code DuplexChannelConfig}, so at the end of its input {@code
 * AbstractUringUnsafe.shutdownInput} closes the channel, and a write after the peer's {@code end()}
 * fails where epoll and NIO deliver it. That close is skipped when the socket's input is shut down
 * already, and the end of the input reaches the channel's read allocator ({@code
 * lastBytesRead(-1)}) just before it: there this allocator shuts the input down itself. The peer
 * has sent its FIN, so {@code SHUT_RD} tells it nothing new, and the channel then reports the end
 * as {@code ChannelInputShutdownReadComplete} instead of {@code ChannelInputShutdownEvent}.
 */
final class UnixHalfClosure implements RecvByteBufAllocator {
  private final RecvByteBufAllocator allocator;
  private final Socket socket;

  private UnixHalfClosure(RecvByteBufAllocator allocator, Socket socket) {
    this.allocator = allocator;
    this.socket = socket;
  }

  /** Wraps the read allocator of {@code channel}, an io_uring Unix domain socket. */
  static void install(Channel channel) {
    if (!(channel instanceof UnixChannel unix) || !(unix.fd() instanceof Socket socket)) return;
    ChannelConfig config = channel.config();
    config.setRecvByteBufAllocator(new UnixHalfClosure(config.getRecvByteBufAllocator(), socket));
  }

  @Override
  public Handle newHandle() {
    return new EndHandle((ExtendedHandle) allocator.newHandle());
  }

  /** Netty's handle, but for the end of the input, where the input is shut down first. */
  private final class EndHandle implements ExtendedHandle {
    private final ExtendedHandle handle;

    EndHandle(ExtendedHandle handle) {
      this.handle = handle;
    }

    @Override
    public void lastBytesRead(int bytes) {
      if (bytes < 0 && !socket.isInputShutdown()) {
        try {
          socket.shutdown(true, false);
        } catch (IOException e) {
          // Netty closes the channel at this end after all: the stream handle takes it for the end
        }
      }
      handle.lastBytesRead(bytes);
    }

    @Override
    public ByteBuf allocate(ByteBufAllocator alloc) {
      return handle.allocate(alloc);
    }

    @Override
    public int guess() {
      return handle.guess();
    }

    @Override
    public void reset(ChannelConfig config) {
      handle.reset(config);
    }

    @Override
    public void incMessagesRead(int numMessages) {
      handle.incMessagesRead(numMessages);
    }

    @Override
    public int lastBytesRead() {
      return handle.lastBytesRead();
    }

    @Override
    public void attemptedBytesRead(int bytes) {
      handle.attemptedBytesRead(bytes);
    }

    @Override
    public int attemptedBytesRead() {
      return handle.attemptedBytesRead();
    }

    @Override
    public boolean continueReading() {
      return handle.continueReading();
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
      return handle.continueReading(maybeMoreDataSupplier);
    }

    @Override
    public void readComplete() {
      handle.readComplete();
    }
  }
}
