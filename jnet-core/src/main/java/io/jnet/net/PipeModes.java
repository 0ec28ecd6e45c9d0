package io.jnet.net;

import io.jnet.error.JnetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * libuv's {@code uv_pipe_chmod} as Node 24 has it: the socket file's mode becomes read ({@code
 * readableAll}: {@code 0444}), write ({@code writableAll}: {@code 0222}) or both ({@code 0666}) for
 * everyone, and nothing else, whatever it was.
 */
final class PipeModes {
  private PipeModes() {}

  /** Sets the mode; returns Node's {@code uv_pipe_chmod} error, or null. */
  static JnetException set(String path, boolean readable, boolean writable) {
    try {
      Path p = Path.of(path);
      Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
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
