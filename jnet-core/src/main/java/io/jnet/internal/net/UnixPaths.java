package io.jnet.internal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unix socket paths of the length Node 24 takes: up to {@code sun_path}'s 108 bytes; longer ones
 * are {@code EINVAL}, for listen and for connect, as Node 24's libuv refuses them ({@link
 * #tooLong}).
 *
 * <p>Why an alias: the JDK takes at most 106 bytes (it refuses 107 with "Unix domain path too
 * long") and Netty's native transport is unreliable at exactly 108, while the kernel binds 108
 * bytes without a NUL. A path that long is therefore reached through a short temporary symbolic
 * link to its directory ({@code /tmp/.jn123456/name}): binding or connecting through it makes or
 * finds the very same socket file. The link lives only until the bind or connect has happened.
 */
final class UnixPaths {
  /** The size of {@code sockaddr_un.sun_path} on Linux. */
  static final int SUN_PATH = 108;

  /** The longest path both transports take as is. */
  private static final int TRANSPORT_MAX = SUN_PATH - 2;

  private static final Path ALIAS_DIR = Paths.get("/tmp");

  private UnixPaths() {}

  /** A path to hand the transport, and the link to remove once the socket call is made. */
  static final class Alias {
    final String path;
    private final Path link;

    private Alias(String path, Path link) {
      this.path = path;
      this.link = link;
    }

    /** Removes the temporary link, if one was made. */
    void remove() {
      if (link == null) return;
      try {
        Files.deleteIfExists(link);
      } catch (IOException | RuntimeException e) {
        // a stale link in /tmp names nothing of ours once the socket exists
      }
    }
  }

  /**
   * Whether {@code path} is longer than {@code sun_path} in UTF-8: Node 24 then fails the listen
   * ({@code listen EINVAL}) or the connect ({@code connect EINVAL}) and makes no file.
   */
  static boolean tooLong(String path) {
    return path.getBytes(StandardCharsets.UTF_8).length > SUN_PATH;
  }

  /**
   * Whether the file system path {@code path} (no abstract name) is one no socket can have: longer
   * than {@code sun_path}, or holding a NUL byte, where the C string ends (Node 24 fails both with
   * {@code EINVAL}; the JDK's paths refuse a NUL with an exception).
   */
  static boolean unusable(String path) {
    return tooLong(path) || path.indexOf('\0') >= 0;
  }

  /**
   * A path the transport takes for {@code path} (not {@link #tooLong}): itself when it is short
   * enough, else an alias through a new link to its directory when one fits.
   */
  static Alias alias(String path) {
    if (path.getBytes(StandardCharsets.UTF_8).length <= TRANSPORT_MAX) return new Alias(path, null);
    Path p = Paths.get(path);
    Path dir = p.toAbsolutePath().getParent();
    if (dir == null || p.getFileName() == null || !Files.isDirectory(ALIAS_DIR)) {
      return new Alias(path, null);
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      int n = ThreadLocalRandom.current().nextInt(1_000_000);
      Path link = ALIAS_DIR.resolve(String.format(".jn%06d", n));
      String aliased = link.resolve(p.getFileName()).toString();
      if (aliased.getBytes(StandardCharsets.UTF_8).length > TRANSPORT_MAX) break;
      try {
        Files.createSymbolicLink(link, dir);
        return new Alias(aliased, link);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // name taken (or no links here): try another name, then give up
      }
    }
    return new Alias(path, null);
  }
}
