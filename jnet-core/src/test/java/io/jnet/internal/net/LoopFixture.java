package io.jnet.internal.net;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Netty loop of a transport, with helpers to run code on it and to open handles that are all
 * closed, and checked closed, at the end of the test.
 */
final class LoopFixture implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 10;

  final Transport transport;
  final MultiThreadIoEventLoopGroup group;
  final EventLoop loop;
  final Invoker invoker = Invoker.direct();
  private final List<StreamHandle> streams = new ArrayList<>(); // guarded by this
  private final List<ServerHandle> servers = new ArrayList<>(); // guarded by this

  LoopFixture(Transport transport) {
    this.transport = transport;
    this.group = new MultiThreadIoEventLoopGroup(1, transport.newIoHandlerFactory());
    this.loop = group.next();
  }

  static <T> T await(Future<T> f) {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code task} on the loop and returns its result. */
  <T> T call(Callable<T> task) {
    return await(loop.submit(task));
  }

  /** Runs {@code task} on the loop and waits for it. */
  void run(Runnable task) {
    await(loop.submit(task));
  }

  /** A server whose accepted handles are queued in {@link Server#accepted}. */
  class Server implements ServerListener {
    final BlockingQueue<StreamHandle> accepted = new LinkedBlockingQueue<>();
    final BlockingQueue<JnetException> errors = new LinkedBlockingQueue<>();
    ServerHandle handle;

    @Override
    public void onConnection(StreamHandle h) {
      track(h);
      accepted.add(h);
    }

    @Override
    public void onError(JnetException error) {
      errors.add(error);
    }

    StreamHandle accept() {
      try {
        StreamHandle h = accepted.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (h == null) fail("no connection accepted");
        return h;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    int port() {
      return handle.address().port();
    }
  }

  /** Listens on TCP, failing the test on error. */
  Server listenTcp(String host, int port) {
    Server s = new Server();
    Object result = listenTcpResult(s, host, port);
    if (result instanceof JnetException e) throw new AssertionError("listen failed: " + e, e);
    return s;
  }

  /** Listens on TCP; returns the server, or the JnetException of a failed listen. */
  Object listenTcpResult(Server s, String host, int port) {
    return listenTcpResult(s, host, port, false);
  }

  /** {@link #listenTcpResult(Server, String, int)} with Node's {@code ipv6Only}. */
  Object listenTcpResult(Server s, String host, int port, boolean ipv6Only) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    run(
        () ->
            Handles.listenTcp(
                loop,
                invoker,
                host,
                port,
                0,
                ipv6Only,
                s,
                (h, e) -> done.complete(h != null ? h : e)));
    Object r = await(done);
    if (r instanceof ServerHandle h) {
      s.handle = h;
      track(h);
      return s;
    }
    return r;
  }

  /** Listens on a Unix socket path; returns the server, or the JnetException of a failure. */
  Object listenPipeResult(Server s, String path) {
    return listenPipeResult(s, path, false, false);
  }

  /** {@link #listenPipeResult(Server, String)} with Node's readableAll and writableAll. */
  Object listenPipeResult(Server s, String path, boolean readableAll, boolean writableAll) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    run(
        () ->
            Handles.listenPipe(
                loop,
                invoker,
                path,
                0,
                readableAll,
                writableAll,
                s,
                (h, e) -> done.complete(h != null ? h : e)));
    Object r = await(done);
    if (r instanceof ServerHandle h) {
      s.handle = h;
      track(h);
      return s;
    }
    return r;
  }

  /** Connects over TCP; returns the handle or the JnetException. */
  Object connectTcpResult(String address, int port, String localAddress, int localPort) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    run(
        () ->
            Handles.connectTcp(
                loop,
                invoker,
                address,
                port,
                localAddress,
                localPort,
                (h, e) -> done.complete(h != null ? h : e)));
    Object r = await(done);
    if (r instanceof StreamHandle h) track(h);
    return r;
  }

  StreamHandle connectTcp(String address, int port) {
    Object r = connectTcpResult(address, port, null, 0);
    if (r instanceof JnetException e) throw new AssertionError("connect failed: " + e, e);
    return (StreamHandle) r;
  }

  Object connectPipeResult(String path) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    run(() -> Handles.connectPipe(loop, invoker, path, (h, e) -> done.complete(h != null ? h : e)));
    Object r = await(done);
    if (r instanceof StreamHandle h) track(h);
    return r;
  }

  /** Sets a new recorder as {@code h}'s listener and starts reading. */
  Recorder read(StreamHandle h) {
    Recorder r = new Recorder();
    run(
        () -> {
          h.setListener(r);
          h.readStart();
        });
    return r;
  }

  /** Writes on the loop and returns a future of the write's outcome (null: success). */
  CompletableFuture<JnetException> write(StreamHandle h, byte[] bytes) {
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    run(
        () -> {
          if (h.write(bytes, 0, bytes.length, done::complete)) done.complete(null);
        });
    return done;
  }

  CompletableFuture<JnetException> shutdown(StreamHandle h) {
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    run(
        () -> {
          if (h.shutdown(done::complete)) done.complete(null);
        });
    return done;
  }

  void close(StreamHandle h) {
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    run(() -> h.close(done::complete));
    await(done);
  }

  void close(ServerHandle h) {
    CompletableFuture<JnetException> done = new CompletableFuture<>();
    run(() -> h.close(done::complete));
    await(done);
  }

  synchronized void track(StreamHandle h) {
    streams.add(h);
  }

  synchronized void track(ServerHandle h) {
    servers.add(h);
  }

  /** Closes every handle opened through this fixture, checks them closed, stops the loop. */
  @Override
  public void close() {
    List<StreamHandle> s;
    List<ServerHandle> v;
    synchronized (this) {
      s = new ArrayList<>(streams);
      v = new ArrayList<>(servers);
    }
    for (StreamHandle h : s) {
      if (!h.isClosed()) close(h);
    }
    for (ServerHandle h : v) {
      if (!h.isClosed()) close(h);
    }
    for (StreamHandle h : s) assertTrue(h.isClosed(), "stream left open");
    for (ServerHandle h : v) assertTrue(h.isClosed(), "server left open");
    await(group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
  }
}
