package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.buffer.Buffer;
import io.jnet.internal.net.Adopt;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-options-fd.js}: a Socket made on the descriptor of a
 * Unix socket that is bound but not connected ({@code new net.Socket({fd})}) and then connected to
 * a path connects that very descriptor: the server receives the descriptor's number written through
 * it, every client and the server end, and the loop empties.
 *
 * <p>Node's test reads {@code this._handle.fd}; here the adopted descriptor is shown to be the
 * connected one by its peer name (the server's path), and, at exit, to have been closed with the
 * socket. Node 24 printed, for one such client: {@code readyState} 'open' after the constructor,
 * 'opening' and {@code connecting} true after {@code connect()}, then 'connect', 'ready', the
 * server's data, 'end', 'finish', 'close' false, and the descriptor closed ({@code EBADF}).
 */
@NodeFile(
    value = "test-net-connect-options-fd.js",
    notPorted = {
      "the handles' cleanup by the test (handle.close()): the socket owns and closes the"
          + " descriptor, which the test checks instead"
    })
class NetConnectOptionsFdTest extends NodeTestCase {
  private static final int CLIENT_VARIANTS = 6; // Same length as testClients

  /** A descriptor no process has open: above any RLIMIT_NOFILE a test runs with. */
  private static final int NOT_OPEN = 999_999;

  /** A Unix stream socket bound to {@code path}, not connected: Node's {@code new Pipe()}. */
  private static io.netty.channel.unix.Socket boundPipe(String path) throws IOException {
    io.netty.channel.unix.Socket raw = io.netty.channel.unix.Socket.newSocketDomain();
    raw.bind(new DomainSocketAddress(path));
    return raw;
  }

  /** What {@code /proc/self/fd/N} names: {@code socket:[inode]} while the descriptor is open. */
  private static String fdTarget(int fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    } catch (IOException e) {
      return "closed";
    }
  }

  private final Map<Integer, io.netty.channel.unix.Socket> handleMap = new HashMap<>();
  private final Map<Integer, String> openTargets = new HashMap<>();
  private int socketCounter;
  private String prefix;
  private String serverPath;

  /** Node's {@code getSocketOpt}: a fresh bound descriptor, remembered under {@code index}. */
  private SocketOptions getSocketOpt(int index) {
    io.netty.channel.unix.Socket handle;
    try {
      handle = boundPipe(prefix + "-client-" + socketCounter++);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertNotEquals(-1, handle.intValue());
    handleMap.put(index, handle);
    openTargets.put(index, fdTarget(handle.intValue()));
    return SocketOptions.defaults().fd(handle.intValue());
  }

  /**
   * Node's {@code getConnectCb}: must run once, as the connect listener of {@code clients[index]}.
   */
  private Runnable getConnectCb(int index, Socket[] clients) {
    return mustCall(
        () -> {
          // Test if it's wrapping an existing fd: the descriptor itself has the server as peer.
          io.netty.channel.unix.Socket oldHandle = handleMap.get(index);
          DomainSocketAddress peer = oldHandle.remoteDomainSocketAddress();
          assertEquals(serverPath, peer == null ? null : peer.path());
          clients[index].write(String.valueOf(oldHandle.intValue()));
          clients[index].on(Socket.ERROR, mustNotCallArg());
        });
  }

  /** Node's {@code cloneOptions}: the socket's fd among the connect options. */
  private ConnectOptions cloneOptions(int index) {
    return ConnectOptions.path(serverPath).fd(getSocketOpt(index).fd());
  }

  /** Node's {@code testClients}. */
  private Socket[] testClients() {
    ConnectOptions connectOpt = ConnectOptions.path(serverPath);
    Socket[] c = new Socket[CLIENT_VARIANTS];
    c[0] = Net.connect(cloneOptions(0), getConnectCb(0, c));
    c[1] = Net.connect(cloneOptions(1));
    c[1].on(Socket.CONNECT, getConnectCb(1, c));
    c[2] = Net.createConnection(cloneOptions(2), getConnectCb(2, c));
    c[3] = Net.createConnection(cloneOptions(3));
    c[3].on(Socket.CONNECT, getConnectCb(3, c));
    c[4] = new Socket(getSocketOpt(4)).connect(connectOpt, getConnectCb(4, c));
    c[5] = new Socket(getSocketOpt(5)).connect(connectOpt);
    c[5].on(Socket.CONNECT, getConnectCb(5, c));
    return c;
  }

  @Test
  void aSocketAdoptedFromABoundDescriptorConnectsThatDescriptor() throws Exception {
    assumeTrue(Adopt.available(), "this transport cannot adopt a descriptor");
    prefix = pipe() + "-net-connect-options-fd";
    serverPath = prefix + "-server";
    int[] counter = {0};
    node(
        () -> {
          Server server = Net.createServer();
          server
              .on(
                  Server.CONNECTION,
                  mustCall(
                      (Socket socket) -> {
                        socket.on(Socket.DATA, mustCall((Buffer data) -> socket.end()));
                        socket.on(
                            Socket.END,
                            mustCall(
                                () -> {
                                  counter[0]++;
                                  if (counter[0] == CLIENT_VARIANTS) {
                                    loop().setTimeout(server::close, 10);
                                  }
                                }));
                      },
                      CLIENT_VARIANTS))
              .on(Server.ERROR, mustNotCallArg())
              .listen(serverPath, mustCall(this::testClients));
        });
    // The socket owned the descriptor: it closed it with itself (Node's test closes its handles).
    for (Map.Entry<Integer, String> e : openTargets.entrySet()) {
      assertNotEquals(e.getValue(), fdTarget(handleMap.get(e.getKey()).intValue()), "fd left open");
    }
  }

  @Test
  void otherTransportsRefuseTheDescriptorAtTheConstructor() {
    assumeFalse(Adopt.available(), "this transport adopts descriptors");
    // jnet's documented difference: NIO and io_uring cannot adopt a descriptor; the refusal comes
    // before the descriptor is looked at, so the number of none shows it.
    assertThrowsNode(
        "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
        "TypeError",
        null,
        () -> new Socket(SocketOptions.defaults().fd(NOT_OPEN)));
    assertThrowsNode(
        "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
        "TypeError",
        null,
        () -> Net.connect(ConnectOptions.path(pipe()).fd(NOT_OPEN)));
  }
}
