package io.jnet.net;

import io.jnet.error.JnetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** libuv's {@code uv_pipe_chmod}: adds read or write permission for everyone to a socket file. */
final class PipeModes {
  private PipeModes() {}

  /** Adds the bits; returns Node's {@code uv_pipe_chmod} error, or null. */
  static JnetException add(String path, boolean readable, boolean writable) {
    try {
      Path p = Path.of(path);
      Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(p));
      if (readable) {
        mode.add(PosixFilePermission.OWNER_READ);
        mode.add(PosixFilePermission.GROUP_READ);
        mode.add(PosixFilePermission.OTHERS_READ);
      }
      if (writable) {
        mode.add(PosixFilePermission.OWNER_WRITE);
        mode.add(PosixFilePermission.GROUP_WRITE);
        mode.add(PosixFilePermission.OTHERS_WRITE);
      }
      Files.setPosixFilePermissions(p, mode);
      return null;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return new JnetException(
          "Error", "EINVAL", "uv_pipe_chmod EINVAL", -22, "uv_pipe_chmod", path, null, e);
    }
  }
}
