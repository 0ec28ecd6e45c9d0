package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
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

  @Test
  void sigintAlsoClosesTheServerAndExitsZero() throws Exception {
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
}
