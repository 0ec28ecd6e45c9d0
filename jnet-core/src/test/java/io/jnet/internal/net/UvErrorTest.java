package io.jnet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The errno mapping against Node's own errors, recorded by {@code internal-net/errors.js}: each
 * scenario is rebuilt from the exceptions the NIO transport (JDK) and the epoll transport (Netty
 * native) throw for it.
 */
class UvErrorTest {
  private static final int PORT = 8080;

  private static Map<String, String[]> recorded() {
    Map<String, String[]> m = new HashMap<>();
    for (String[] row : NodeTable.rows("node-errors.tsv")) {
      if (row[0].equals("error")) m.put(row[1], row);
    }
    return m;
  }

  private static void assertNode(String scenario, JnetException actual) {
    String[] row = recorded().get(scenario);
    assertTrue(row != null, "no recorded scenario " + scenario);
    String port = row[6].equals("PORT") ? Integer.toString(PORT) : row[6];
    assertEquals(row[2], actual.code(), scenario + " code");
    assertEquals(Integer.parseInt(row[3]), actual.errno(), scenario + " errno");
    assertEquals(row[4], actual.syscall(), scenario + " syscall");
    assertEquals(row[5].equals("-") ? null : row[5], actual.address(), scenario + " address");
    assertEquals(
        port.equals("-") ? null : Integer.valueOf(port), actual.port(), scenario + " port");
    assertEquals(row[7].replace("PORT", Integer.toString(PORT)), actual.getMessage(), scenario);
  }

  private static void assertBoth(
      String scenario, Function<Throwable, JnetException> map, Throwable nio, Throwable epoll) {
    assertNode(scenario, map.apply(nio));
    assertNode(scenario, map.apply(epoll));
  }

  @Test
  void everyCodeHasNodesErrnoAndDescription() {
    int rows = 0;
    for (String[] row : NodeTable.rows("node-errors.tsv")) {
      if (!row[0].equals("errmap")) continue;
      rows++;
      assertEquals(Integer.parseInt(row[1]), UvError.errno(row[2]), row[2]);
      assertEquals(row[3], UvError.description(row[2]), row[2]);
      assertEquals(row[2], UvError.codeOf(Integer.parseInt(row[1])), row[1]);
    }
    assertTrue(rows > 40, "errmap rows: " + rows);
  }

  @Test
  void refusedConnectIsEconnrefused() {
    assertBoth(
        "connect-refused",
        t -> UvError.connect(t, "127.0.0.1", 1, null),
        new ConnectException("Connection refused"),
        new ConnectException("connect(..) failed: Connection refused: /127.0.0.1:1"));
    assertNode(
        "connect-refused-ipv6",
        UvError.connect(new ConnectException("Connection refused"), "::1", 1, null));
  }

  @Test
  void missingPipeIsEnoent() {
    assertBoth(
        "connect-enoent",
        t -> UvError.connect(t, "missing.sock", null, null),
        new SocketException("No such file or directory"),
        new FileNotFoundException());
  }

  @Test
  void portInUseIsEaddrinuse() {
    assertBoth(
        "listen-eaddrinuse-tcp",
        t -> UvError.listen(t, "127.0.0.1", PORT),
        new BindException("Address already in use"),
        new BindException("bind(..) failed: Address already in use"));
    assertNode(
        "listen-eaddrinuse-any",
        UvError.listen(new BindException("Address already in use"), "::", PORT));
  }

  @Test
  void pathInUseIsEaddrinuse() {
    assertNode(
        "listen-eaddrinuse-path",
        UvError.listen(new BindException("Address already in use"), "x.sock", -1));
  }

  @Test
  void foreignAddressIsEaddrnotavail() {
    assertNode(
        "listen-eaddrnotavail",
        UvError.listen(new BindException("Cannot assign requested address"), "192.0.2.1", 8080));
    assertNode(
        "connect-local-eaddrnotavail",
        UvError.bind(new BindException("Cannot assign requested address"), "192.0.2.1", 0));
  }

