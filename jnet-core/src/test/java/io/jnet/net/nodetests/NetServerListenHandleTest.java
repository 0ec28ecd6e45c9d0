package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.net.Adopt;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-server-listen-handle.js}: a server listens on the descriptor
 * of a TCP or Unix socket that is bound but not yet listening (Node makes it listen), with a
 * callback or with {@code 'listening'}; a descriptor of a file is {@code 'error'} {@code listen
 * EINVAL}. The bound sockets are opened here through Netty's native socket calls, where Node's file
 * opens them through {@code internalBinding('tcp_wrap')} and {@code internalBinding('pipe_wrap')}.
 */
@NodeFile(
    value = "test-net-server-listen-handle.js",
    notPorted = {
      "listen(handle), listen({handle}) and listen({_handle}) with TCP and Pipe handle objects: jnet"
          + " has no handle objects (Node internals)"
    })
class NetServerListenHandleTest extends NodeTestCase {
  private int counter;

  /** A TCP socket bound to an arbitrary port of 0.0.0.0, not listening: its descriptor. */
  private static int boundTcp() throws IOException {
    Socket s = Socket.newSocketStream();
    s.bind(new InetSocketAddress("0.0.0.0", 0));
    return s.intValue();
  }

  /** A Unix socket bound to a fresh path of this test, not listening: its descriptor. */
  private int boundPipe() throws IOException {
    Socket s = Socket.newSocketDomain();
    s.bind(new DomainSocketAddress(pipe() + "-listen-pipe-" + counter++));
    return s.intValue();
  }

  private Runnable closeServer(Server[] server) {
    return mustCall(() -> server[0].close());
  }

  /** listen({fd}, cb) and listen({fd}) then 'listening'. */
  private void listenTwice(int fdWithCallback, int fdWithEvent) {
    Server[] a = new Server[1];
    a[0] = Net.createServer().listen(ListenOptions.fd(fdWithCallback), closeServer(a));
    Server[] b = new Server[1];
    b[0] = Net.createServer().listen(ListenOptions.fd(fdWithEvent));
    b[0].on(Server.LISTENING, closeServer(b));
  }

  private void allFacts() throws IOException {
    listenTwice(boundTcp(), boundTcp());
    listenTwice(boundPipe(), boundPipe());
    File path = tmpdir().resolve("file").toFile();
    java.nio.file.Files.writeString(path.toPath(), "a file");
    FileDescriptor file = FileDescriptor.from(path);
    Server[] server = new Server[1];
    server[0] =
        Net.createServer()
            .listen(ListenOptions.fd(file.intValue()), mustNotCall())
            .on(
                Server.ERROR,
                mustCall(
                    err -> {
                      assertEquals("Error: listen EINVAL: invalid argument", String.valueOf(err));
                      server[0].close();
                      try {
                        file.close();
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }));
  }

  @Test
  void listensOnTheDescriptorOfABoundSocket() throws Exception {
    assumeTrue(Adopt.available(), "this transport cannot adopt a descriptor");
    node(this::allFacts);
  }

  @Differs(
      "Node 24 listens on the descriptor; on NIO jnet's listen({fd}) throws"
          + " ERR_FEATURE_UNAVAILABLE_ON_PLATFORM at the call (the JDK's channels cannot adopt a"
          + " descriptor); epoll matches Node.")
  @Tag("pending")
  @Test
  void listensOnTheDescriptorOfABoundSocketOnNio() throws Exception {
    assumeFalse(Adopt.available(), "this transport adopts descriptors");
    node(this::allFacts);
  }
}
