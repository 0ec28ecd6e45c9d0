package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.testing.Steps;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code blockList} as a socket option ({@code new net.Socket({blockList})}), against what Node 24
 * printed for the same steps ({@code src/test/node/blocklist/socket-option.js}).
 */
class SocketBlockListTest {
  private static final List<String> NODE_24 =
      List.of(
          "A attempt 127.0.0.1 1 4",
          "A error ERR_IP_BLOCKED IP(127.0.0.1) is blocked by net.BlockList",
          "A close true",
          "B error ERR_IP_BLOCKED",
          "B close true",
          "C connect",
          "C close false");

  @Test
  void theConstructorsListIsTheOneConnectUsesAsNode24() throws InterruptedException {
    assertEquals(NODE_24, LoopRun.run(SocketBlockListTest::steps));
  }

  private static void steps(List<String> log) {
    BlockList bl = new BlockList();
    bl.addAddress("127.0.0.1");
    List<Consumer<Runnable>> steps =
        List.of(
            next -> {
              Socket s = new Socket(SocketOptions.defaults().blockList(bl));
              s.on(
                  Socket.CONNECTION_ATTEMPT,
                  a -> log.add("A attempt " + a.ip() + " " + a.port() + " " + a.family()));
              s.on(Socket.ERROR, e -> log.add("A error " + e.code() + " " + e.getMessage()));
              s.on(
                  Socket.CLOSE,
                  h -> {
                    log.add("A close " + h);
                    next.run();
                  });
              s.connect(1, "127.0.0.1");
            },
            next -> {
              Socket s = new Socket(SocketOptions.defaults().blockList(bl));
              s.on(Socket.ERROR, e -> log.add("B error " + e.code()));
              s.on(
                  Socket.CLOSE,
                  h -> {
                    log.add("B close " + h);
                    next.run();
                  });
              s.connect(ConnectOptions.port(1).host("127.0.0.1").blockList(new BlockList()));
            },
            next -> {
              Server srv = Net.createServer(c -> c.end());
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Socket s = new Socket();
                    s.on(Socket.CONNECT, () -> log.add("C connect"));
                    s.on(Socket.ERROR, e -> log.add("C error " + e.code()));
                    s.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("C close " + h);
                          srv.close(e -> next.run());
                        });
                    s.resume();
                    s.connect(
                        ConnectOptions.port(srv.address().port()).host("127.0.0.1").blockList(bl));
                  });
            });
    Steps.run(steps);
  }
}
