package io.jnet.net.trace;

import io.jnet.error.JnetException;
import io.jnet.loop.EventLoop;
import io.jnet.net.AddressInfo;
import io.jnet.net.Server;
import io.jnet.net.Socket;
import io.jnet.testing.Trace;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The helpers of {@code net-lib.js} (and {@code net.js}'s {@code listen}) in Java, shared by the
 * net, net-args and ipc twins: each keeps its Node namesake's behaviour, listener order included.
 *
 * <p>Where jnet has a Java value for what Node leaves {@code undefined} (a null syscall, a null
 * port, the {@code false} passed to {@code 'close'} where Node passes nothing), the helpers print
 * {@code undefined}, because that is what the Node value means.
 */
final class NetLib {
  static final String HOST = "127.0.0.1";

  /** The default names of {@link #watch(Log, Socket, String...)}, in Node's order. */
  static final String[] ALL = {
    "connect", "ready", "data", "end", "finish", "close", "error", "timeout", "drain"
  };

  private NetLib() {}

  /** The loop the scenario runs on. */
  static EventLoop loop() {
    EventLoop loop = EventLoop.current();
    if (loop == null) throw new IllegalStateException("not on a loop thread");
    return loop;
  }

  /** {@code setTimeout(fn, ms)}. */
  static void setTimeout(long ms, Runnable fn) {
    loop().setTimeout(fn, ms);
  }

  /** {@code setImmediate(fn)}. */
  static void setImmediate(Runnable fn) {
    loop().setImmediate(fn);
  }

  /** {@code process.nextTick(fn)}. */
  static void nextTick(Runnable fn) {
    loop().nextTick(fn);
  }

  /**
   * {@code listen(server, fn)} of net.js: {@code server.listen(0, HOST)}, then {@code fn(port)}.
   */
  static void listen(Server server, IntConsumer fn) {
    server.listen(0, HOST, () -> fn.accept(server.address().port()));
  }

  /**
   * {@code watch(side, socket, names)}: one listener per name, in the order given, logging {@code
   * close HADERROR}, {@code error ERR SYSCALL}, {@code data CHUNK}, {@code lookup ERR ADDRESS
   * FAMILY HOST} or the bare name. A {@code 'data'} listener receives strings when the socket has
   * an encoding when it is added (as in every scenario that sets one), bytes otherwise.
   */
  static void watch(Log side, Socket socket, String... names) {
    if (names.length == 0) names = ALL;
    for (String name : names) {
      switch (name) {
        case "connect" -> socket.on(Socket.CONNECT, () -> side.log("connect"));
        case "ready" -> socket.on(Socket.READY, () -> side.log("ready"));
        case "end" -> socket.on(Socket.END, () -> side.log("end"));
        case "finish" -> socket.on(Socket.FINISH, () -> side.log("finish"));
        case "timeout" -> socket.on(Socket.TIMEOUT, () -> side.log("timeout"));
        case "drain" -> socket.on(Socket.DRAIN, () -> side.log("drain"));
        case "close" -> {
          boolean[] hadHandle = {
            !socket.pending() || socket.connecting() || socket.server() != null
          };
          socket.on(Socket.CONNECTION_ATTEMPT, a -> hadHandle[0] = true);
          socket.on(Socket.LOOKUP, l -> hadHandle[0] = true);
          socket.on(
              Socket.CLOSE, hadError -> side.log("close", closeArgument(hadError, hadHandle[0])));
        }
        case "error" -> socket.on(Socket.ERROR, e -> side.log("error", e, syscall(e)));
        case "data" -> {
          if (socket.readableEncoding() != null) {
            socket.on(Socket.TEXT, d -> side.log("data", d));
          } else {
            socket.on(Socket.DATA, d -> side.log("data", d));
          }
        }
        case "lookup" ->
            socket.on(
                Socket.LOOKUP,
                l -> side.log("lookup", l.error(), l.address(), l.family(), l.host()));
        default -> throw new IllegalArgumentException("no such socket event: " + name);
      }
    }
  }

  /**
   * {@code watch(side, server, names)}: {@code 'close'} has no argument and prints {@code close
   * undefined}, as Node's listener {@code (hadError) => side('close', hadError)} does.
   */
  static void watch(Log side, Server server, String... names) {
    for (String name : names) {
      switch (name) {
        case "close" -> server.on(Server.CLOSE, () -> side.log("close", Trace.UNDEFINED));
        case "error" -> server.on(Server.ERROR, e -> side.log("error", e, syscall(e)));
        case "listening" -> server.on(Server.LISTENING, () -> side.log("listening"));
        default -> throw new IllegalArgumentException("no such server event: " + name);
      }
    }
  }

  /** {@code until(cond, fn)}: checks {@code cond} now, then on a 1 ms timer, and runs fn once. */
  static void until(BooleanSupplier cond, Runnable fn) {
    if (cond.getAsBoolean()) {
      fn.run();
    } else {
      setTimeout(1, () -> until(cond, fn));
    }
  }

  /** {@code state(s)}: readyState, connecting, pending, destroyed. */
  static Object[] state(Socket s) {
    return new Object[] {s.readyState(), s.connecting(), s.pending(), s.destroyed()};
  }

  /** A body for {@link #thrown}: Java's lambdas cannot throw JavaScript values, only exceptions. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /**
   * {@code thrown(log, label, fn)}: runs fn; logs {@code LABEL threw CODE NAME MESSAGE} or {@code
   * LABEL returned}. A Java exception that is not a JnetException logs its class name as the name,
   * so a wrong exception type shows in the diff.
   */
  static void thrown(Log log, String label, Call fn) {
    try {
      fn.run();
      log.log(label + " returned");
    } catch (JnetException e) {
      log.log(label + " threw", orUndefined(e.code()), e.name(), e.getMessage());
    } catch (Exception e) {
      log.log(label + " threw", Trace.UNDEFINED, e.getClass().getName(), e.getMessage());
    }
  }

  /** {@code typeof port}: jnet's null is Node's undefined. */
  static String typeofPort(Integer port) {
    return port == null ? "undefined" : "number";
  }

  /** {@code typeof port} of an int port where jnet gives -1 for none ({@code DropInfo}). */
  static String typeofPort(int port) {
    return port < 0 ? "undefined" : "number";
  }

  /** A port that jnet gives as null for none, as Node prints it: the number, or undefined. */
  static Object port(Integer port) {
    return port == null ? Trace.UNDEFINED : port;
  }

  /**
   * The {@code 'close'} argument as Node prints it: jnet passes {@code false} where Node passes
   * nothing, for a socket that never had a handle (the helper saw it neither connected, connecting
   * nor accepted).
   */
  static Object closeArgument(boolean hadError, boolean hadHandle) {
    return !hadError && !hadHandle ? Trace.UNDEFINED : hadError;
  }

  /** A value jnet gives as null where Node has undefined (no address, no hadError). */
  static Object orUndefined(Object v) {
    return v == null ? Trace.UNDEFINED : v;
  }

  /** {@code e.syscall}: undefined for errors that are not system errors. */
  static Object syscall(JnetException e) {
    return orUndefined(e.syscall());
  }

  /** {@code Object.keys(o)} of a record: its component names, in declaration order. */
  static List<String> keys(Record r) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) names.add(c.getName());
    return names;
  }

  /** {@code Object.keys(o).sort()}. */
  static List<String> sortedKeys(Record r) {
    List<String> names = keys(r);
    names.sort(null);
    return names;
  }

  /**
   * {@code JSON.stringify(socket.address())}: {@code {}} when jnet has no address (Node's socket
   * {@code address()} is an empty object then), else the three fields in Node's order.
   */
  static String json(AddressInfo a) {
    if (a == null || a.isEmpty()) return "{}";
    return "{\"address\":"
        + Trace.fmt(a.address())
        + ",\"family\":"
        + Trace.fmt(a.family())
        + ",\"port\":"
        + a.port()
        + "}";
  }

  /** {@code message.replace(String(port), 'PORT')}: the first occurrence only, as in JavaScript. */
  static String replacePort(String message, int port) {
    return message.replaceFirst(
        Pattern.quote(String.valueOf(port)), Matcher.quoteReplacement("PORT"));
  }

  /**
   * The arguments of a log line that spreads arrays, JavaScript's {@code (x, ...state(s), y)}:
   * every {@code Object[]} among {@code parts} is expanded in place.
   */
  static Object[] spread(Object... parts) {
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Object[] a) {
        out.addAll(Arrays.asList(a));
      } else {
        out.add(p);
      }
    }
    return out.toArray();
  }

  /** {@code typeof v} for the values a twin logs it of. */
  static String typeOf(Object v) {
    if (v == null) return "undefined";
    if (v instanceof String) return "string";
    if (v instanceof Number) return "number";
    if (v instanceof Boolean) return "boolean";
    return "object";
  }

  /** {@code new Error(message)}: a plain error without a code. */
  static JnetException error(String message) {
    return new JnetException(null, message);
  }
}
