package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Node 24's {@code readableHighWaterMark} and {@code writableHighWaterMark} socket options, and the
 * connect options' host defaults, against what Node 24 printed.
 */
class SocketHighWaterMarkOptionsTest {
  private static final int DEFAULT = new Socket().readableHighWaterMark();

  @Test
  void eachSideTakesItsOwnHighWaterMark() {
    // Node 24: {readableHighWaterMark: 1000} -> 1000 65536; {writableHighWaterMark: 2000} ->
    // 65536 2000 (65536 being the default)
    Socket r = new Socket(SocketOptions.defaults().readableHighWaterMark(1000));
    Socket w = new Socket(SocketOptions.defaults().writableHighWaterMark(2000));
    assertEquals(
        List.of(1000, DEFAULT), List.of(r.readableHighWaterMark(), r.writableHighWaterMark()));
    assertEquals(
        List.of(DEFAULT, 2000), List.of(w.readableHighWaterMark(), w.writableHighWaterMark()));
  }

  @Test
  void highWaterMarkWinsOverEachSidesOwn() {
    // Node 24: {highWaterMark: 5, readableHighWaterMark: 1000, writableHighWaterMark: 2000} -> 5 5
    Socket s =
        new Socket(
            SocketOptions.defaults()
                .readableHighWaterMark(1000)
                .writableHighWaterMark(2000)
                .highWaterMark(5));
    assertEquals(List.of(5, 5), List.of(s.readableHighWaterMark(), s.writableHighWaterMark()));
  }

  @Test
  void aNegativeSideHighWaterMarkIsInvalid() {
    // Node 24: ERR_INVALID_ARG_VALUE The property 'options.readableHighWaterMark' is invalid.
    //   Received -1
    JnetException r =
        assertThrows(JnetException.class, () -> SocketOptions.defaults().readableHighWaterMark(-1));
    assertEquals("ERR_INVALID_ARG_VALUE", r.code());
    assertEquals(
        "The property 'options.readableHighWaterMark' is invalid. Received -1", r.getMessage());
    JnetException w =
        assertThrows(JnetException.class, () -> ConnectOptions.port(1).writableHighWaterMark(-1));
    assertEquals(
        "The property 'options.writableHighWaterMark' is invalid. Received -1", w.getMessage());
  }

  @Test
  void connectPassesEachSidesHighWaterMarkToTheSocket() throws Exception {
    // Node 24: net.connect({port, readableHighWaterMark: 1000, writableHighWaterMark: 2000}) ->
    //   1000 2000
    List<Object> seen = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server server = Net.createServer(Socket::end);
          server.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c =
                    Net.connect(
                        ConnectOptions.port(server.address().port())
                            .host("127.0.0.1")
                            .readableHighWaterMark(1000)
                            .writableHighWaterMark(2000));
                seen.add(c.readableHighWaterMark());
                seen.add(c.writableHighWaterMark());
                c.destroy();
                server.close();
              });
        });
    assertTrue(LoopEngine.of(loop).awaitIdle(10_000));
    assertEquals(List.of(1000, 2000), seen);
  }

  @Test
  void aNullOrEmptyHostIsLocalhost() {
    // Node 24: {port: 1, host: null} and {host: ''} look up localhost (lookup 127.0.0.1).
    assertEquals("localhost", ConnectOptions.port(1).host(null).host());
    assertEquals("localhost", ConnectOptions.port(1).host("").host());
  }
}
