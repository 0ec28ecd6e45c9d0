package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unix socket paths up to {@code sun_path}'s 108 bytes work; longer ones are EINVAL at listen and
 * at connect and make no file, as in Node 24 (its libuv refuses them; Node 20's truncated them).
 */
class PipeLengthTest {
  @TempDir Path dir;

  private String pathOfLength(int bytes) {
    String base = dir.toString() + "/";
    return base + "x".repeat(bytes - base.length());
  }

  /** Node 24, for 107 and 108 bytes: {@code listening true}. */
  @ParameterizedTest
  @ValueSource(ints = {107, 108})
  void aPathOf108BytesOrLessListensOnEveryTransport(int bytes) throws Exception {
    String path = pathOfLength(bytes);
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s = Net.createServer(c -> c.end());
          s.on(Server.ERROR, e -> log.add("error " + e.getMessage()));
          s.listen(
              path,
              () -> {
                log.add("listening " + Files.exists(Path.of(path)));
                s.close();
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of("listening true"), log);
  }

  /**
   * Node 24, for 109 and 200 bytes: {@code listen EINVAL: invalid argument PATH} (port -1) through
   * 'error'; {@code connect EINVAL PATH - Local (undefined:undefined)} through 'error', then {@code
   * close true}.
   */
  @ParameterizedTest
  @ValueSource(ints = {109, 200})
  void aPathOver108BytesIsEinvalAtListenAndConnect(int bytes) throws Exception {
    String path = pathOfLength(bytes);
    List<JnetException> errors = new CopyOnWriteArrayList<>();
    List<String> log = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s = Net.createServer();
          s.on(Server.ERROR, errors::add);
          s.listen(path);
          Socket c = Net.connect(path);
          c.on(Socket.ERROR, errors::add);
          c.on(Socket.CLOSE, h -> log.add("close " + h));
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(2, errors.size());
    assertEquals("listen EINVAL: invalid argument " + path, errors.get(0).getMessage());
    assertEquals(
        "connect EINVAL " + path + " - Local (undefined:undefined)", errors.get(1).getMessage());
    assertEquals(-22, errors.get(1).errno());
    assertEquals(List.of("close true"), log);
    assertTrue(Files.notExists(Path.of(path)), "no file is made");
  }
}
