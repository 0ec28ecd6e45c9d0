package io.jnet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * How a stream handle reads: into one 64 KiB direct buffer per loop thread, reused by every read of
 * every channel on that loop, as libuv reads into the one 64 KiB slab Node hands it.
 *
 * <p>It is safe because a readiness transport (epoll, NIO) reads on the loop thread and the handle
 * copies each read into the user's byte array before the next read starts; it must not serve
 * io_uring, whose reads complete later with the buffer still in the kernel's hands. Compared with
 * Netty's adaptive allocator, a read takes no pooled buffer (releasing one at once, while the write
 * path held its own copies, made the pool free and reallocate whole chunks under a stream of
 * writes), and each read takes up to 64 KiB, as libuv's, so fewer reads and {@code 'data'} events
 * carry a megabyte.
 *
 * <p>A loop thread's channels share one {@link Handle} too: a handle's counts live from its {@code
 * reset} at the start of one channel's read loop to the end of that loop, and a thread runs one
 * read loop at a time (Netty never reads another channel from inside a read), so a connection holds
 * no handle of its own, nor does the transport's check of the allocator leave one behind.
 */
final class ReadBuffer extends DefaultMaxMessagesRecvByteBufAllocator {
  /** libuv's and Node's read size. */
  static final int SIZE = 64 * 1024;

  /** Netty's default reads per readiness event for a socket. */
  private static final int MAX_READS_PER_EVENT = 16;

  static final ReadBuffer INSTANCE = new ReadBuffer();

  private static final FastThreadLocal<ByteBuf> SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
          return Unpooled.directBuffer(SIZE, SIZE);
        }

        @Override
        protected void onRemoval(ByteBuf value) {
          value.release();
        }
      };

  private static final FastThreadLocal<Handle> SHARED =
      new FastThreadLocal<>() {
        @Override
        protected Handle initialValue() {
          return INSTANCE.handle();
        }
      };

  private ReadBuffer() {
    super(MAX_READS_PER_EVENT);
  }

  /** The calling loop thread's handle; a handle of its own for any other thread. */
  @Override
  public Handle newHandle() {
    return Thread.currentThread() instanceof FastThreadLocalThread ? SHARED.get() : handle();
  }

  private Handle handle() {
    return new MaxMessageHandle() {
      @Override
      public ByteBuf allocate(ByteBufAllocator alloc) {
        // The buffer itself, retained: the read's release leaves it alive, and no duplicate is
        // made per read. Every read is copied out (or handed over) before the next allocate.
        ByteBuf scratch = SCRATCH.get();
        Lending.get().readBegins(); // a loan's bytes in it are about to be overwritten
        scratch.clear();
        return scratch.retain();
      }

      @Override
      public int guess() {
        return SIZE;
      }
    };
  }
}
