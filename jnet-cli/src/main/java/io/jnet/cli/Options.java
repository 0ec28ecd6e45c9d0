package io.jnet.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command's arguments: its flags and its operands, parsed GNU style (flags anywhere, {@code --}
 * ends them, {@code --name=value} or {@code --name value}, {@code -wN} or {@code -w N}, short flags
 * bundled as {@code -kv}).
 *
 * <p>A flag the command does not know, or a missing value, throws {@link UsageException} naming the
 * flag, so the error says which word was wrong.
 */
final class Options {
  /** A command's flags: each long name, with its short alias and whether it takes a value. */
  record Flag(String name, String alias, boolean takesValue, boolean valueOptional) {
    static Flag of(String name, String alias) {
      return new Flag(name, alias, false, false);
    }

    static Flag withValue(String name, String alias) {
      return new Flag(name, alias, true, false);
    }

    static Flag withOptionalValue(String name) {
      return new Flag(name, null, true, true);
    }
  }

  /** A command line the command cannot run: the message names what is wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static final Flag HELP = Flag.of("help", "h");
  static final Flag VERBOSE = Flag.of("verbose", "v");
  static final Flag PROGRESS = Flag.withOptionalValue("progress");
  static final Flag UNLINK = Flag.of("unlink", null);
  static final Flag NO_SHUTDOWN = Flag.of("no-shutdown", null);
  static final Flag WAIT = Flag.withValue("wait", "w");
  static final Flag KEEP_OPEN = Flag.of("keep-open", "k");

  private final Map<String, String> values = new HashMap<>();
  private final List<String> operands = new ArrayList<>();

  private Options() {}

  /** Parses {@code args} against {@code flags}; {@link #HELP} is always known. */
  static Options parse(String[] argv, Set<Flag> flags) throws UsageException {
    String[] args = argv.clone();
    Options o = new Options();
    boolean flagsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flagsEnded || a.equals("-") || !a.startsWith("-")) {
        o.operands.add(a);
        continue;
      }
      if (a.equals("--")) {
        flagsEnded = true;
        continue;
      }
      boolean isLong = a.startsWith("--");
      String body = a.substring(isLong ? 2 : 1);
      String inline = null;
      if (isLong && body.contains("=")) {
        inline = body.substring(body.indexOf('=') + 1);
        body = body.substring(0, body.indexOf('='));
      } else if (!isLong && body.length() > 1) {
        inline = body.substring(1); // -w5
        body = body.substring(0, 1);
      }
      Flag flag = find(flags, body, isLong);
      if (flag == null) throw new UsageException("unknown option '" + a + "'");
      String value = "";
      if (flag.takesValue()) {
        if (inline != null) {
          value = inline;
        } else if (!flag.valueOptional() && i + 1 < args.length) {
          value = args[++i];
        } else if (!flag.valueOptional()) {
          throw new UsageException("option '" + a + "' needs a value");
        }
      } else if (inline != null && isLong) {
        throw new UsageException("option '--" + body + "' takes no value");
      } else if (inline != null) {
        args[i] = "-" + inline; // -kv: -k, then -v
        i--;
      }
      o.values.put(flag.name(), value);
    }
    return o;
  }

  private static Flag find(Set<Flag> flags, String body, boolean isLong) {
    if (isLong ? body.equals(HELP.name()) : body.equals(HELP.alias())) return HELP;
    for (Flag f : flags) {
      if (isLong ? body.equals(f.name()) : body.equals(f.alias())) return f;
    }
    return null;
  }

  boolean has(Flag flag) {
    return values.containsKey(flag.name());
  }

  /** The flag's value, {@code ""} when it was given without one, or null when absent. */
  String value(Flag flag) {
    return values.get(flag.name());
  }

  List<String> operands() {
    return operands;
  }

  /** {@code -w SECONDS} in milliseconds, or 0 when absent. */
  long waitMillis() throws UsageException {
    String w = value(WAIT);
    if (w == null) return 0;
    try {
      double seconds = Double.parseDouble(w);
      if (seconds > 0 && seconds <= 86_400 * 365) return Math.max(1, Math.round(seconds * 1000));
    } catch (NumberFormatException notANumber) {
      // falls through to the message
    }
    throw new UsageException("-w needs a number of seconds above 0, not '" + w + "'");
  }

  /** When the live progress line shows: {@code -v} or {@code --progress[=auto|always|never]}. */
  Progress.Mode progressMode() throws UsageException {
    String p = value(PROGRESS);
    if (p == null) return has(VERBOSE) ? Progress.Mode.AUTO : Progress.Mode.NEVER;
    switch (p) {
      case "":
      case "auto":
        return Progress.Mode.AUTO;
      case "always":
        return Progress.Mode.ALWAYS;
      case "never":
        return Progress.Mode.NEVER;
      default:
        throw new UsageException("--progress takes auto, always or never, not '" + p + "'");
    }
  }
}
