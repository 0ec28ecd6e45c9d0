package io.jnet.loop;

import io.jnet.internal.loop.LoopEngine;

/**
 * A small program for {@link LifetimeTest}, run in a child JVM: it arms one handle on the default
 * loop and returns from {@code main} at once, so only jnet's handles can keep the JVM alive.
 *
 * <p>Modes: {@code ref} (a ref'd 200 ms timer), {@code unref} (an unref'd ten-minute timer), {@code
 * keepalive} (a keep-alive that a timer closes), {@code io} (an I/O callback that closes the only
 * keep-alive, then works on), {@code run} ({@link EventLoop#run} with a body that queues a tick, an
 * immediate and a 30 ms timer), {@code runthrows} (a body that throws).
 */
public final class LifetimeMain {
  private LifetimeMain() {}

  public static void main(String[] args) {
    EventLoop loop = EventLoop.defaultLoop();
    switch (args[0]) {
      case "ref":
        loop.setTimeout(() -> System.out.println("fired"), 200);
        break;
      case "unref":
        loop.setTimeout(() -> System.out.println("fired"), 600_000).unref();
        break;
      case "keepalive":
        KeepAlive server = loop.keepAlive();
        loop.setTimeout(() -> System.out.println("unref'd timer"), 100).unref();
        loop.setTimeout(
                () -> {
                  System.out.println("close");
                  server.close();
                },
                300)
            .unref();
        break;
      case "io":
        // A socket's last callback: it releases its keep-alive, then still has work to do.
        KeepAlive socket = loop.keepAlive();
        LoopEngine engine = LoopEngine.of(loop);
        engine
            .netty()
            .execute(
                () ->
                    engine.callback(
                        () -> {
                          socket.close();
                          long end = System.nanoTime() + 200_000_000L;
                          while (System.nanoTime() < end) Thread.onSpinWait();
                          System.out.println("after close");
                          loop.nextTick(() -> System.out.println("tick"));
                        }));
        break;
      case "run":
        EventLoop.run(
            () -> {
              EventLoop current = EventLoop.current();
              System.out.println("body on " + (current == loop ? "the default loop" : current));
              current.setTimeout(() -> System.out.println("timer"), 30);
              current.setImmediate(() -> System.out.println("immediate"));
              current.nextTick(() -> System.out.println("tick"));
              System.out.println("body end");
            });
        System.out.println("run returned");
        break;
      case "runthrows":
        try {
          EventLoop.run(
              () -> {
                throw new IllegalArgumentException("bad config");
              });
        } catch (IllegalArgumentException e) {
          System.out.println("run threw " + e.getMessage());
        }
        break;
      default:
        throw new IllegalArgumentException("mode: " + args[0]);
    }
    System.out.println("main returned");
  }
}
