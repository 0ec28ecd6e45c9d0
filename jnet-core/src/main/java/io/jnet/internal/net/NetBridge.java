package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.loop.KeepAlive;

/**
 * What {@code io.jnet.net} calls to reach the handle layer from a jnet loop: the loop's Netty event
 * loop and its callback runner, and Node's {@code dns.lookup} off the loop thread.
 */
public final class NetBridge {
  private NetBridge() {}

  /** The answer of a lookup: the first address and its family, or Node's error. */
  @FunctionalInterface
  public interface LookupCallback {
    void done(String address, int family, JnetException error);
  }

  /** The invoker that runs handle upcalls as Node callbacks on {@code loop}. */
  public static Invoker invoker(EventLoop loop) {
    LoopEngine engine = LoopEngine.of(loop);
    return engine::callback;
  }

  /**
   * Loop thread only: connects over TCP to the IP literal {@code address}; the request cancels it.
   * {@code afterBind}, if not null, is asked once a given local address or port is bound, before
   * the connect is sent; false cancels the connect.
   */
  public static ConnectRequest connectTcp(
      EventLoop loop,
      String address,
      int port,
      String localAddress,
      int localPort,
      java.util.function.BooleanSupplier afterBind,
      ConnectCallback callback) {
    return connectTcp(loop, null, address, port, localAddress, localPort, afterBind, callback);
  }

  /**
   * {@link #connectTcp(EventLoop, String, int, String, int, java.util.function.BooleanSupplier,
   * ConnectCallback)} on {@code adopted} itself when it is not null: a handle {@link Adopt} made
   * from a descriptor not connected yet, which Node's {@code connect()} connects (libuv's {@code
   * uv_tcp_connect} on the handle {@code uv_tcp_open} made) rather than opening a new socket. The
   * descriptor stays the handle's, closed with it.
   */
  public static ConnectRequest connectTcp(
      EventLoop loop,
      StreamHandle adopted,
      String address,
      int port,
      String localAddress,
      int localPort,
      java.util.function.BooleanSupplier afterBind,
      ConnectCallback callback) {
    return Connector.connectTcp(
        LoopEngine.of(loop).netty(),
        invoker(loop),
        (NettyStreamHandle) adopted,
        address,
        port,
        localAddress,
        localPort,
        afterBind,
        callback);
  }

  /**
   * The longest Unix socket path jnet takes, in bytes: Linux's {@code sun_path}, 108 (the handle
   * layer reaches 107 and 108 through a short alias where a transport wants room for a NUL). A
   * longer one is {@code EINVAL}, as in Node 24.
   */
  public static final int MAX_PIPE_PATH_BYTES = UnixPaths.SUN_PATH;

  /**
   * Loop thread only: connects to the Unix domain socket at {@code path}; the request cancels it.
   */
  public static ConnectRequest connectPath(EventLoop loop, String path, ConnectCallback callback) {
    return connectPath(loop, null, path, callback);
  }

  /**
   * {@link #connectPath(EventLoop, String, ConnectCallback)} on {@code adopted} itself when it is
   * not null: a handle {@link Adopt} made from a descriptor bound but not connected yet, which
   * Node's {@code connect()} connects (libuv's {@code uv_pipe_connect} on the handle {@code
   * uv_pipe_open} made) rather than opening a new socket. The descriptor stays the handle's.
   */
  public static ConnectRequest connectPath(
      EventLoop loop, StreamHandle adopted, String path, ConnectCallback callback) {
    if (!Channels.isAbstract(path) && UnixPaths.unusable(path)) {
      // Node 24 names the local side of a pipe it could not connect "undefined:undefined".
      JnetException e = UvError.connect("EINVAL", path, null, "undefined:undefined", null);
      loop.execute(() -> callback.done(null, e));
      return () -> {};
    }
    return Connector.connectPipe(
        LoopEngine.of(loop).netty(), invoker(loop), (NettyStreamHandle) adopted, path, callback);
  }

  /** Loop thread only: listens on TCP. */
  public static void listenTcp(
      EventLoop loop,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      boolean reusePort,
      ServerListener listener,
      ListenCallback callback) {
    Handles.listenTcp(
        LoopEngine.of(loop).netty(),
        invoker(loop),
        host,
        port,
        backlog,
        ipv6Only,
        reusePort,
        listener,
        callback);
  }

  /** {@code loop} as a loop that listening handles may hand accepted connections to. */
  public static ConnectionLoop connectionLoop(EventLoop loop) {
    return new ConnectionLoop(LoopEngine.of(loop).netty(), invoker(loop), loop);
  }

  /** Loop thread only: listens on the Unix domain socket at {@code path}. */
  public static void listenPath(
      EventLoop loop, String path, int backlog, ServerListener listener, ListenCallback callback) {
    Handles.listenPipe(
        LoopEngine.of(loop).netty(), invoker(loop), path, backlog, listener, callback);
  }

  /**
   * Node's {@code dns.lookup(host, {family})}: resolves {@code host} off the loop and answers on
   * {@code loop}'s thread with the first address of {@code family} (0: either).
   */
  public static void lookup(EventLoop loop, String host, int family, LookupCallback callback) {
    lookupAll(
        loop,
        host,
        family,
        (addresses, error) -> {
          if (error != null) {
            callback.done(null, 0, error);
          } else if (addresses.isEmpty()) {
            callback.done(null, 0, UvError.lookup("EAI_NONAME", host, null));
          } else {
            Resolver.Address a = addresses.get(0);
            callback.done(a.address(), a.family(), null);
          }
        });
  }

  /**
   * Node's {@code dns.lookup(host, {family, all: true})}: every address, in resolver order.
   *
   * <p>As libuv's {@code getaddrinfo} request, a lookup keeps its loop alive until its callback has
   * run, even when the socket or server that asked has given up on it meanwhile: the loop never
   * ends with a lookup in flight, whose answer would have nowhere to go.
   */
  public static void lookupAll(
      EventLoop loop, String host, int family, Resolver.LookupCallback callback) {
    KeepAlive pending = loop.keepAlive();
    try {
      Resolver.lookup(
          LoopEngine.of(loop).netty(),
          invoker(loop),
          host,
          family,
          (addresses, error) -> {
            pending.close();
            callback.done(addresses, error);
          });
    } catch (RuntimeException | Error e) { // a bad family, thrown at the call: nothing in flight
      pending.close();
      throw e;
    }
  }
}
