package io.jnet.net.trace;

import static io.jnet.net.trace.NetLib.HOST;
import static io.jnet.net.trace.NetLib.listen;
import static io.jnet.net.trace.NetLib.nextTick;
import static io.jnet.net.trace.NetLib.orUndefined;
import static io.jnet.net.trace.NetLib.setImmediate;
import static io.jnet.net.trace.NetLib.setTimeout;
import static io.jnet.net.trace.NetLib.syscall;

import io.jnet.error.JnetException;
import io.jnet.net.ConnectOptions;
import io.jnet.net.Lookup;
import io.jnet.net.Net;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java twins of {@code net-lookup.js}: a custom {@link Lookup}, answering within the call or
 * later, and where {@code 'lookup'}, the attempts and the outcome fall beside the code after {@code
 * connect()}, a nextTick and a setImmediate queued right after it.
 */
class NetLookupTraceTest extends NetSuite {
  private static final String NAME = "example.test";

  private static final String FAMILY =
      "a Lookup answers addresses only, each of the family isIP gives it, never a bad one";

  /** Node scenarios without a twin, each with why. */
  static final Map<String, String> SKIPPED =
      Map.of(
          "syncBadFamilyNet", FAMILY,
          "syncBadFamilySocket", FAMILY,
          "syncAllBadFamilyNet", FAMILY,
          "syncAllBadFamilySocket", FAMILY);

  @Override
  protected String suite() {
    return "net-lookup";
  }

  @Override
  protected Map<String, String> skipped() {
    return SKIPPED;
  }

  @Override
  protected void twins(Scenarios s) {
    List<String> race = List.of("::1", HOST);
    add(s, "syncOne", false, done -> done.done(null, List.of(HOST)));
    add(s, "syncAllOne", true, done -> done.done(null, List.of(HOST)));
    add(s, "syncRace", true, done -> done.done(null, race));
    add(s, "asyncRace", true, done -> setImmediate(() -> done.done(null, race)));
    add(s, "syncError", false, done -> done.done(notFound(), null));
    add(s, "syncAllError", true, done -> done.done(notFound(), null));
    add(s, "immediateOne", false, done -> setImmediate(() -> done.done(null, List.of(HOST))));
    add(s, "tickOne", false, done -> nextTick(() -> done.done(null, List.of(HOST))));
    add(s, "immediateError", true, done -> setImmediate(() -> done.done(notFound(), null)));
    add(s, "syncBadAddress", false, done -> done.done(null, List.of("nope")));
    add(s, "syncAllBadAddress", true, done -> done.done(null, List.of("nope")));
  }

  /** Registers {@code NAMENet} and {@code NAMESocket}, answering the lookup with {@code answer}. */
  private static void add(
      Scenarios s, String name, boolean autoSelect, Consumer<Lookup.Done> answer) {
    s.add(name + "Net", log -> scenario(log, true, autoSelect, answer));
    s.add(name + "Socket", log -> scenario(log, false, autoSelect, answer));
  }

  private static void scenario(
      Trace log, boolean viaNet, boolean autoSelect, Consumer<Lookup.Done> answer) {
    Server server = Net.createServer(s -> s.end());
    listen(
        server,
        port -> setTimeout(1, () -> connect(log, viaNet, autoSelect, answer, server, port)));
  }

  private static void connect(
      Trace log,
      boolean viaNet,
      boolean autoSelect,
      Consumer<Lookup.Done> answer,
      Server server,
      int port) {
    Lookup lookup =
        (host, family, done) -> {
          log.log("lookup called", host, family);
          answer.accept(done);
          log.log("lookup returns");
        };
    ConnectOptions options = ConnectOptions.port(port).host(NAME).lookup(lookup);
    if (!autoSelect) options = options.autoSelectFamily(false);
    Socket c;
    if (viaNet) {
      c = Net.connect(options, () -> log.log("connect cb"));
      log.log("connect returned", c.connecting(), c.destroyed());
      watchAll(log, c);
    } else {
      c = new Socket();
      watchAll(log, c);
      c.connect(options, () -> log.log("connect cb"));
      log.log("connect returned", c.connecting(), c.destroyed());
    }
    nextTick(() -> log.log("tick"));
    setImmediate(() -> log.log("immediate"));
    c.on(Socket.CLOSE, () -> server.close());
  }

  /** {@code watchAll} of net-lookup.js. */
  private static void watchAll(Trace log, Socket c) {
    c.on(
        Socket.LOOKUP,
        l ->
            log.log(
                "lookup", l.error(), orUndefined(l.address()), orUndefined(l.family()), l.host()));
    c.on(Socket.CONNECTION_ATTEMPT, a -> log.log("connectionAttempt", a.ip(), a.family()));
    c.on(
        Socket.CONNECTION_ATTEMPT_FAILED,
        a -> log.log("connectionAttemptFailed", a.ip(), a.family(), a.error()));
    c.on(Socket.CONNECT, () -> log.log("connect"));
    c.on(Socket.READY, () -> log.log("ready"));
    c.on(Socket.ERROR, e -> log.log("error", e, syscall(e)));
    c.on(Socket.CLOSE, hadError -> log.log("close", hadError));
  }

  private static JnetException notFound() {
    return new JnetException(
        "Error",
        "ENOTFOUND",
        "getaddrinfo ENOTFOUND " + NAME,
        -3008,
        "getaddrinfo",
        null,
        null,
        null);
  }
}
