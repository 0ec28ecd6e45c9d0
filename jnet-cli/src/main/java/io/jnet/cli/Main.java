package io.jnet.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code jnet} command: small network tools built on jnet's {@code net} API.
 *
 * <pre>
 * jnet echo [HOST:]PORT | unix:PATH     an echo server that logs each connection
 * jnet connect HOST:PORT | unix:PATH    stdin to the socket, the socket to stdout (like nc)
 * jnet relay FROM TO                    copies both ways between FROM's clients and TO
 * </pre>
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: jnet <command> [args]",
          "",
          "commands:",
          "  echo [HOST:]PORT | unix:PATH    run an echo server; logs each connection",
          "  connect HOST:PORT | unix:PATH   copy stdin to a socket and the socket to stdout",
          "  relay FROM TO                   relay FROM's connections to TO, both ways",
          "",
          "addresses: PORT, HOST:PORT, [IPV6]:PORT, tcp:[HOST:]PORT, unix:PATH",
          "'jnet <command> --help' describes one command.");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code >= 0) System.exit(code);
  }

  /**
   * Runs one command; returns its exit code, or -1 when it keeps running (a server) and will exit
   * by itself.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "echo":
        return EchoCommand.run(rest, out, err);
      case "connect":
        return ConnectCommand.run(rest, err);
      case "relay":
        return RelayCommand.run(rest, out, err);
      default:
        err.println("jnet: unknown command '" + args[0] + "'\n\n" + USAGE);
        return 2;
    }
  }

  static boolean wantsHelp(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) return true;
    }
    return false;
  }
}
