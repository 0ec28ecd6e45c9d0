package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code io.jnet.net} calls to reach the handle layer from a jnet loop: the loop's Netty event
 * loop and its callback runner, and Node's {@code dns.lookup} off the loop thread.
 */
public final class NetBridge {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** libuv's thread pool for getaddrinfo: four daemon threads, as libuv's default. */
  private static final ExecutorService RESOLVERS =
      new ThreadPoolExecutor(
          4,
          4,
          30,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "jnet-dns-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  static {
    ((ThreadPoolExecutor) RESOLVERS).allowCoreThreadTimeOut(true);
  }

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

  /** Loop thread only: connects over TCP to the IP literal {@code address}. */
  public static void connectTcp(
      EventLoop loop,
      String address,
      int port,
      String localAddress,
      int localPort,
      ConnectCallback callback) {
    Handles.connectTcp(
        LoopEngine.of(loop).netty(),
        invoker(loop),
        address,
        port,
        localAddress,
        localPort,
        callback);
  }

  /** Loop thread only: connects to the Unix domain socket at {@code path}. */
  public static void connectPath(EventLoop loop, String path, ConnectCallback callback) {
    Handles.connectPipe(LoopEngine.of(loop).netty(), invoker(loop), path, callback);
  }

  /** Loop thread only: listens on TCP. */
  public static void listenTcp(
      EventLoop loop,
      String host,
      int port,
      int backlog,
      boolean ipv6Only,
      ServerListener listener,
      ListenCallback callback) {
    Handles.listenTcp(
        LoopEngine.of(loop).netty(),
        invoker(loop),
        host,
        port,
        backlog,
        ipv6Only,
        listener,
        callback);
  }

  /** Loop thread only: listens on the Unix domain socket at {@code path}. */
  public static void listenPath(
      EventLoop loop, String path, int backlog, ServerListener listener, ListenCallback callback) {
    Handles.listenPipe(
        LoopEngine.of(loop).netty(), invoker(loop), path, backlog, listener, callback);
  }

  /**
   * Node's {@code dns.lookup(host, {family})}: resolves {@code host} with the system resolver on a
   * resolver thread and answers on {@code loop}'s thread, as one callback. {@code family} 0 takes
   * the resolver's first address; 4 or 6 the first of that family.
   */
  public static void lookup(EventLoop loop, String host, int family, LookupCallback callback) {
    RESOLVERS.execute(
        () -> {
          String address = null;
          int fam = 0;
          JnetException error = null;
          try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
              int f = a instanceof Inet6Address ? 6 : 4;
              if (family == 0 || family == f) {
                address = IpAddresses.format(a, false);
                fam = f;
                break;
              }
            }
            if (address == null) error = UvError.lookup("EAI_NONAME", host, null);
          } catch (UnknownHostException e) {
            error = UvError.lookup(e, host);
          } catch (RuntimeException e) {
            error = UvError.lookup(e, host);
          }
          String a = address;
          int f = fam;
          JnetException err = error;
          loop.execute(() -> callback.done(a, f, err));
        });
  }
}
