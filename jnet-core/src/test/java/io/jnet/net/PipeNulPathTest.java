package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Unix socket path holding a NUL byte (not at its start, which names an abstract socket) is
 * {@code EINVAL} at listen and at connect and makes no file, as in Node 24; the JDK's paths refuse
 * such a name with an exception, which once escaped from listen() and hung a connect on NIO.
 */
class PipeNulPathTest {
  /**
   * Node 24 printed, for {@code DIR/a\0b}: {@code listen EINVAL: invalid argument DIR/a\0b} (errno
   * -22, syscall listen, address the path, port -1) through 'error', {@code listening} false;
   * {@code connect EINVAL DIR/a\0b - Local (undefined:undefined)} (address the path, no port)
   * through 'error', then {@code close true}; no file in DIR.
   */
  private static final List<String> NODE_24 =
      List.of(
          "listen error EINVAL -22 listen DIR/a\0b -1 listen EINVAL: invalid argument DIR/a\0b"
              + " false",
          "connect error EINVAL -22 connect DIR/a\0b null connect EINVAL DIR/a\0b - Local"
              + " (undefined:undefined)",
          "connect close true",
          "files []");

  @TempDir Path dir;

  @Test
  void aPathWithANulByteIsEinvalAtListenAndConnect() throws InterruptedException {
    String d = dir.toString();
    String path = d + "/a\0b";
    List<String> log =
        LoopRun.run(
            out -> {
              Server s = Net.createServer();
              s.on(
                  Server.ERROR,
                  e ->
                      out.add(
                          String.join(
                              " ",
                              "listen error",
                              e.code(),
                              "" + e.errno(),
                              e.syscall(),
                              e.address().replace(d, "DIR"),
                              "" + e.port(),
                              e.getMessage().replace(d, "DIR"),
                              "" + s.listening())));
              s.listen(path);
              Socket c = Net.connect(path);
              c.on(
                  Socket.ERROR,
                  e ->
                      out.add(
                          String.join(
                              " ",
                              "connect error",
                              e.code(),
                              "" + e.errno(),
                              e.syscall(),
                              e.address().replace(d, "DIR"),
                              "" + e.port(),
                              e.getMessage().replace(d, "DIR"))));
              c.on(Socket.CLOSE, h -> out.add("connect close " + h));
            });
    String[] files = new File(d).list();
    log.add("files " + List.of(files == null ? new String[0] : files));
    assertEquals(NODE_24, log);
  }
}
