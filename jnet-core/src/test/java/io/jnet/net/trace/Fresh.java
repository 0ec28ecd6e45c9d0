package io.jnet.net.trace;

import io.jnet.net.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh empty directory under the system temp directory, and the file checks of {@code ipc.js}:
 * the Java port of its {@code fresh()}, {@code pathOfLength}, {@code staleSocket} and of the {@code
 * fs} calls its scenarios make. Paths are Strings, as Node's are.
 */
final class Fresh {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  final Path dir;

  private Fresh(Path dir) {
    this.dir = dir;
  }

  /** {@code fresh()}: {@code mkdtemp(os.tmpdir() + '/jnet-ipc-')}. */
  static Fresh create() {
    try {
      return new Fresh(
          Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "jnet-ipc-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code d.file()}: {@code s.sock} in the directory. */
  String file() {
    return file("s.sock");
  }

  /** {@code d.file(name)}. */
  String file(String name) {
    return dir.resolve(name).toString();
  }

  /** {@code pathOfLength(d, n)}: a path in the directory exactly {@code n} bytes long. */
  String pathOfLength(int n) {
    String base = dir.toString();
    return base + "/" + "x".repeat(n - base.length() - 1);
  }

  /** {@code d.remove()}: deletes the directory and everything in it (read-only parts too). */
  void remove() {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        if (Files.isDirectory(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
      }
      for (Path p : all) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.readdirSync(d.dir).length}. */
  int entries() {
    try (Stream<Path> list = Files.list(dir)) {
      return (int) list.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.existsSync(path)}. */
  static boolean exists(String path) {
    return Files.exists(Paths.get(path));
  }

  /** {@code fs.statSync(path).mode}. */
  static int mode(String path) {
    try {
      return (Integer) Files.getAttribute(Paths.get(path), "unix:mode");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.statSync(path).isSocket()}. */
  static boolean isSocket(String path) {
    return (mode(path) & S_IFMT) == S_IFSOCK;
  }

  /** {@code fs.writeFileSync(path, text)}. */
  static void write(String path, String text) {
    try {
      Files.writeString(Paths.get(path), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.readFileSync(path, 'utf8')}. */
  static String read(String path) {
    try {
      return Files.readString(Paths.get(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.unlinkSync(path)}. */
  static void unlink(String path) {
    try {
      Files.delete(Paths.get(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fs.mkdirSync(path, { mode })}, the mode given as {@code rwxr-x---} text. */
  static void mkdir(String path, String mode) {
    try {
      Files.createDirectory(
          Paths.get(path),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
      // createDirectory's mode passes through the umask, as mkdir(2)'s does; Node's too.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code process.getuid()}. */
  static int uid() {
    try {
      return (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code staleSocket(file)}: leaves a socket file with no server behind it. Node kills a child
   * that listens there; closing a JDK channel bound to the path leaves the file just the same.
   */
  static void staleSocket(String path) {
    try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code server.address() === path}: jnet answers a pipe server's {@code address()} with an
   * AddressInfo whose address is the path, where Node answers the path string.
   */
  static boolean isAddress(Server server, String path) {
    return server.address() != null && path.equals(server.address().address());
  }

  /** The owner-read-write check of readableAllWritableAll. */
  static boolean ownerReadWrite(String path) {
    int m = mode(path);
    return (m & 0600) == 0600;
  }
}
