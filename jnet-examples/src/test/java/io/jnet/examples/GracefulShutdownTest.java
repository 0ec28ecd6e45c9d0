package io.jnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sends SIGTERM to {@link GracefulShutdown} in a child JVM holding one connection. */
class GracefulShutdownTest {
  @Test
  void sigtermSaysGoodbyeToEachClientAndClosesCleanly() throws Exception {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    cp,
                    GracefulShutdown.class.getName(),
                    "0"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String listening = out.readLine();
      assertTrue(listening != null && listening.startsWith("listening on "), listening);
      int port = Integer.parseInt(listening.substring("listening on ".length()));
      try (Socket client = new Socket("127.0.0.1", port)) {
        client.setSoTimeout(30_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream o = client.getOutputStream();
        o.write("ping\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("ping", in.readLine()); // connected and served
        // kill, not Process.destroy(): destroy() would also close the pipe of the child's output.
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertEquals("server shutting down", in.readLine());
        assertNull(in.readLine()); // then the server's FIN
      }
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not exit");
      assertEquals("shutting down: 1 connection(s)", out.readLine());
      assertEquals("closed cleanly", out.readLine());
      assertEquals(143, p.exitValue()); // 128 + SIGTERM: the JVM's status after its hooks ran
    } finally {
      p.destroyForcibly();
    }
  }
}
