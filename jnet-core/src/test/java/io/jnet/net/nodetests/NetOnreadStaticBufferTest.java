package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jnet.buffer.Buffer;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.OnRead;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-onread-static-buffer.js}: a server ends with "hello world";
 * the client reads it through {@code onread} into a static buffer or buffers from a function, never
 * through {@code 'data'}, and pausing (explicitly, or by returning false) holds the rest back until
 * {@code resume()}.
 *
 * <p>The file counts the callback with {@code mustCall} (exactly once) in four sections although
 * the 11 bytes cannot fit one read of an 8-byte (or 2-byte) buffer: Node 24 calls it twice with 8
 * bytes (8 + 3) and six times with 2 (and asks the buffer function 7 times); the port counts at
 * least one call, and the byte totals check the rest. The Uint8Array sections are the Buffer
 * sections again (jnet's Buffer is the only byte type onread takes); they are kept as Node has
 * them.
 */
@NodeFile("test-net-onread-static-buffer.js")
class NetOnreadStaticBufferTest extends NodeTestCase {
  private static final Buffer MESSAGE = Buffer.from("hello world");

  /** Listens, ends MESSAGE to the one connection, and connects with {@code options}. */
  private void serveOnce(Consumer<Integer> client) {
    Server[] server = new Server[1];
    server[0] =
        Net.createServer(
            mustCall(
                (Socket socket) -> {
                  server[0].close();
                  socket.end(MESSAGE);
                }));
    server[0].listen(0, mustCall(() -> client.accept(server[0].address().port())));
  }

  /** Checks, at 'end', what the client received. */
  private void checkAtEnd(Socket socket, int[] received, List<Buffer> buffers) {
    socket.on(Socket.DATA, mustNotCallArg());
    socket.on(
        Socket.END,
        mustCall(
            () -> {
              assertEquals(MESSAGE.length(), received[0]);
              assertArrayEquals(MESSAGE.toByteArray(), Buffer.concat(buffers).toByteArray());
            }));
  }

  private void staticBuffer() {
    serveOnce(
        port -> {
          int[] received = new int[1];
          List<Buffer> buffers = new ArrayList<>();
          Buffer sockBuf = Buffer.alloc(8);
          Socket socket =
              Net.connect(
                  ConnectOptions.port(port)
                      .onread(
                          sockBuf,
                          callback(
                              (nread, buf) -> {
                                assertSame(sockBuf, buf);
                                received[0] += nread;
                                buffers.add(Buffer.from(buf.slice(0, nread)));
                                return true;
                              })));
          checkAtEnd(socket, received, buffers);
        });
  }

  @Test
  void typicalUsage() throws Exception {
    node(this::staticBuffer);
  }

  @Test
  void uint8ArraySupport() throws Exception {
    node(this::staticBuffer);
  }

  private void bufferFunction() {
    serveOnce(
        port -> {
          int[] received = new int[1];
          List<Buffer> incoming = new ArrayList<>();
          Buffer[] bufPool = {Buffer.alloc(2), Buffer.alloc(2), Buffer.alloc(2)};
          int[] bufPoolIdx = {-1};
          int[] bufPoolUsage = {0};
          Supplier<Buffer> buffer =
              () -> {
                ++bufPoolUsage[0];
                bufPoolIdx[0] = (bufPoolIdx[0] + 1) % bufPool.length;
                return bufPool[bufPoolIdx[0]];
              };
          Socket socket =
              Net.connect(
                  ConnectOptions.port(port)
                      .onread(
                          buffer,
                          callback(
                              (nread, buf) -> {
                                assertSame(bufPool[bufPoolIdx[0]], buf);
                                received[0] += nread;
                                incoming.add(Buffer.from(buf.slice(0, nread)));
                                return true;
                              })));
          checkAtEnd(socket, received, incoming);
          socket.on(Socket.END, () -> assertEquals(7, bufPoolUsage[0]));
        });
  }

  @Test
  void bufferCallbackUsage() throws Exception {
    node(this::bufferFunction);
  }

  @Test
  void uint8ArrayCallbackSupport() throws Exception {
    node(this::bufferFunction);
  }

  @Test
  void explicitSocketPause() throws Exception {
    node(() -> pausing(true));
  }

  @Test
  void implicitSocketPause() throws Exception {
    node(() -> pausing(false));
  }

  /** Pauses at each read, by {@code pause()} or by returning false, and resumes 100 ms later. */
  private void pausing(boolean explicit) {
    serveOnce(
        port -> {
          int[] received = new int[1];
          List<Buffer> buffers = new ArrayList<>();
          Buffer sockBuf = Buffer.alloc(8);
          boolean[] paused = {false};
          Socket[] socket = new Socket[1];
          socket[0] =
              Net.connect(
                  ConnectOptions.port(port)
                      .onread(
                          sockBuf,
                          callback(
                              (nread, buf) -> {
                                assertFalse(paused[0]);
                                assertSame(sockBuf, buf);
                                received[0] += nread;
                                buffers.add(Buffer.from(buf.slice(0, nread)));
                                paused[0] = true;
                                if (explicit) socket[0].pause();
                                loop()
                                    .setTimeout(
                                        () -> {
                                          paused[0] = false;
                                          socket[0].resume();
                                        },
                                        100);
                                return explicit;
                              })));
          checkAtEnd(socket[0], received, buffers);
        });
  }

  /** {@code common.mustCallAtLeast(callback)} for an onread callback. */
  private OnRead.Callback callback(OnRead.Callback fn) {
    Runnable counted = mustCallAtLeast(() -> {}, 1);
    return (nread, buf) -> {
      counted.run();
      return fn.onRead(nread, buf);
    };
  }
}
