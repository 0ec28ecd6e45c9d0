package io.jnet.internal.net;

import io.netty.channel.EventLoop;

/**
 * Opens jnet's native handles: connecting {@link StreamHandle}s and listening {@link
 * ServerHandle}s, over TCP and Unix domain sockets, on the transport of the given loop.
 *
 * <p>This is the whole entry to the layer that Node's {@code tcp_wrap} and {@code pipe_wrap} are to
 * Node: {@code io.jnet.net.Socket} and {@code Server} call only this class, {@link Resolver} and
 * {@link IpAddresses}, and never see Netty. Every call is made on the loop thread; every outcome
 * arrives later, on that thread, through the {@link Invoker}, except a listen's: as libuv's {@code
 * uv_listen}, it binds inside the call and its callback has run when the call returns.
 */
public final class Handles {
  private Handles() {}

  /**
   * Connects over TCP to {@code address}, an IP literal ({@link IpAddresses#isIP} non-zero), and
   * {@code port}, binding {@code localAddress} (null: any) and {@code localPort} (0: any) first
   * when either is given. Errors are Node's: {@code connect ECONNREFUSED 127.0.0.1:1}, {@code bind
   * EADDRNOTAVAIL 10.9.9.9}. The returned request cancels the connect.
   *
   * @throws io.jnet.error.JnetException {@code ERR_INVALID_IP_ADDRESS} for a non-literal address
   */
  public static ConnectRequest connectTcp(
      EventLoop loop,
      Invoker invoker,
      String address,
      int port,
      String localAddress,
      int localPort,
      ConnectCallback callback) {
    return Connector.connectTcp(loop, invoker, address, port, localAddress, localPort, callback);
  }

  /**
   * {@link #connectTcp(EventLoop, Invoker, String, int, String, int, ConnectCallback)}; when a
   * local address or port is given, {@code afterBind} is asked once it is bound, before the connect
   * is sent (a failed bind never asks it); false cancels the connect.
   */
  public static ConnectRequest connectTcp(
      EventLoop loop,
      Invoker invoker,
      String address,
      int port,
      String localAddress,
      int localPort,
      java.util.function.BooleanSupplier afterBind,
      ConnectCallback callback) {
    return Connector.connectTcp(
        loop, invoker, address, port, localAddress, localPort, afterBind, callback);
  }

  /** Connects to the Unix domain socket at {@code path}: {@code connect ENOENT /tmp/x.sock}. */
  public static ConnectRequest connectPipe(
      EventLoop loop, Invoker invoker, String path, ConnectCallback callback) {
    return Connector.connectPipe(loop, invoker, path, callback);
  }

  /**
   * Listens on TCP {@code host} (an IP literal, or null: {@code ::}, else {@code 0.0.0.0}) and
   * {@code port} (0: the OS chooses), with {@code backlog} (0 or less: Node's 511). Errors are
   * Node's: {@code listen EADDRINUSE: address already in use 127.0.0.1:8080}.
   */
  public static void listenTcp(
      EventLoop loop,
      Invoker invoker,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      ServerListener listener,
      ListenCallback callback) {
    listenTcp(loop, invoker, host, port, backlog, ipv6Only, false, listener, callback);
  }

  /**
   * {@link #listenTcp(EventLoop, Invoker, String, int, int, boolean, ServerListener,
   * ListenCallback)} with {@code SO_REUSEPORT} when {@code reusePort}: several listening sockets
   * share the port and the kernel spreads connections among them; {@code listen ENOTSUP} where the
   * system has no such option.
   */
  public static void listenTcp(
      EventLoop loop,
      Invoker invoker,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      boolean reusePort,
      ServerListener listener,
      ListenCallback callback) {
    NettyServerHandle.listenTcp(
        loop, invoker, host, port, backlog, ipv6Only, reusePort, listener, callback);
  }

  /** Listens on the Unix domain socket {@code path} with the file's default permissions. */
  public static void listenPipe(
      EventLoop loop,
      Invoker invoker,
      String path,
      int backlog,
      ServerListener listener,
      ListenCallback callback) {
    listenPipe(loop, invoker, path, backlog, false, false, listener, callback);
  }

  /**
   * Listens on the Unix domain socket {@code path}, which must not exist ({@code listen EADDRINUSE:
   * address already in use /tmp/x.sock}); {@code readableAll} and {@code writableAll} open the
   * socket file to every user, as Node's options of those names.
   */
  public static void listenPipe(
      EventLoop loop,
      Invoker invoker,
      String path,
      int backlog,
      boolean readableAll,
      boolean writableAll,
      ServerListener listener,
      ListenCallback callback) {
    NettyServerHandle.listenPipe(
        loop, invoker, path, backlog, readableAll, writableAll, listener, callback);
  }
}
