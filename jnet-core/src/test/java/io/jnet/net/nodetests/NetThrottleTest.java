package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-throttle.js}. */
@NodeFile("test-net-throttle.js")
class NetThrottleTest extends NodeTestCase {
  @Test
  void aPausedReaderGetsNothingUntilResumedAndThenEverything() throws Exception {
    long[] charsRecved = {0};
    int[] npauses = {0};
    long[] totalLength = {0};
    node(
        () -> {
          Server server =
              Net.createServer(
                  connection -> {
                    String body = "C".repeat(1024);
                    int n = 1;
                    while (connection.write(body)) n++;
                    connection.write(body);
                    connection.write(body);
                    n += 2;
                    totalLength[0] = (long) n * body.length();
                    assertTrue(connection.bufferSize() >= 0, "bufferSize");
                    assertTrue(connection.writableLength() <= totalLength[0], "writableLength");
                    connection.end();
                  });
          server.listen(
              0,
              () -> {
                boolean[] paused = {false};
                Socket client = Net.connect(server.address().port());
                client.setEncoding("ascii");
                client.on(
                    Socket.TEXT,
                    d -> {
                      charsRecved[0] += d.length();
                      if (!paused[0]) {
                        client.pause();
                        npauses[0]++;
                        paused[0] = true;
                        long x = charsRecved[0];
                        loop()
                            .setTimeout(
                                () -> {
                                  assertEquals(x, charsRecved[0]);
                                  client.resume();
                                  paused[0] = false;
                                },
                                100);
                      }
                    });
                client.on(
                    Socket.END,
                    () -> {
                      server.close();
                      client.end();
                    });
              });
        });
    assertEquals(totalLength[0], charsRecved[0]);
    assertTrue(npauses[0] > 1, npauses[0] + " > 1");
  }
}
