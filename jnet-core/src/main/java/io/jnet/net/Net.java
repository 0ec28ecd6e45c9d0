package io.jnet.net;

import io.jnet.internal.net.IpAddresses;
import java.util.function.Consumer;

/**
 * The entry point of jnet's networking: Node 24's {@code net} module functions.
 *
 * <pre>{@code
 * Server server = Net.createServer(socket -> socket.pipe(socket));
 * server.listen(7000, "127.0.0.1", () -> System.out.println(server.address()));
 * Socket client = Net.connect(ConnectOptions.port(7000).host("127.0.0.1"));
 * }</pre>
 *
 * <p>Servers and sockets made on a loop thread belong to that loop; made anywhere else, they belong
 * to the default loop ({@code EventLoop.defaultLoop()}).
 */
public final class Net {
  private static volatile boolean defaultAutoSelectFamily = true;
  private static volatile int defaultAutoSelectFamilyAttemptTimeout = 250;

  private Net() {}

  /**
   * Node's {@code net.createServer()}.
   *
   * @return the new server
   */
  public static Server createServer() {
    return new Server(ServerOptions.defaults(), null);
  }

  /**
   * Node's {@code net.createServer(connectionListener)}.
   *
   * @param connectionListener added as a {@code 'connection'} listener
   * @return the new server
   */
  public static Server createServer(Consumer<Socket> connectionListener) {
    return new Server(ServerOptions.defaults(), connectionListener);
  }

  /**
   * Node's {@code net.createServer(options)}.
   *
   * @param options the options
   * @return the new server
   */
  public static Server createServer(ServerOptions options) {
    return createServer(options, null);
  }

  /**
   * Node's {@code net.createServer(options, connectionListener)}.
   *
   * @param options the options
   * @param connectionListener added as a {@code 'connection'} listener
   * @return the new server
   */
  public static Server createServer(ServerOptions options, Consumer<Socket> connectionListener) {
    if (options == null) {
      throw NetErrors.invalidArgType("options", "object", "null");
    }
    return new Server(options, connectionListener);
  }

