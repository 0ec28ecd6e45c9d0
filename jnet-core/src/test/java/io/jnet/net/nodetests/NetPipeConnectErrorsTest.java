package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-pipe-connect-errors.js}. */
@NodeFile("test-net-pipe-connect-errors.js")
class NetPipeConnectErrorsTest extends NodeTestCase {
  @Test
  void connectingToAFileOrNothingOrAClosedPathFails() throws Exception {
    Path emptyTxt = tmpdir().resolve("0.txt");
    Files.writeString(emptyTxt, "");
    boolean root = "root".equals(System.getProperty("user.name"));
    node(
        () -> {
          Socket notSocketClient =
              Net.connect(
                  emptyTxt.toString(),
                  () -> {
                    throw new AssertionError("connection callback should not run");
                  });
          notSocketClient.on(
              Socket.ERROR,
              mustCall(
                  (JnetException err) ->
                      assertTrue(
                          err.code().equals("ENOTSOCK") || err.code().equals("ECONNREFUSED"),
                          "received " + err.code())));
          Socket noEntSocketClient =
              Net.connect(
                  "no-ent-file",
                  () -> {
                    throw new AssertionError("callback should not run");
                  });
          noEntSocketClient.on(
              Socket.ERROR, mustCall((JnetException err) -> assertEquals("ENOENT", err.code())));
          if (!root) {
            Server accessServer = Net.createServer(mustNotCallArg());
            accessServer.listen(
                pipe(),
                mustCall(
                    () -> {
                      try {
                        Files.setPosixFilePermissions(
                            Paths.get(pipe()), PosixFilePermissions.fromString("---------"));
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                      Socket accessClient =
                          Net.connect(
                              pipe(),
                              () -> {
                                throw new AssertionError("callback should not run");
                              });
                      accessClient.on(
                          Socket.ERROR,
                          mustCall(
                              (JnetException err) -> {
                                assertEquals("EACCES", err.code());
                                accessServer.close();
                              }));
                    }));
          }
        });
  }
}
