package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-pipe-with-long-path.js}. */
@NodeFile("test-net-pipe-with-long-path.js")
class NetPipeWithLongPathTest extends NodeTestCase {
  @Test
  void aPathTooLongForSunPathFailsWithEinval() throws Exception {
    node(
        () -> {
          String pipePath = tmpdir() + "/" + "x".repeat(10000) + ".sock";
          Server server = Net.createServer();
          server.listen(pipePath);
          server.on(
              Server.LISTENING,
              () -> {
                assertTrue(Files.exists(Paths.get(pipePath)));
                Socket[] socket = new Socket[1];
                socket[0] =
                    Net.connect(
                        pipePath,
                        mustCall(
                            () -> {
                              socket[0].destroy();
                              server.close();
                            }));
              });
          server.on(
              Server.ERROR,
              (JnetException error) -> {
                assertEquals("EINVAL", error.code(), error.getMessage());
                Net.connect(pipePath)
                    .on(
                        Socket.ERROR,
                        mustCall(
                            (JnetException e) -> assertEquals("EINVAL", e.code(), e.getMessage())));
              });
        });
  }
}
