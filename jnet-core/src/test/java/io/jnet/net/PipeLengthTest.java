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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix socket paths past {@code sun_path}: where Node truncates them (and so listens elsewhere and
 * leaves a file behind), jnet refuses them with ENAMETOOLONG and makes no file.
 */
class PipeLengthTest {
  @TempDir Path dir;

  private String pathOfLength(int bytes) {
    String base = dir.toString() + "/";
    return base + "x".repeat(bytes - base.length());
  }

  @Test
  void a108BytePathListensOnEveryTransport() throws Exception {
    String path = pathOfLength(108);
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

  @Test
  void a109BytePathIsEnametoolongAtListenAndConnect() throws Exception {
    String path = pathOfLength(109);
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
    assertEquals("listen ENAMETOOLONG: name too long " + path, errors.get(0).getMessage());
    assertEquals("connect ENAMETOOLONG " + path, errors.get(1).getMessage());
    assertEquals(-36, errors.get(1).errno());
    assertEquals(List.of("close true"), log);
    assertTrue(Files.notExists(Path.of(path)), "no file is made");
  }
}
