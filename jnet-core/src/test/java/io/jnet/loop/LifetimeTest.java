package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.internal.loop.LoopEngine;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM lives as Node's process does: runs {@link LifetimeMain} in a child JVM whose {@code main}
 * returns at once, and checks what jnet's handles made of its life.
 */
class LifetimeTest {
  @Test
  void runReturnsOnceNothingHoldsTheJvmAndKeepsNodesOrder() throws Exception {
    assertEquals(
        List.of(
            "body on the default loop",
            "body end",
            "tick",
            "immediate",
            "timer",
            "run returned",
            "main returned"),
        runChild("run"));
  }

  @Test
  void runThrowsTheBodysExceptionAtOnce() throws Exception {
    assertEquals(List.of("run threw bad config", "main returned"), runChild("runthrows"));
  }

  @Test
  void refTimerKeepsTheJvmAliveAfterMainReturns() throws Exception {
    assertEquals(List.of("main returned", "fired"), runChild("ref"));
  }

  @Test
  void unrefTimerLetsTheJvmExitAtOnce() throws Exception {
    // The timer waits ten minutes; the child must be gone long before, with the timer unfired.
    assertEquals(List.of("main returned"), runChild("unref"));
  }

  @Test
  void keepAliveHoldsTheJvmUntilClosed() throws Exception {
    assertEquals(List.of("main returned", "unref'd timer", "close"), runChild("keepalive"));
  }

  @Test
  void ioCallbackHoldsTheJvmUntilItAndItsTicksAreDone() throws Exception {
    List<String> out = new ArrayList<>(runChild("io"));
    assertTrue(out.remove("main returned"), "main's own line, printed while the callback runs");
    assertEquals(List.of("after close", "tick"), out);
  }

  private static List<String> runChild(String mode) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djnet.transport=" + System.getProperty("jnet.transport", "auto"));
    command.add("-cp");
    command.add(classPath());
    command.add(LifetimeMain.class.getName());
    command.add(mode);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      byte[] out = p.getInputStream().readAllBytes(); // ends when the child exits
      if (!p.waitFor(60, TimeUnit.SECONDS)) fail("the child JVM did not exit");
      assertEquals(0, p.exitValue(), "exit status");
      return new String(out, StandardCharsets.UTF_8)
          .lines()
          .collect(java.util.stream.Collectors.toList());
    } finally {
      p.destroyForcibly();
    }
  }

  /** The locations of jnet, its tests and Netty, however Surefire laid out this JVM. */
  private static String classPath() throws URISyntaxException, IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c :
        new Class<?>[] {
          LifetimeMain.class,
          EventLoop.class,
          LoopEngine.class,
          io.netty.channel.Channel.class,
          io.netty.util.concurrent.Future.class,
          io.netty.buffer.ByteBuf.class,
          io.netty.channel.epoll.Epoll.class,
          io.netty.channel.unix.Socket.class,
          io.netty.resolver.AddressResolverGroup.class
        }) {
      entries.add(
          Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("netty-transport-native-epoll")) entries.add(e);
    }
    return String.join(File.pathSeparator, entries);
  }
}
