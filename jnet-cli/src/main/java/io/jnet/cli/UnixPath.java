package io.jnet.cli;

import io.jnet.error.JnetException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What lies at a Unix socket path: nothing, a live server, a stale socket file, or something else;
 * {@code --unlink} (socat's {@code unlink-early}) and the hints on listen and connect errors ask
 * it.
 */
final class UnixPath {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private UnixPath() {}

  /** What is at a path. */
  enum State {
    MISSING,
    LIVE,
    STALE,
    NOT_A_SOCKET
  }

  static State probe(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return State.MISSING;
    if (!isSocket(path)) return State.NOT_A_SOCKET;
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      return State.LIVE;
    } catch (IOException refused) {
      return State.STALE;
    }
  }

  private static boolean isSocket(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & S_IFMT) == S_IFSOCK;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * {@code --unlink}: removes {@code path} if it is a socket file no server answers on, and says so
   * in the returned line (null when nothing was removed). A live socket, or a file that is not a
   * socket, is left alone: the listen that follows fails with EADDRINUSE and {@link #hint} says
   * why.
   */
  static String unlinkStale(String path) throws IOException {
    Path p = Path.of(path);
    if (probe(p) != State.STALE) return null;
    Files.deleteIfExists(p);
    return "removed stale socket file " + path;
  }

  /**
   * A clause that says what Node's error leaves unsaid, or "" when its word is clear. Node (libuv)
   * reports EACCES for a listen in a directory that does not exist, and EADDRINUSE for a file that
   * no server answers on.
   */
  static String hint(JnetException e, String path) {
    Path p = Path.of(path);
    Path parent = p.toAbsolutePath().getParent();
    String code = e.code() == null ? "" : e.code();
    if ((code.equals("EACCES") || code.equals("ENOENT"))
        && parent != null
        && !Files.isDirectory(parent)) {
      return " (the directory " + parent + " does not exist)";
    }
    if (code.equals("EADDRINUSE")) {
      switch (probe(p)) {
        case LIVE:
          return " (a server is listening on it)";
        case STALE:
          return " (a stale socket file: no server answers on it; --unlink removes it)";
        case NOT_A_SOCKET:
          return " (the path exists and is not a socket)";
        default:
          return "";
      }
    }
    if (code.equals("ECONNREFUSED")) return " (a stale socket file: no server answers on it)";
    return "";
  }

  /** {@link #hint} for an error on {@code address}, or "" for a TCP address. */
  static String hint(JnetException e, Address address) {
    return address.isPipe() ? hint(e, address.path()) : "";
  }
}
