package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-binary.js}: every latin1 character echoed, in both orders.
 * Node's string of the 256 characters is built from octal escapes (checked by {@code eval}); here
 * it is built from the code points.
 */
@NodeFile("test-net-binary.js")
class NetBinaryTest extends NodeTestCase {
  @Test
  void everyLatin1CharacterIsEchoed() throws Exception {
    StringBuilder recv = new StringBuilder();
    node(
        () -> {
          StringBuilder binary = new StringBuilder();
          for (int i = 255; i >= 0; i--) binary.append((char) i);
          String binaryString = binary.toString();
          Server echoServer =
              Net.createServer(
                  connection -> {
                    connection.setEncoding("latin1");
                    connection.on(Socket.TEXT, chunk -> connection.write(chunk, "latin1"));
                    connection.on(Socket.END, () -> connection.end());
                  });
          echoServer.listen(0);
          echoServer.on(
              Server.LISTENING,
              () -> {
                int[] j = {0};
                Socket c = Net.connect(ConnectOptions.port(echoServer.address().port()));
                c.setEncoding("latin1");
                c.on(
                    Socket.TEXT,
                    chunk -> {
                      int n = j[0] + chunk.length();
                      while (j[0] < n && j[0] < 256) {
                        c.write(String.valueOf((char) j[0]), "latin1");
                        j[0]++;
                      }
                      if (j[0] == 256) c.end();
                      recv.append(chunk);
                    });
                c.on(Socket.CONNECT, () -> c.write(binaryString, "binary"));
                c.on(Socket.CLOSE, () -> echoServer.close());
              });
        });
    assertEquals(2 * 256, recv.length());
    String first = new StringBuilder(recv.substring(0, 256)).reverse().toString();
    String second = recv.substring(256, 512);
    assertEquals(first, second);
  }
}
