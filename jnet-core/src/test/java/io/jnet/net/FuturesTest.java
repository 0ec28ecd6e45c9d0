package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnet.error.JnetException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CompletableFuture forms of listen, connect and close, used from a plain thread. */
class FuturesTest {
  @Test
  void listenConnectAndCloseAsFutures() throws Exception {
    Server server = Net.createServer(s -> s.end("hi"));
    AddressInfo address =
        server.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get(10, TimeUnit.SECONDS);
    assertEquals("IPv4", address.family());
    Socket c =
        Net.connectAsync(ConnectOptions.port(address.port()).host("127.0.0.1"))
            .get(10, TimeUnit.SECONDS);
    assertEquals("127.0.0.1", c.remoteAddress());
    c.resume();
    c.destroy();
    server.closeAsync().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRefusedConnectFailsTheFuture() throws Exception {
    Server server = Net.createServer();
    int port =
        server
            .listenAsync(ListenOptions.port(0).host("127.0.0.1"))
            .get(10, TimeUnit.SECONDS)
            .port();
    server.closeAsync().get(10, TimeUnit.SECONDS);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                Net.connectAsync(ConnectOptions.port(port).host("127.0.0.1"))
                    .get(10, TimeUnit.SECONDS));
    JnetException cause = assertInstanceOf(JnetException.class, e.getCause());
    assertEquals("ECONNREFUSED", cause.code());
  }

  @Test
  void anAddressInUseFailsTheListenFuture() throws Exception {
    Server first = Net.createServer();
    int port =
        first.listenAsync(ListenOptions.port(0).host("127.0.0.1")).get(10, TimeUnit.SECONDS).port();
    Server second = Net.createServer();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                second
                    .listenAsync(ListenOptions.port(port).host("127.0.0.1"))
                    .get(10, TimeUnit.SECONDS));
    assertEquals("EADDRINUSE", ((JnetException) e.getCause()).code());
    assertEquals(false, second.listening());
    first.closeAsync().get(10, TimeUnit.SECONDS);
  }
}