  @Test
  void privilegedPortIsEacces() {
    assertNode(
        "listen-eacces", UvError.listen(new BindException("Permission denied"), "0.0.0.0", 80));
  }

  @Test
  void resetIsReadEconnreset() {
    assertBoth(
        "read-econnreset",
        t -> UvError.stream(t, "read"),
        new IOException("Connection reset by peer"),
        new SocketException("Connection reset"));
  }

  @Test
  void writeToGonePeerIsEpipe() {
    ClosedChannelException closedByWriteError = new ClosedChannelException();
    closedByWriteError.initCause(new IOException("Broken pipe"));
    assertBoth(
        "write-epipe",
        t -> UvError.stream(t, "write"),
        new IOException("Broken pipe"),
        closedByWriteError);
    assertNode("write-epipe", UvError.stream(new ClosedChannelException(), "write"));
  }

  @Test
  void unknownNameIsEnotfound() {
    assertNode(
        "getaddrinfo-enotfound",
        UvError.lookup(
            new UnknownHostException("nosuch.invalid: Name or service not known"),
            "nosuch.invalid"));
    assertNode(
        "getaddrinfo-enotfound",
        UvError.lookup(new UnknownHostException("nosuch.invalid"), "nosuch.invalid"));
  }

  @Test
  void resolverTimeoutIsEaiAgain() {
    JnetException e =
        UvError.lookup(
            new UnknownHostException("a.example: Temporary failure in name resolution"),
            "a.example");
    assertEquals(
        List.of("EAI_AGAIN", -3001, "getaddrinfo EAI_AGAIN a.example"),
        List.of(e.code(), e.errno(), e.getMessage()));
  }

  @Test
  void tooManyFilesIsEmfileNotEnfile() {
    assertEquals("EMFILE", UvError.codeOf(new IOException("Too many open files"), "accept"));
    assertEquals(
        "ENFILE", UvError.codeOf(new IOException("Too many open files in system"), "accept"));
  }

  @Test
  void messagelessNoRouteIsEhostunreach() {
    assertEquals("EHOSTUNREACH", UvError.codeOf(new NoRouteToHostException(), "connect"));
    assertEquals(
        "ENETUNREACH", UvError.codeOf(new SocketException("Network is unreachable"), "connect"));
  }

  @Test
  void connectTimeoutIsEtimedout() {
    JnetException e =
        UvError.connect(
            new io.netty.channel.ConnectTimeoutException("connection timed out after 10 ms"),
            "10.0.0.1",
            80,
            null);
    assertEquals("connect ETIMEDOUT 10.0.0.1:80", e.getMessage());
    assertEquals(-110, e.errno());
  }

  @Test
  void localAddressIsAppendedToConnectErrors() {
    JnetException e =
        UvError.connect(
            new ConnectException("Connection refused"), "127.0.0.1", 1, "127.0.0.1:5000");
    assertEquals("connect ECONNREFUSED 127.0.0.1:1 - Local (127.0.0.1:5000)", e.getMessage());
  }

  @Test
  void nativeErrnoWinsOverMessage() {
    assumeTrue(Epoll.isAvailable(), "epoll native library");
    assertNode(
        "read-econnreset", UvError.stream(new Errors.NativeIoException("read", -104), "read"));
    assertNode("write-epipe", UvError.stream(new Errors.NativeIoException("writev", -32), "write"));
    assertEquals("EMFILE", UvError.codeOf(new Errors.NativeIoException("accept", -24), "accept"));
  }

  @Test
  void jdkWordsForLongPathsAndMissingFamilies() {
    assertEquals(
        "ENAMETOOLONG", UvError.codeOf(new SocketException("Unix domain path too long"), "listen"));
    assertEquals(
        "EAFNOSUPPORT",
        UvError.codeOf(new SocketException("Protocol family unavailable"), "connect"));
  }
}