  /**
   * Node's {@code net.connect(options)}: a new socket, connecting.
   *
   * @param options the options
   * @return the new socket, connecting
   */
  public static Socket connect(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * Node's {@code net.connect(options, connectListener)}.
   *
   * @param options the options
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket connect(ConnectOptions options, Runnable connectListener) {
    return socketFor(options).connect(options, connectListener);
  }

  /**
   * A new socket connecting as {@code options} say, as a future completed on {@code 'connect'} or
   * failed with the connect error (a jnet extra: see {@link Socket#connectAsync}).
   *
   * @param options the options
   * @return a future completed with the socket on {@code 'connect'}
   */
  public static java.util.concurrent.CompletableFuture<Socket> connectAsync(
      ConnectOptions options) {
    return socketFor(options).connectAsync(options);
  }

  /** A new socket with the stream options that {@code options} carry. */
  private static Socket socketFor(ConnectOptions options) {
    if (options == null) throw NetErrors.missingConnectArgs();
    // Node's net.connect hands its options to the Socket constructor too.
    SocketOptions so =
        options
            .socketOptions()
            .blockList(options.blockList())
            .signal(options.signal())
            .onread(options.onread());
    return new Socket(options.fd() >= 0 ? so.fd(options.fd()) : so);
  }

  /**
   * Node's {@code net.connect(port)}: to {@code port} on {@code localhost}.
   *
   * @param port the port to connect to
   * @return the new socket, connecting
   */
  public static Socket connect(int port) {
    return connect(ConnectOptions.port(port), null);
  }

  /**
   * Node's {@code net.connect(port, connectListener)}: to {@code port} on {@code localhost}.
   *
   * @param port the port to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket connect(int port, Runnable connectListener) {
    return connect(ConnectOptions.port(port), connectListener);
  }

  /**
   * Node's {@code net.connect(port, host)}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @return the new socket, connecting
   */
  public static Socket connect(int port, String host) {
    return connect(ConnectOptions.port(port).host(host), null);
  }

  /**
   * Node's {@code net.connect(port, host, connectListener)}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket connect(int port, String host, Runnable connectListener) {
    return connect(ConnectOptions.port(port).host(host), connectListener);
  }

  /**
   * Node's {@code net.connect(path)}: to the IPC socket at {@code path}.
   *
   * @param path the IPC path to connect to
   * @return the new socket, connecting
   */
  public static Socket connect(String path) {
    return connect(ConnectOptions.path(path), null);
  }

  /**
   * Node's {@code net.connect(path, connectListener)}.
   *
   * @param path the IPC path to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket connect(String path, Runnable connectListener) {
    return connect(ConnectOptions.path(path), connectListener);
  }

  /**
   * The same as {@link #connect(ConnectOptions)}.
   *
   * @param options the options
   * @return the new socket, connecting
   */
  public static Socket createConnection(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * The same as {@link #connect(ConnectOptions, Runnable)}.
   *
   * @param options the options
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket createConnection(ConnectOptions options, Runnable connectListener) {
    return connect(options, connectListener);
  }

  /**
   * The same as {@link #connect(int, Runnable)}.
   *
   * @param port the port to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket createConnection(int port, Runnable connectListener) {
    return connect(port, connectListener);
  }

  /**
   * The same as {@link #connect(int, String)}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @return the new socket, connecting
   */
  public static Socket createConnection(int port, String host) {
    return connect(port, host);
  }

  /**
   * The same as {@link #connect(int, String, Runnable)}.
   *
   * @param port the port to connect to
   * @param host the host to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket createConnection(int port, String host, Runnable connectListener) {
    return connect(port, host, connectListener);
  }

  /**
   * The same as {@link #connect(String)}.
   *
   * @param path the IPC path to connect to
   * @return the new socket, connecting
   */
  public static Socket createConnection(String path) {
    return connect(path);
  }

  /**
   * The same as {@link #connect(String, Runnable)}.
   *
   * @param path the IPC path to connect to
   * @param connectListener added as a one-time {@code 'connect'} listener
   * @return the new socket, connecting
   */
  public static Socket createConnection(String path, Runnable connectListener) {
    return connect(path, connectListener);
  }

  /**
   * Node's {@code net.isIP}: 4 for an IPv4 address, 6 for an IPv6 one, else 0.
   *
   * @param input the text to check
   * @return 4, 6 or 0
   */
  public static int isIP(String input) {
    return IpAddresses.isIP(input);
  }

  /**
   * Node's {@code net.isIPv4}.
   *
   * @param input the text to check
   * @return whether {@code input} is an IPv4 address
   */
  public static boolean isIPv4(String input) {
    return IpAddresses.isIPv4(input);
  }

  /**
   * Node's {@code net.isIPv6}.
   *
   * @param input the text to check
   * @return whether {@code input} is an IPv6 address
   */
  public static boolean isIPv6(String input) {
    return IpAddresses.isIPv6(input);
  }

  /**
   * Node's {@code net.getDefaultAutoSelectFamily()}: true in Node 24.
   *
   * @return the default
   */
  public static boolean getDefaultAutoSelectFamily() {
    return defaultAutoSelectFamily;
  }

  /**
   * Node's {@code net.setDefaultAutoSelectFamily(value)}.
   *
   * @param value the new default
   */
  public static void setDefaultAutoSelectFamily(boolean value) {
    defaultAutoSelectFamily = value;
  }

  /**
   * Node's {@code net.getDefaultAutoSelectFamilyAttemptTimeout()}: 250 ms by default.
   *
   * @return the default in milliseconds
   */
  public static int getDefaultAutoSelectFamilyAttemptTimeout() {
    return defaultAutoSelectFamilyAttemptTimeout;
  }

  /**
   * Node's {@code net.setDefaultAutoSelectFamilyAttemptTimeout(value)}; at least 10 ms.
   *
   * @param millis the new default, in milliseconds
   */
  public static void setDefaultAutoSelectFamilyAttemptTimeout(int millis) {
    if (millis < 1) {
      throw io.jnet.error.JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"value\" is out of range. It must be >= 1 && <= 2147483647. Received "
              + millis);
    }
    defaultAutoSelectFamilyAttemptTimeout = Math.max(10, millis);
  }
}
