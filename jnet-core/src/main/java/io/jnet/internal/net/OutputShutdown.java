package io.jnet.internal.net;

import io.jnet.internal.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

/**
 * Sends a channel's FIN without Netty's {@code shutdownOutput()}, for a channel with no write
 * queued.
 *
 * <p>Why: Netty's {@code shutdownOutput()} builds a {@code ChannelOutputShutdownException}, stack
 * trace and all, on every call, to fail the writes it might find queued; a stream handle shuts its
 * output only once the queue is empty, and every connection that ends pays for that trace. The
 * socket's own shutdown is what Netty calls underneath, and Netty's {@code isOutputShutdown()}
 * reads the state it sets. Netty itself does not know: it still takes writes, which the caller must
 * then fail as Netty would (see {@link NettyStreamHandle}).
 */
final class OutputShutdown {
  private OutputShutdown() {}

  /** {@code NioSocketChannel.javaChannel()}, or null where Netty's module does not open it. */
  private static final MethodHandle JAVA_CHANNEL = javaChannel();

  private static MethodHandle javaChannel() {
    try {
      Method m = NioSocketChannel.class.getDeclaredMethod("javaChannel");
      m.setAccessible(true);
      return MethodHandles.lookup().unreflect(m);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // Netty's own shutdownOutput() still works
    }
  }

  /**
   * Shuts down {@code channel}'s output directly: true when done, false when the transport needs
   * Netty's {@code shutdownOutput()} (io_uring, whose shutdown goes through its ring). Throws what
   * the socket's shutdown throws, as Netty's future would fail with it.
   */
  static boolean shutdown(Transport transport, Channel channel) throws IOException {
    switch (transport) {
      case EPOLL:
        return nativeSocket(channel);
      case NIO:
        return nio(channel);
      default:
        return false;
    }
  }

  private static boolean nativeSocket(Channel channel) throws IOException {
    if (!(channel instanceof UnixChannel unix)) return false;
    FileDescriptor fd = unix.fd();
    if (!(fd instanceof Socket socket)) return false;
    socket.shutdown(false, true);
    return true;
  }

  private static boolean nio(Channel channel) throws IOException {
    if (channel instanceof NioUnixChannel unix) {
      unix.shutdownOutputNow();
      return true;
    }
    if (JAVA_CHANNEL == null || !(channel instanceof NioSocketChannel)) return false;
    SocketChannel socket;
    try {
      socket = (SocketChannel) JAVA_CHANNEL.invokeExact((NioSocketChannel) channel);
    } catch (Throwable t) { // javaChannel() only reads a field: nothing to expect here
      return false;
    }
    socket.shutdownOutput();
    return true;
  }
}
