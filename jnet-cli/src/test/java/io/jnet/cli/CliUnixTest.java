package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnet echo unix:PATH}: the socket file's life, a path in use, and signals. */
class CliUnixTest {
  @TempDir Path dir;

  static String listeningOn(Path path) {
    return "^listening on " + Pattern.quote(path.toString()) + "$";
  }

  @Test
  void echoOnAUnixPathCreatesTheSocketAndSigtermRemovesItAndExitsZero() throws Exception {
    Path sock = dir.resolve("echo.sock");
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock)) {
      echo.awaitStdout(listeningOn(sock));
      assertTrue(Files.exists(sock), "socket file exists while listening");
      echo.terminate();
      assertEquals(0, echo.awaitExit(), echo::describe);
      assertFalse(Files.exists(sock), "socket file removed on SIGTERM");
    }
  }

  /**
   * A process started with SIGINT ignored (a background job of a script) passes that on, and a JVM
   * leaves an ignored SIGINT ignored: then no child of this one can be interrupted.
   */
  static boolean sigintIgnoredHere() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  @Test
  void sigintAlsoClosesTheServerAndExitsZero() throws Exception {
    assumeFalse(sigintIgnoredHere(), "SIGINT is ignored by this process, so by its children too");
    Path sock = dir.resolve("echo.sock");
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock)) {
      echo.awaitStdout(listeningOn(sock));
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(echo.pid())).start();
      assertEquals(0, kill.waitFor(), "kill -INT");
      assertEquals(0, echo.awaitExit(), echo::describe);
      assertFalse(Files.exists(sock), "socket file removed on SIGINT");
    }
  }

  @Test
  void sigtermWithAnOpenConnectionClosesItAndStillExitsZero() throws Exception {
    Path sock = dir.resolve("echo.sock");
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock)) {
      echo.awaitStdout(listeningOn(sock));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
        client.write(ByteBuffer.wrap(new byte[] {42}));
        ByteBuffer one = ByteBuffer.allocate(1);
        while (one.hasRemaining()) assertTrue(client.read(one) >= 0, "echo of one byte");
        echo.awaitStdout("^connection from unix socket$");
        echo.terminate();
        assertEquals(0, echo.awaitExit(), echo::describe);
        // The server destroyed the connection on its way out: the client reads EOF.
        assertEquals(-1, client.read(ByteBuffer.allocate(1)));
      }
      assertFalse(Files.exists(sock), "socket file removed on SIGTERM");
    }
  }

  @Test
  void relayFromAUnixPathRemovesItOnSigterm() throws Exception {
    Path sock = dir.resolve("relay.sock");
    try (JnetProcess relay = JnetProcess.start("relay", "unix:" + sock, "127.0.0.1:1")) {
      relay.awaitStdout("^relaying " + Pattern.quote(sock.toString()) + " to 127\\.0\\.0\\.1:1$");
      assertTrue(Files.exists(sock), "socket file exists while listening");
      relay.terminate();
      assertEquals(0, relay.awaitExit(), relay::describe);
      assertFalse(Files.exists(sock), "socket file removed on SIGTERM");
    }
  }

  @Test
  void secondEchoOnALivePathExitsOneNamingEaddrinuse() throws Exception {
    Path sock = dir.resolve("echo.sock");
    try (JnetProcess first = JnetProcess.start("echo", "unix:" + sock)) {
      first.awaitStdout(listeningOn(sock));
      try (JnetProcess second = JnetProcess.start("echo", "unix:" + sock)) {
        assertEquals(1, second.awaitExit(), second::describe);
        second.awaitStderr("EADDRINUSE");
        assertTrue(second.stderrText().contains(sock.toString()), second::describe);
      }
      assertTrue(Files.exists(sock), "the live server's socket is left alone");
      first.terminate();
      assertEquals(0, first.awaitExit(), first::describe);
    }
  }

  @Test
  void relayOnALivePathExitsOneNamingEaddrinuse() throws Exception {
    Path sock = dir.resolve("echo.sock");
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock);
        JnetProcess relay = startRelayWhenListening(echo, sock)) {
      assertEquals(1, relay.awaitExit(), relay::describe);
      relay.awaitStderr("^jnet relay: listen EADDRINUSE.*" + Pattern.quote(sock.toString()));
    }
  }

  private static JnetProcess startRelayWhenListening(JnetProcess echo, Path sock) throws Exception {
    echo.awaitStdout(listeningOn(sock));
    return JnetProcess.start("relay", "unix:" + sock, "127.0.0.1:1");
  }

  @Test
  void connectOverAUnixPathEchoesStdin() throws Exception {
    Path sock = dir.resolve("echo.sock");
    byte[] payload = CliTest.randomBytes(256 * 1024, 2);
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock)) {
      echo.awaitStdout(listeningOn(sock));
      try (JnetProcess connect = JnetProcess.startRaw("connect", "unix:" + sock)) {
        try (OutputStream in = connect.stdin()) {
          in.write(payload);
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(payload, connect.stdoutBytes());
      }
      echo.awaitStdout("^connection from unix socket$");
      echo.awaitStdout("^closed unix socket read=" + payload.length + " written=" + payload.length);
    }
  }

  @Test
  void connectToAMissingPathPrintsEnoentAndExitsOne() throws Exception {
    Path sock = dir.resolve("missing.sock");
    try (JnetProcess connect = JnetProcess.startRaw("connect", "unix:" + sock)) {
      connect.stdin().close();
      assertEquals(1, connect.awaitExit(), connect::describe);
      connect.awaitStderr("connect ENOENT " + Pattern.quote(sock.toString()) + "$");
    }
  }

  @Test
  void listenInAMissingDirectorySaysTheDirectoryIsMissing() throws Exception {
    // Node 24 says 'listen EACCES: permission denied PATH' here, even as root: the hint says why.
    Path sock = dir.resolve("missing").resolve("l.sock");
    try (JnetProcess listen = JnetProcess.start("listen", "unix:" + sock)) {
      assertEquals(1, listen.awaitExit(), listen::describe);
      listen.awaitStderr(
          "^jnet listen: listen EACCES: permission denied "
              + Pattern.quote(sock + " (the directory " + sock.getParent() + " does not exist)")
              + "$");
    }
  }

  @Test
  void connectInAMissingDirectoryKeepsEnoentAndSaysTheDirectoryIsMissing() throws Exception {
    Path sock = dir.resolve("missing").resolve("c.sock");
    try (JnetProcess connect = JnetProcess.startRaw("connect", "unix:" + sock)) {
      connect.stdin().close();
      assertEquals(1, connect.awaitExit(), connect::describe);
      connect.awaitStderr(
          "^jnet connect: connect ENOENT "
              + Pattern.quote(sock + " (the directory " + sock.getParent() + " does not exist)")
              + "$");
    }
  }

  /** Leaves a socket file no server answers on, as a killed server does. */
  private static void staleSocket(Path path) throws Exception {
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(path));
    }
    assertTrue(Files.exists(path), "the socket file outlives its server");
  }

  @Test
  void aStaleSocketFileIsEaddrinuseWithAHintWithoutUnlink() throws Exception {
    Path sock = dir.resolve("stale.sock");
    staleSocket(sock);
    try (JnetProcess echo = JnetProcess.start("echo", "unix:" + sock)) {
      assertEquals(1, echo.awaitExit(), echo::describe);
      echo.awaitStderr(
          "^jnet echo: listen EADDRINUSE: address already in use "
              + Pattern.quote(sock + " (a stale socket file: no server answers on it; --unlink")
              + ".*$");
    }
  }

  @Test
  void unlinkRemovesAStaleSocketFileAndListens() throws Exception {
    Path sock = dir.resolve("stale.sock");
    staleSocket(sock);
    try (JnetProcess echo = JnetProcess.start("echo", "--unlink", "unix:" + sock)) {
      echo.awaitStdout("^removed stale socket file " + Pattern.quote(sock.toString()) + "$");
      echo.awaitStdout(listeningOn(sock));
      try (JnetProcess connect = JnetProcess.startRaw("connect", "unix:" + sock)) {
        try (OutputStream in = connect.stdin()) {
          in.write(new byte[] {'o', 'k'});
        }
        assertEquals(0, connect.awaitExit(), connect::describe);
        assertArrayEquals(new byte[] {'o', 'k'}, connect.stdoutBytes());
      }
    }
  }

  @Test
  void unlinkNeverTakesOverALiveSocket() throws Exception {
    Path sock = dir.resolve("live.sock");
    try (JnetProcess first = JnetProcess.start("echo", "unix:" + sock)) {
      first.awaitStdout(listeningOn(sock));
      try (JnetProcess second = JnetProcess.start("listen", "--unlink", "unix:" + sock)) {
        assertEquals(1, second.awaitExit(), second::describe);
        second.awaitStderr(
            "^jnet listen: listen EADDRINUSE: address already in use "
                + Pattern.quote(sock + " (a server is listening on it)")
                + "$");
      }
      // The first server still owns its file and still answers.
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
        client.write(ByteBuffer.wrap(new byte[] {7}));
        ByteBuffer one = ByteBuffer.allocate(1);
        while (one.hasRemaining()) assertTrue(client.read(one) >= 0, "echo of one byte");
      }
    }
  }

  @Test
  void unlinkLeavesAFileThatIsNotASocket() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "keep me");
    try (JnetProcess relay = JnetProcess.start("relay", "--unlink", "unix:" + file, "1")) {
      assertEquals(1, relay.awaitExit(), relay::describe);
      relay.awaitStderr("EADDRINUSE.*" + Pattern.quote("(the path exists and is not a socket)"));
    }
    assertEquals("keep me", Files.readString(file));
  }
}
