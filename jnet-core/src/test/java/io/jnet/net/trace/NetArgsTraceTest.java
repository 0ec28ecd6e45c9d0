package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.thrown;
import static io.jnet.net.trace.NetLib.typeofPort;
import static io.jnet.net.trace.NetLib.watch;
import static java.util.Map.entry;

import io.jnet.buffer.Buffer;
import io.jnet.net.AddressInfo;
import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.ServerOptions;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Java twins of {@code net-args.js}: bad arguments to net, what throws at the call and what is
 * reported later through {@code 'error'}.
 *
 * <p>Java's types rule out most of Node's bad values (a string or an object as a port, a number as
 * a callback). A twin passes the nearest value Java can be given wrongly (an int out of range, a
 * null) only where Node's trace is reproduced exactly by it; the others are in {@link #SKIPPED}.
 */
class NetArgsTraceTest extends NetSuite {
  private static final String INT_PORT = "ports are Java ints: ";
  private static final String CHUNK = "write/end take a Buffer, byte[], ByteBuffer or String: ";

  /** Node scenarios without a twin, each with why. */
  static final Map<String, String> SKIPPED =
      Map.ofEntries(
          entry("listenPortFraction", INT_PORT + "1.5 cannot be passed"),
          entry("listenPortBlankString", INT_PORT + "the string '  ' cannot be passed"),
          entry("listenPortNaNString", INT_PORT + "the string 'abc' cannot be passed"),
          entry("listenPortNaN", INT_PORT + "an int has no NaN"),
          entry("listenPortObject", INT_PORT + "an object cannot be passed"),
          entry("listenPortBoolean", INT_PORT + "a boolean cannot be passed"),
          entry(
              "listenPositionalNegativeString",
              "Java's listen(String) is always a path, so '-1' cannot be mistaken for a port; and"
                  + " the JVM cannot chdir to make it a relative name (ipc covers path listens)"),
          entry(
              "listenPathNumber",
              "ListenOptions.path takes a String; null cannot print Node's 'Received { path: 5 }'"),
          entry(
              "listenBadHostType",
              "ListenOptions.host takes a String; a number cannot be passed (null: all interfaces)"),
          entry("connectPortFraction", INT_PORT + "1.5 cannot be passed"),
          entry("connectPortNaNString", INT_PORT + "the string 'x' cannot be passed"),
          entry("connectPortObject", INT_PORT + "an object cannot be passed"),
          entry(
              "connectEmptyOptions",
              "ConnectOptions always has a port or a path; its one wrong value, null, is"
                  + " connectNoArguments' twin"),
          entry(
              "connectHostNumber",
              "ConnectOptions.host takes a String: a number cannot be passed, and null is"
                  + " localhost, as Node reads host: null"),
          entry(
              "connectBadLocalPort",
              "ConnectOptions.localPort takes an int; a string cannot be passed and an int out of"
                  + " range has another message"),
          entry(
              "connectBadLookup",
              "ConnectOptions.lookup takes a Lookup: 5 cannot be passed, and null means the system"
                  + " resolver"),
          entry(
              "connectBadTimeoutOption",
              "ConnectOptions.timeout takes a long: 'x' cannot be passed"),
          entry(
              "connectPathNumber",
              "ConnectOptions.path takes a String; null cannot print 'Received type number (5)'"),
          entry(
              "createServerNumber",
              "createServer takes ServerOptions; null cannot print 'Received type number (5)'"),
          entry("newSocketBadFd", "SocketOptions has no fd"),
          entry("setTimeoutString", "setTimeout takes a long: 'x' cannot be passed"),
          entry("setTimeoutInfinity", "setTimeout takes a long: it has no Infinity"),
          entry(
              "setTimeoutBadCallback",
              "setTimeout's callback is a Runnable: 'x' cannot be passed, and null means none"),
          entry("setTimeoutFraction", "setTimeout takes whole milliseconds: 1.5 cannot be passed"),
          entry("writeNumber", CHUNK + "a number cannot be passed"),
          entry("writeObject", CHUNK + "an object cannot be passed"),
          entry("endNumber", CHUNK + "a number cannot be passed"),
          entry(
              "maxConnectionsBadValues",
              "maxConnections takes an Integer: the 1.5, 'x' and NaN lines cannot be"
                  + " reproduced"));

  @Override
  protected String suite() {
    return "net-args";
  }

  @Override
  protected Map<String, String> skipped() {
    if (!IO_URING) return SKIPPED;
    Map<String, String> m = new java.util.HashMap<>(SKIPPED);
    // Netty's io_uring channel finishes a close once the ring has cancelled its operations.
    m.put(
        "connectBadFamily",
        "io_uring: the client's 'close' comes a turn later, after the server's");
    return m;
  }

  private static final boolean IO_URING =
      io.jnet.internal.transport.Transport.current()
          == io.jnet.internal.transport.Transport.IO_URING;

