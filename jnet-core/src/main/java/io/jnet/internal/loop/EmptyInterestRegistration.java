package io.jnet.internal.loop;

import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoOps;

/**
 * A registration that never asks epoll for an empty interest set.
 *
 * <p>Why: Netty 4.2.18 answers an empty set with {@code EPOLL_CTL_DEL} but keeps the fd marked as
 * added, so the next non-empty set is an {@code EPOLL_CTL_MOD} that fails with ENOENT. A socket's
 * set goes empty once the peer's FIN was read and no write is pending; the next write that the
 * kernel cannot take at once then failed, and a half-open socket lost what it wrote after the
 * peer's end. {@code EPOLLERR} alone is the empty set in effect (the kernel reports errors and
 * hang-ups whatever the mask) and keeps the fd registered. Other transports' registrations pass
 * unchanged, and run without the epoll jar on the class path.
 */
final class EmptyInterestRegistration implements IoRegistration {
  /** Epoll's ops class, or null when the epoll classes are not on the class path. */
  private static final Class<?> EPOLL_OPS = epollOps();

  private final IoRegistration delegate;

  EmptyInterestRegistration(IoRegistration delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T attachment() {
    return delegate.attachment();
  }

  @Override
  public long submit(IoOps ops) {
    if (EPOLL_OPS != null && EPOLL_OPS.isInstance(ops) && ((EpollIoOps) ops).value() == 0) {
      ops = EpollIoOps.EPOLLERR;
    }
    return delegate.submit(ops);
  }

  private static Class<?> epollOps() {
    try {
      return Class.forName(
          "io.netty.channel.epoll.EpollIoOps", false, IoOps.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  @Override
  public boolean isValid() {
    return delegate.isValid();
  }

  @Override
  public boolean cancel() {
    return delegate.cancel();
  }
}
