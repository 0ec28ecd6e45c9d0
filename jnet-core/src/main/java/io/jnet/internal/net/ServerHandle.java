package io.jnet.internal.net;

import io.jnet.net.AddressInfo;

/**
 * A listening socket, TCP or Unix domain: what libuv's listening {@code uv_tcp_t}/{@code uv_pipe_t}
 * and Node's {@code TCPWrap}/{@code PipeWrap} server handles are to {@code net.Server}.
 *
 * <p>Accepted connections go to {@link ServerListener#onConnection} as new, non-reading {@link
 * StreamHandle}s; accept errors go to {@link ServerListener#onError} while the server keeps
 * listening. Loop thread only, except {@link #address()} and {@link #path()}.
 */
public interface ServerHandle {
  /** The bound TCP address as Node's {@code server.address()} has it, or null for a pipe. */
  AddressInfo address();

  /** The Unix socket path, or null for TCP. */
  String path();

  /**
   * Stops listening; connections already accepted stay open. A Unix socket file this server created
   * is removed. The callback runs once the listening socket is closed (the loop lives until then),
   * unless the loop was stopped first.
   */
  void close(Callback callback);

  /** True once {@link #close} was called or the socket closed. */
  boolean isClosed();
}
