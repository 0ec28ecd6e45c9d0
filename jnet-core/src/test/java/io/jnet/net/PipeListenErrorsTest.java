package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listen errors on IPC paths, as Node 20 reports them. */
class PipeListenErrorsTest {
  @TempDir Path dir;

  @Test
  void listenInAMissingDirectoryIsEacces() throws Exception {
    // Node: listen EACCES: permission denied /tmp/.../missing/a.sock (libuv maps bind's ENOENT).
    String path = dir.resolve("missing").resolve("a.sock").toString();
    List<JnetException> errors = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s = Net.createServer();
          s.on(Server.ERROR, errors::add);
          s.listen(path);
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(1, errors.size());
    JnetException e = errors.get(0);
    assertEquals("EACCES", e.code());
    assertEquals(-13, e.errno());
    assertEquals("listen", e.syscall());
    assertEquals("listen EACCES: permission denied " + path, e.getMessage());
  }
}
