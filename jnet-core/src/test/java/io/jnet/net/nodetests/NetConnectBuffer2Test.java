package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-connect-buffer2.js}. */
@NodeFile("test-net-connect-buffer2.js")
class NetConnectBuffer2Test extends NodeTestCase {
  @Test
  void writesBeforeConnectAreBufferedAndCounted() throws Exception {
    node(
        () -> {
          Server[] tcp = new Server[1];
          tcp[0] =
              Net.createServer(
                  mustCall(
                      (Socket s) -> {
                        tcp[0].close();
                        StringBuilder buf = new StringBuilder();
                        s.setEncoding("utf8");
                        s.on(Socket.TEXT, buf::append);
                        s.on(
                            Socket.END,
                            mustCall(
                                () -> {
                                  assertEquals("L'État, c'est moi", buf.toString());
                                  s.end();
                                }));
                      }));
          tcp[0].listen(
              0,
              mustCall(
                  () -> {
                    Socket socket = new Socket(SocketOptions.defaults().highWaterMark(0));
                    boolean[] connected = {false};
                    assertTrue(socket.pending());
                    socket.connect(
                        ConnectOptions.port(tcp[0].address().port()),
                        mustCall(() -> connected[0] = true));
                    assertTrue(socket.pending());
                    assertTrue(socket.connecting());
                    assertEquals("opening", socket.readyState());
                    String a = "L'État, c'est ";
                    String b = "moi";
                    boolean r =
                        socket.write(
                            a,
                            mustCall(
                                (JnetException er) -> {
                                  assertTrue(connected[0]);
                                  assertEquals(Buffer.from(a + b).length(), socket.bytesWritten());
                                  assertFalse(socket.pending());
                                }));
                    socket.on(Socket.CLOSE, mustCall(() -> assertTrue(socket.pending())));
                    assertEquals(Buffer.from(a).length(), socket.bytesWritten());
                    assertFalse(r);
                    socket.end(b);
                    assertEquals("opening", socket.readyState());
                  }));
        });
  }
}
