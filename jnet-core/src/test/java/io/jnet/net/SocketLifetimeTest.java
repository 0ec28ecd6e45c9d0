package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.loop.EventLoop;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What keeps the JVM alive, as Node's process: {@link SocketLifetimeMain} in a child JVM. */
class SocketLifetimeTest {
  @Test
  void aSocketThatReadEofWithNothingPendingLetsTheJvmExit() throws Exception {
    // Node 24: connection, client close, exit (the accepted socket is open, never destroyed).
    assertEquals(List.of("connection", "client close"), runChild("eof"));
  }

  @Test
  void anAcceptedSocketPausedOnConnectLetsTheJvmExit() throws Exception {
    // Node 24 (pauseOnConnect, client unref'd on 'connect'): connection, exit.
    assertEquals(List.of("connection"), runChild("pauseOnConnect"));
  }

  @Test
  void theLookupAndConnectOfAnUnrefdSocketKeepTheJvmAlive() throws Exception {
    // Node 24 (connect to localhost, unref'd at once): lookup, connect, exit.
    assertEquals(List.of("lookup", "connect"), runChild("unrefConnecting"));
  }

  @Test
  void aWritePendingOnAnUnrefdSocketKeepsTheJvmAlive() throws Exception {
    // Node 24 (32 MiB written by an unref'd socket to an unref'd reader): written, exit.
    assertEquals(List.of("written"), runChild("unrefWriting"));
  }

  private static List<String> runChild(String scenario) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djnet.transport=" + System.getProperty("jnet.transport", "auto"));
    command.add("-cp");
    command.add(classPath());
    command.add(SocketLifetimeMain.class.getName());
    command.add(scenario);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) fail("the child JVM did not exit");
      assertEquals(0, p.exitValue(), "exit status");
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .collect(Collectors.toList());
    } finally {
      p.destroyForcibly();
    }
  }

  /** The locations of jnet, its tests and Netty, however Surefire laid out this JVM. */
  private static String classPath() throws Exception {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c :
        new Class<?>[] {
          SocketLifetimeMain.class,
          EventLoop.class,
          io.netty.channel.Channel.class,
          io.netty.util.concurrent.Future.class,
          io.netty.buffer.ByteBuf.class,
          io.netty.resolver.AddressResolver.class,
          io.netty.channel.epoll.Epoll.class,
          io.netty.channel.unix.Socket.class
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
