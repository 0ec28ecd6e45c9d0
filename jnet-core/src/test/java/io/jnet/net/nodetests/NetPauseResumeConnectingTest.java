package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-pause-resume-connecting.js}. */
@NodeFile("test-net-pause-resume-connecting.js")
class NetPauseResumeConnectingTest extends NodeTestCase {
  @Test
  void pauseAndResumeWhileConnectingDecideTheFlow() throws Exception {
    int[] connections = {0};
    int[] dataEvents = {0};
    node(
        () -> {
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  conn -> {
                    connections[0]++;
                    conn.end("This was the year he fell to pieces.");
                    if (connections[0] == 5) server[0].close();
                  });
          server[0].listen(
              0,
              () -> {
                int port = server[0].address().port();
                Socket conn = Net.connect(port, "localhost");
                conn.resume();
                conn.on(Socket.DATA, d -> dataEvents[0]++);

                conn = Net.connect(port, "localhost");
                conn.pause();
                conn.resume();
                conn.on(Socket.DATA, d -> dataEvents[0]++);

                conn = Net.connect(port, "localhost");
                conn.pause();
                conn.on(Socket.DATA, mustNotCallArg());
                scheduleTearDown(conn);

                conn = Net.connect(port, "localhost");
                conn.resume();
                conn.pause();
                conn.resume();
                conn.on(Socket.DATA, d -> dataEvents[0]++);

                conn = Net.connect(port, "localhost");
                conn.resume();
                conn.resume();
                conn.pause();
                conn.on(Socket.DATA, mustNotCallArg());
                scheduleTearDown(conn);
              });
        });
    assertEquals(5, connections[0]);
    assertEquals(3, dataEvents[0]);
  }

  private void scheduleTearDown(Socket conn) {
    loop()
        .setTimeout(
            () -> {
              conn.removeAllListeners(Socket.DATA);
              conn.resume();
            },
            100);
  }
}
