package io.jnet.loop;

/**
 * A small program for {@link LifetimeTest}, run in a child JVM: it arms one handle on the default
 * loop and returns from {@code main} at once, so only jnet's handles can keep the JVM alive.
 *
 * <p>Modes: {@code ref} (a ref'd 200 ms timer), {@code unref} (an unref'd ten-minute timer), {@code
 * keepalive} (a keep-alive that a timer closes).
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
      default:
        throw new IllegalArgumentException("mode: " + args[0]);
    }
    System.out.println("main returned");
  }
}
