package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-bytes-stats.js}. */
@NodeFile("test-net-bytes-stats.js")
class NetBytesStatsTest extends NodeTestCase {
  @Test
  void bytesCountsStartAfreshOnAReconnectedSocket() throws Exception {
    long[] bytesRead = {0};
    long[] bytesWritten = {0};
    node(
        () -> {
          int[] count = {0};
          Server tcp =
              Net.createServer(
                  s -> {
                    s.resume();
                    s.on(Socket.END, () -> bytesRead[0] += s.bytesRead());
                  });
          tcp.listen(
              0,
              () -> {
                Socket socket = Net.connect(tcp.address().port());
                socket.on(
                    Socket.CONNECT,
                    () -> {
                      count[0]++;
                      socket.write("foo", e -> socket.end("bar"));
                    });
                socket.on(Socket.FINISH, () -> bytesWritten[0] += socket.bytesWritten());
                socket.on(
                    Socket.CLOSE,
                    () -> {
                      if (count[0] < 2) socket.connect(tcp.address().port());
                      else tcp.close();
                    });
              });
        });
    assertEquals(12, bytesRead[0]);
    assertEquals(12, bytesWritten[0]);
  }
}