  @Override
  protected void twins(Scenarios s) {
    s.add("listenPortNegative", log -> tryListen(log, server -> server.listen(-1)));
    s.add("listenPort65536", log -> tryListen(log, server -> server.listen(65536)));
    // Node's {port: '0'} is port 0; Java's nearest is the int itself.
    s.add(
        "listenPortNumericString",
        log -> tryListen(log, server -> server.listen(ListenOptions.port(0).host(HOST))));
    // Node's {} has neither port nor path; Java's only such value is null.
    s.add(
        "listenEmptyOptions", log -> tryListen(log, server -> server.listen((ListenOptions) null)));
    // Node ignores a bad backlog: 'x' there, -1 here (Node's trace is the same for -1).
    s.add(
        "listenBadBacklog",
        log ->
            tryListen(log, server -> server.listen(ListenOptions.port(0).host(HOST).backlog(-1))));
    s.add("listenNoArguments", NetArgsTraceTest::listenNoArguments);
    // Node's listen('0', host) is port 0; Java's nearest is the int itself.
    s.add("listenPositionalNumericString", log -> tryListen(log, server -> server.listen(0, HOST)));

    s.add("connectPortNegative", log -> tryConnect(log, () -> Net.connect(-1, HOST)));
    s.add("connectPort65536", log -> tryConnect(log, () -> Net.connect(65536, HOST)));
    s.add("connectNoArguments", log -> tryConnect(log, () -> Net.connect((ConnectOptions) null)));
    if (!IO_URING) s.add("connectBadFamily", NetArgsTraceTest::connectBadFamily);
    // A relative pipe path, resolved against the working directory, where nothing is.
    s.add(
        "connectNonNumericStringIsPath",
        log -> tryConnect(log, () -> Net.connect("jnet-no-such-socket")));
    s.add(
        "connectBadLocalAddress",
        log ->
            tryConnect(
                log, () -> Net.connect(ConnectOptions.port(80).host(HOST).localAddress("nope"))));

    // Node's listener 5 is ignored; Java's nearest non-listener is null.
    s.add(
        "createServerListenerNotFunction",
        log ->
            thrown(
                log::log, "createServer", () -> Net.createServer(ServerOptions.defaults(), null)));
    s.add(
        "createServerBadHighWaterMark",
        log ->
            thrown(
                log::log,
                "createServer",
                () -> Net.createServer(ServerOptions.defaults().highWaterMark(-1))));

    s.add("setTimeoutNegative", log -> onSocket(log, "setTimeout", c -> c.setTimeout(-1)));
    s.add("writeNull", log -> onSocket(log, "write", c -> c.write((Buffer) null)));
    s.add("writeUnknownEncoding", log -> onSocket(log, "write", c -> c.write("x", "bogus")));
    s.add("setEncodingUnknown", log -> onSocket(log, "setEncoding", c -> c.setEncoding("bogus")));

    s.add("maxConnectionsNegativeDropsAll", log -> maxConnections(log, -1));
    s.add("maxConnectionsZeroDropsAll", log -> maxConnections(log, 0));
    s.add("writeOnNeverConnectedSocket", NetArgsTraceTest::writeOnNeverConnectedSocket);
  }

  /**
   * {@code tryListen(log, ...args)}: a fresh server logging {@code 'listening'}, {@code 'error'},
   * {@code 'close'}; {@code listen} through {@code thrown}; a server that did listen closes at
   * once.
   */
  static void tryListen(Trace log, Consumer<Server> listen) {
    Server server = Net.createServer();
    watch(log::log, server, "error", "close");
    server.on(
        Server.LISTENING,
        () -> {
          AddressInfo a = server.address();
          log.log("listening", a == null ? null : a.family());
          server.close();
        });
    thrown(log::log, "listen", () -> listen.accept(server));
  }

  /**
   * {@code tryConnect(log, ...args)}: {@code net.connect} through {@code thrown}; a socket made is
   * watched for {@code lookup, connect, error, close} and destroyed on {@code 'connect'}.
   */
  static void tryConnect(Trace log, Supplier<Socket> connect) {
    Ref<Socket> made = new Ref<>();
    thrown(log::log, "connect", () -> made.set(connect.get()));
    Socket c = made.orNull();
    if (c != null) {
      watch(log::log, c, "lookup", "connect", "error", "close");
      c.on(Socket.CONNECT, () -> c.destroy());
    }
  }

  /** {@code onSocket(log, label, fn)}: fn on a new, unconnected socket, through {@code thrown}. */
  static Socket onSocket(Trace log, String label, Consumer<Socket> fn) {
    Socket s = new Socket();
    watch(log::log, s, "error", "close");
    thrown(log::log, label, () -> fn.accept(s));
    return s;
  }

  /**
   * {@code maxConnections(log, n)}: one client connects to a server with that limit; the server
   * logs {@code connection} or {@code drop} and closes after the client's {@code 'close'}.
   */
  static void maxConnections(Trace log, int n) {
    Server server =
        Net.createServer(
            s -> {
              log.log("connection");
              s.end();
            });
    server.maxConnections(n);
    server.on(Server.DROP, d -> log.log("drop"));
    server.listen(
        0,
        HOST,
        () -> {
          Socket c = Net.connect(server.address().port(), HOST);
          c.resume();
          watch(log::log, c, "error", "close");
          c.on(Socket.CLOSE, () -> server.close(e -> log.log("server closed")));
        });
  }

  static void listenNoArguments(Trace log) {
    Server server = Net.createServer();
    server.on(
        Server.LISTENING,
        () -> {
          log.log("listening", typeofPort(server.address().port()));
          server.close(e -> log.log("closed"));
        });
    thrown(log::log, "listen", () -> server.listen());
  }

  static void connectBadFamily(Trace log) {
    Server server = Net.createServer(s -> s.resume());
    server.listen(
        0,
        HOST,
        () -> {
          int port = server.address().port();
          tryConnect(log, () -> Net.connect(ConnectOptions.port(port).host(HOST).family(5)));
          server.on(Server.CONNECTION, s -> server.close(e -> log.log("server closed")));
        });
  }

  static void writeOnNeverConnectedSocket(Trace log) {
    Socket s = new Socket();
    watch(log::log, s, "error", "close");
    thrown(log::log, "write", () -> log.log("write result", s.write("x", e -> log.log("cb", e))));
  }
}
