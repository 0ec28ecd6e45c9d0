package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.buffer.Buffer;
import io.jnet.testing.Steps;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code onread} option of connect, against what Node 24 printed for the same steps ({@code
 * src/test/node/onread/onread.js}).
 */
class OnReadTest {
  private static final List<String> NODE_24 =
      List.of(
          "A read 4 true hell 4",
          "A read 1 true o 5",
          "A stop",
          "A resume",
          "A read 4 true worl 9",
          "A read 4 true d!!! 13",
          "A end",
          "A close false 13",
          "B read 3 abc 1",
          "B read 3 def 2",
          "B read 1 g 3",
          "B end",
          "B close false 4");

  @Test
  void readsLandInTheReusedBufferAsNode24() throws InterruptedException {
    assertEquals(NODE_24, LoopRun.run(OnReadTest::steps));
  }

  @Test
  void eightMegabytesArriveInOrderThroughStopsAndRestarts() throws InterruptedException {
    int total = 8 << 20;
    List<String> log =
        LoopRun.run(
            l -> {
              Server srv =
                  Net.createServer(
                      c -> {
                        byte[] chunk = new byte[65536];
                        for (int i = 0; i < total; i += chunk.length) {
                          for (int j = 0; j < chunk.length; j++) chunk[j] = (byte) ((i + j) % 251);
                          c.write(Buffer.from(chunk));
                        }
                        c.end();
                      });
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    long[] seen = {0};
                    int[] reads = {0};
                    boolean[] bad = {false};
                    Socket[] c = new Socket[1];
                    c[0] =
                        Net.connect(
                            ConnectOptions.port(srv.address().port())
                                .host("127.0.0.1")
                                .onread(
                                    Buffer.alloc(1000),
                                    (n, b) -> {
                                      for (int k = 0; k < n; k++) {
                                        if (b.get(k) != (int) ((seen[0] + k) % 251)) bad[0] = true;
                                      }
                                      seen[0] += n;
                                      if (++reads[0] % 997 != 0) return true;
                                      srv.loop().setImmediate(c[0]::resume); // stop, then go on
                                      return false;
                                    }));
                    c[0].on(
                        Socket.CLOSE,
                        h -> {
                          l.add(seen[0] + " " + c[0].bytesRead() + " " + bad[0] + " " + h);
                          srv.close();
                        });
                  });
            });
    assertEquals(List.of(total + " " + total + " false false"), log);
  }

  private static void steps(List<String> log) {
    List<Consumer<Runnable>> steps =
        List.of(
            next -> {
              Server srv =
                  Net.createServer(
                      c -> {
                        c.write("hello");
                        c.once(Socket.DATA, () -> c.end("world!!!"));
                      });
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    Buffer buf = Buffer.alloc(4);
                    int[] n = {0};
                    Socket[] c = new Socket[1];
                    c[0] =
                        Net.connect(
                            ConnectOptions.port(srv.address().port())
                                .host("127.0.0.1")
                                .onread(
                                    buf,
                                    (nread, b) -> {
                                      log.add(
                                          "A read "
                                              + nread
                                              + " "
                                              + (b == buf)
                                              + " "
                                              + b.toString("latin1", 0, nread)
                                              + " "
                                              + c[0].bytesRead());
                                      if (++n[0] == 2) {
                                        log.add("A stop");
                                        srv.loop()
                                            .setTimeout(
                                                () -> {
                                                  log.add("A resume");
                                                  c[0].resume();
                                                  c[0].write("go");
                                                },
                                                20);
                                        return false;
                                      }
                                      return true;
                                    }));
                    c[0].on(Socket.DATA, d -> log.add("A data " + d));
                    c[0].on(Socket.END, () -> log.add("A end"));
                    c[0].on(
                        Socket.CLOSE,
                        h -> {
                          log.add("A close " + h + " " + c[0].bytesRead());
                          srv.close(e -> next.run());
                        });
                  });
            },
            next -> {
              Server srv = Net.createServer(c -> c.end("abcdefg"));
              srv.listen(
                  0,
                  "127.0.0.1",
                  () -> {
                    int[] asked = {0};
                    Socket c =
                        Net.connect(
                            ConnectOptions.port(srv.address().port())
                                .host("127.0.0.1")
                                .onread(
                                    () -> {
                                      asked[0]++;
                                      return Buffer.alloc(3);
                                    },
                                    (nread, b) -> {
                                      log.add(
                                          "B read "
                                              + nread
                                              + " "
                                              + b.toString("latin1", 0, nread)
                                              + " "
                                              + asked[0]);
                                      return true;
                                    }));
                    c.on(Socket.END, () -> log.add("B end"));
                    c.on(
                        Socket.CLOSE,
                        h -> {
                          log.add("B close " + h + " " + asked[0]);
                          srv.close(e -> next.run());
                        });
                  });
            });
    Steps.run(steps);
  }
}
