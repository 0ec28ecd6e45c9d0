package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-bytes-stats.js}. */
@NodeFile("test-net-bytes-stats.js")
class NetBytesStatsTest extends NodeTestCase {
  @Differs(
      "Node 24 counts bytesWritten afresh for each connect of a reused Socket (6 then 6: 'Bytes written: 12' summed); jnet's keeps counting across the reconnect (6 then 12: 18 summed), both transports.")
  @Tag("pending")
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
