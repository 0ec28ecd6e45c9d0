package io.jnet.internal.net;

import io.jnet.error.JnetException;
import io.netty.channel.EventLoop;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves host names with Node's {@code dns.lookup} semantics: the operating system's resolver
 * ({@code getaddrinfo}, through {@link InetAddress}), off the loop thread.
 *
 * <p>Lookups run on a small pool of daemon threads (four, as libuv's thread pool), and each result
 * is handed back to the loop through the {@link Invoker}. An IP literal needs no lookup and is
 * answered in a later loop task (Node's {@code net} skips the lookup, and its {@code 'lookup'}
 * event, for literals altogether: callers should test {@link IpAddresses#isIP} first).
 *
 * <p>Differences from Node, each forced by the JDK:
 *
 * <ul>
 *   <li>Order: Node 24 keeps the resolver's order ({@code verbatim}); the JDK puts IPv4 addresses
 *       first unless the JVM runs with {@code -Djava.net.preferIPv6Addresses=system}, which keeps
 *       the resolver's order as Node does. jnet keeps whatever order the JDK gives.
 *   <li>Caching: the JDK caches answers (30 s) and failures (10 s); Node asks the resolver every
 *       time. The {@code networkaddress.cache.ttl} security properties change that.
 *   <li>Errors: the JDK reports only the resolver's message; "Temporary failure in name resolution"
 *       becomes {@code EAI_AGAIN}, every other failure {@code ENOTFOUND}.
 * </ul>
 */
public final class Resolver {
  /** One resolved address: its text as Node prints it and its family, 4 or 6. */
  public record Address(String address, int family) {}

  /** Completion of a lookup: the addresses in resolver order (never empty), or Node's error. */
  @FunctionalInterface
  public interface LookupCallback {
    /** Exactly one of {@code addresses} and {@code error} is non-null. */
    void done(List<Address> addresses, JnetException error);
  }

  /** Node's {@code dns.V4MAPPED} hint: with family 6, IPv4 answers as {@code ::ffff:a.b.c.d}. */
  public static final int V4MAPPED = 8;

  /** Node's {@code dns.ALL} hint: with {@link #V4MAPPED}, IPv6 and mapped IPv4 answers both. */
  public static final int ALL = 16;

  /**
   * Node's {@code dns.ADDRCONFIG} hint: only families the machine has. Accepted and left to the
   * JDK, which answers IPv6 only where IPv6 is usable.
   */
  public static final int ADDRCONFIG = 32;

  private static final int THREADS = 4;
  private static final ExecutorService POOL = newPool();

  private Resolver() {}

  private static ExecutorService newPool() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "jnet-dns-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Looks {@code hostname} up for {@code family} (0: both, 4 or 6) and calls back on {@code loop}
   * through {@code invoker} with every address found, in order. An empty name yields an empty list,
   * as Node's {@code dns.lookup('', {all: true})} does. May be called from any thread.
   *
   * @throws JnetException {@code ERR_INVALID_ARG_VALUE} when {@code family} is not 0, 4 or 6
   */
  public static void lookup(
      EventLoop loop, Invoker invoker, String hostname, int family, LookupCallback callback) {
    lookup(loop, invoker, hostname, family, 0, callback);
  }

  /**
   * {@link #lookup(EventLoop, Invoker, String, int, LookupCallback)} with Node's {@code hints}:
   * {@link #V4MAPPED}, {@link #ALL} and {@link #ADDRCONFIG}, or'ed.
   */
  public static void lookup(
      EventLoop loop,
      Invoker invoker,
      String hostname,
      int family,
      int hints,
      LookupCallback callback) {
    if (family != 0 && family != 4 && family != 6) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_VALUE",
          "The property 'options.family' must be one of: 0, 4, 6. Received " + family);
    }
    int literal = IpAddresses.isIP(hostname);
    if (hostname == null || hostname.isEmpty() || literal != 0) {
      List<Address> result = literal == 0 ? List.of() : List.of(new Address(hostname, literal));
      loop.execute(() -> invoker.invoke(() -> callback.done(result, null)));
      return;
    }
    POOL.execute(
        () -> {
          List<Address> result = null;
          JnetException error = null;
          try {
            result = resolve(hostname, family, hints);
          } catch (UnknownHostException | RuntimeException e) {
            error = UvError.lookup(e, hostname);
          }
          List<Address> r = result;
          JnetException err = error;
          handBack(loop, () -> invoker.invoke(() -> callback.done(r, err)));
        });
  }

  /**
   * Hands a lookup's answer to {@code loop}; false, quietly, when the loop has terminated and takes
   * no task any more. jnet's loops do not end with a lookup in flight ({@link NetBridge} holds them
   * alive), so only a loop shut down by force meets this, and nothing can run on it any more:
   * thrown in the resolver's thread, the rejection would only be printed.
   */
  static boolean handBack(EventLoop loop, Runnable task) {
    try {
      loop.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Blocking: the OS resolver's answer for {@code hostname}, filtered to {@code family}, with IPv4
   * answers mapped into IPv6 as getaddrinfo's {@code AI_V4MAPPED} does.
   */
  static List<Address> resolve(String hostname, int family, int hints) throws UnknownHostException {
    List<Address> v6 = new ArrayList<>();
    List<Address> mapped = new ArrayList<>();
    List<Address> out = new ArrayList<>();
    for (InetAddress a : InetAddress.getAllByName(hostname)) {
      int f = a instanceof Inet6Address ? 6 : a instanceof Inet4Address ? 4 : 0;
      if (f == 6) v6.add(new Address(IpAddresses.format(a, false), 6));
      if (f == 4) mapped.add(new Address(IpAddresses.format(a, true), 6));
      if (family != 0 && f != family) continue;
      out.add(new Address(IpAddresses.format(a, false), f));
    }
    if (family == 6 && (hints & V4MAPPED) != 0) {
      out = new ArrayList<>(v6);
      if (v6.isEmpty() || (hints & ALL) != 0) out.addAll(mapped);
    }
    if (out.isEmpty()) throw new UnknownHostException(hostname + ": Name or service not known");
    return List.copyOf(out);
  }
}
