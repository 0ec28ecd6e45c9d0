package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-connect-options-port.js}: the six ways to connect (two
 * functions and {@code Socket.connect}, each with and without a callback) with good and bad ports.
 */
@NodeFile(
    value = "test-net-connect-options-port.js",
    notPorted = {
      "ports true, false, [], {}, null (ERR_INVALID_ARG_TYPE) and '', ' ', '0x', '-0x1', NaN,"
          + " Infinity (ERR_SOCKET_BAD_PORT): Java's types take only an int",
      "ports given as strings (String(port), hex): Java's types take only an int, so 24 of the 72"
          + " connections are made",
      "the hints option (ERR_INVALID_ARG_VALUE): jnet has no hints option"
    })
class NetConnectOptionsPortTest extends NodeTestCase {
  @Test
  void badPortsThrowForEveryFormOfConnect() throws Exception {
    node(
        () -> {
          for (int port : new int[] {-1, 65536}) {
            for (Supplier<ConnectOptions> opts : optionGroups(port)) {
              for (Supplier<Socket> fn : doConnect(opts, this::mustNotCall)) {
                assertThrowsNode("ERR_SOCKET_BAD_PORT", "RangeError", null, fn::get);
              }
            }
          }
        });
  }

  @Test
  void everyFormOfConnectReachesTheServerThenPortZeroFails() throws Exception {
    node(
        () -> {
          int expectedConnections = 24;
          int[] serverConnected = {0};
          Server[] server = new Server[1];
          server[0] =
              Net.createServer(
                  mustCall(
                      (Socket socket) -> {
                        socket.end("ok");
                        if (++serverConnected[0] == expectedConnections) server[0].close();
                      },
                      expectedConnections));
          server[0].listen(
              0,
              "127.0.0.1",
              mustCall(
                  () -> {
                    int port = server[0].address().port();
                    for (Supplier<ConnectOptions> opts : optionGroups(port)) {
                      for (Supplier<Socket> fn : doConnect(opts, this::mustCall)) fn.get();
                    }
                  }));
          server[0].on(
              Server.CLOSE,
              () -> {
                List<Supplier<ConnectOptions>> groups = optionGroups(0);
                for (Supplier<ConnectOptions> opts :
                    List.of(groups.get(0), groups.get(2), groups.get(3))) {
                  for (Supplier<Socket> fn : doConnect(opts, this::mustNotCall)) {
                    fn.get()
                        .on(
                            Socket.ERROR,
                            mustCall(
                                (JnetException err) ->
                                    assertTrue(
                                        String.valueOf(err).matches("^Error: connect E\\w+.+$"),
                                        String.valueOf(err))));
                  }
                }
              });
        });
  }

  /** Node's four groups: {port, family} twice and {port, host: 'localhost', family} twice. */
  private static List<Supplier<ConnectOptions>> optionGroups(int port) {
    Supplier<ConnectOptions> portOnly = () -> ConnectOptions.port(port).family(4);
    Supplier<ConnectOptions> portHost = () -> ConnectOptions.port(port).host("localhost").family(4);
    return List.of(portOnly, portHost, portOnly, portHost);
  }

  /** The six ways to connect, each returning its resumed socket. */
  private static List<Supplier<Socket>> doConnect(
      Supplier<ConnectOptions> opts, Supplier<Runnable> cb) {
    return List.of(
        () -> {
          Socket s = Net.createConnection(opts.get(), cb.get());
          s.resume();
          return s;
        },
        () -> {
          Socket s = Net.createConnection(opts.get());
          s.on(Socket.CONNECT, cb.get()).resume();
          return s;
        },
        () -> {
          Socket s = Net.connect(opts.get(), cb.get());
          s.resume();
          return s;
        },
        () -> {
          Socket s = Net.connect(opts.get());
          s.on(Socket.CONNECT, cb.get()).resume();
          return s;
        },
        () -> {
          Socket s = new Socket();
          s.connect(opts.get(), cb.get()).resume();
          return s;
        },
        () -> {
          Socket s = new Socket();
          s.connect(opts.get()).on(Socket.CONNECT, cb.get()).resume();
          return s;
        });
  }
}
