package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-server-listen-path.js}. */
@NodeFile("test-net-server-listen-path.js")
class NetServerListenPathTest extends NodeTestCase {
  static final int S_IROTH = 04;
  static final int S_IWOTH = 02;
  private int counter;

  private String randomPipePath() {
    return pipe() + "-listen-path-" + counter++;
  }

  @Test
  void everyFormOfListenOnAPathListens() throws Exception {
    node(
        () -> {
          Server a = Net.createServer().listen(randomPipePath());
          a.on(Server.LISTENING, mustCall(() -> a.close()));
          Server b = Net.createServer().listen(ListenOptions.path(randomPipePath()));
          b.on(Server.LISTENING, mustCall(() -> b.close()));
          Server[] c = new Server[1];
          c[0] = Net.createServer().listen(randomPipePath(), mustCall(() -> c[0].close()));
          Server[] d = new Server[1];
          d[0] =
              Net.createServer()
                  .listen(ListenOptions.path(randomPipePath()), mustCall(() -> d[0].close()));
        });
  }

  @Test
  void readableAllAndWritableAllOpenThePathToOthers() throws Exception {
    node(
        () -> {
          String handlePath = randomPipePath();
          Server[] server = new Server[1];
          server[0] =
              Net.createServer()
                  .listen(
                      ListenOptions.path(handlePath).readableAll(true).writableAll(true),
                      mustCall(
                          () -> {
                            int mode = mode(handlePath);
                            assertNotEquals(0, mode & S_IROTH);
                            assertNotEquals(0, mode & S_IWOTH);
                            server[0].close();
                          }));
        });
  }

  @Test
  void aPathInUseErrsEaddrinuse() throws Exception {
    node(
        () -> {
          String handlePath = randomPipePath();
          Server[] server1 = new Server[1];
          server1[0] =
              Net.createServer()
                  .listen(
                      ListenOptions.path(handlePath),
                      () -> {
                        Server server2 =
                            Net.createServer()
                                .listen(
                                    ListenOptions.path(handlePath).writableAll(true),
                                    mustNotCall());
                        server2.on(
                            Server.ERROR,
                            mustCall(
                                (JnetException err) -> {
                                  server1[0].close();
                                  assertEquals("EADDRINUSE", err.code());
                                  assertTrue(
                                      err.getMessage()
                                          .startsWith("listen EADDRINUSE: address already in use"),
                                      err.getMessage());
                                }));
                      });
        });
  }

  private static int mode(String path) {
    try {
      return (Integer) Files.getAttribute(Paths.get(path), "unix:mode");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
