package io.jnet.net;

import io.jnet.loop.KeepAlive;
import java.util.function.IntConsumer;

/**
 * The part of a {@link Socket}'s state that only some sockets use: a client's connector and its
 * writes waiting for {@code 'connect'}, the {@code onread} and {@code blockList} options, the idle
 * timer, the address caches, an IPC path, the keep-alive delay, the hold of a pending write.
 *
 * <p>Made once per socket, by its constructor when an option needs it, else on first use ({@link
 * Socket#extras()}), so that an idle accepted TCP connection, which needs none of it, does not
 * carry its fields. Each field keeps the rule of the Socket field it stands for.
 */
final class SocketExtras {
  /**
   * Node's {@code onread}: reads are copied into its buffer, never pushed. Set by the constructor
   * only.
   */
  OnRead.Reader onread;

  /** {@code Socket.countRead}, for onread sockets only; set by the constructor only. */
  IntConsumer countRead;

  /** Node 24's {@code blockList} constructor option; set by the constructor only. */
  BlockList blockList;

  /** Made by the first {@link Socket#setTimeout}; written on the loop only. */
  volatile IdleTimer idle;

  /** Made by the first {@link Socket#connect}: an accepted socket never needs one. */
  volatile Connector connector;

  /** Caches of the handle's addresses; any thread. */
  volatile AddressInfo sockname;

  volatile AddressInfo peername;

  /** The path of an IPC socket, or null for TCP. */
  volatile String pipePath;

  /** Bytes of the write waiting for {@code 'connect'}, counted by {@code bytesWritten}. */
  volatile long pendingBytes;

  /**
   * Loop only: held while a write or shutdown is pending, whatever {@code unref()} says, as a libuv
   * request keeps its loop alive.
   */
  KeepAlive requestAlive;

  /** The keep-alive delay last asked for; loop only once the socket exists. */
  int keepAliveDelayMillis;
}
