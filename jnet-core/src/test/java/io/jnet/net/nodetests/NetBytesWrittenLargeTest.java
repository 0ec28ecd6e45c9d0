package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-bytes-written-large.js}. */
@NodeFile("test-net-bytes-written-large.js")
class NetBytesWrittenLargeTest extends NodeTestCase {
  static final int N = 10_000_000;

  @Test
  void endOfALargeBufferCountsEveryByte() throws Exception {
    node(
        () ->
            serve(
                socket -> {
                  socket.end(
                      Buffer.alloc(N),
                      mustCall((JnetException e) -> assertEquals(N, socket.bytesWritten())));
                  assertEquals(N, socket.bytesWritten());
                },
                N));
  }

  @Test
  void endOfALargeStringCountsEveryByte() throws Exception {
    node(
        () ->
            serve(
                socket -> {
                  socket.end(
                      "a".repeat(N),
                      mustCall((JnetException e) -> assertEquals(N, socket.bytesWritten())));
                  assertEquals(N, socket.bytesWritten());
                },
                N));
  }

  @Test
  void corkedLargeWritesCountEveryByte() throws Exception {
    node(
        () ->
            serve(
                socket -> {
                  socket.cork();
                  socket.write("a".repeat(N));
                  assertEquals(N, socket.bytesWritten());
                  socket.write(Buffer.alloc(N));
                  assertEquals(2L * N, socket.bytesWritten());
                  socket.end(
                      "",
                      mustCall((JnetException e) -> assertEquals(2L * N, socket.bytesWritten())));
                  socket.uncork();
                },
                2L * N));
  }

  private void serve(Consumer<Socket> onConnection, long expectedRead) {
    Server server = Net.createServer(mustCall(onConnection::accept));
    server.listen(
        0,
        mustCall(
            () -> {
              Socket client = Net.connect(server.address().port());
              client.resume();
              client.on(
                  Socket.CLOSE,
                  mustCall(
                      () -> {
                        assertEquals(expectedRead, client.bytesRead());
                        server.close();
                      }));
            }));
  }
}
