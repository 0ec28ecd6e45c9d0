package io.jnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * The {@code jnet} command: small network tools built on jnet's {@code net} API.
 *
 * <pre>
 * jnet listen [HOST:]PORT | unix:PATH   one client to stdin and stdout (like ncat -l)
 * jnet connect HOST:PORT | unix:PATH    stdin to the socket, the socket to stdout (like nc)
 * jnet echo [HOST:]PORT | unix:PATH     an echo server that logs each connection
 * jnet relay FROM TO                    copies both ways between FROM's clients and TO
 * </pre>
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: jnet <command> [options] [args]",
          "",
          "commands:",
          "  connect HOST:PORT | unix:PATH   copy stdin to a socket and the socket to stdout",
          "  listen [HOST:]PORT | unix:PATH  wait for a client, then copy as connect does",
          "  echo [HOST:]PORT | unix:PATH    run an echo server; logs each connection",
          "  relay FROM TO                   relay FROM's connections to TO, both ways",
          "",
          "addresses: PORT, HOST:PORT, [IPV6]:PORT, tcp:[HOST:]PORT, unix:PATH",
          "'jnet <command> --help' describes one command and its options;",
          "'jnet --version' prints the version.");

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
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (command) {
        case "--help":
        case "-h":
          out.println(USAGE);
          return 0;
        case "--version":
        case "-V":
          out.println(version());
          return 0;
        case "connect":
          return ConnectCommand.run(rest, out, err);
        case "listen":
          return ListenCommand.run(rest, out, err);
        case "echo":
          return EchoCommand.run(rest, out, err);
        case "relay":
          return RelayCommand.run(rest, out, err);
        default:
          String what = command.startsWith("-") ? "option" : "command";
          err.println("jnet: unknown " + what + " '" + command + "'\n\n" + USAGE);
          return 2;
      }
    } catch (Options.UsageException e) {
      err.println(
          "jnet " + command + ": " + e.getMessage() + " (see 'jnet " + command + " --help')");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("jnet " + command + ": " + e.getMessage());
      return 2;
    }
  }

  /** {@code jnet VERSION (Java VERSION, OS ARCH)}. */
  static String version() {
    String v = "unknown";
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        v = p.getProperty("version", v);
      }
    } catch (IOException unreadable) {
      // reported as "unknown"
    }
    return "jnet "
        + v
        + " (Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ")";
  }
}
