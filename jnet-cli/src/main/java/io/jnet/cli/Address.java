package io.jnet.cli;

import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;
import io.jnet.net.Net;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command-line address: {@code PORT}, {@code HOST:PORT}, {@code tcp:...} or {@code unix:PATH}.
 */
record Address(String host, int port, String path) {
  /** Schemes of socat, ncat and URLs that jnet does not speak, named as such in the error. */
  private static final Set<String> OTHER_SCHEMES =
      Set.of(
          "udp",
          "udp4",
          "udp6",
          "tcp4",
          "tcp6",
          "sctp",
          "tls",
          "ssl",
          "openssl",
          "http",
          "https",
          "ws",
          "wss",
          "vsock",
          "exec",
          "system",
          "file",
          "open",
          "pipe",
          "stdio",
          "socks",
          "socks4",
          "socks5",
          "ip",
          "ip4",
          "ip6",
          "abstract",
          "abstract-listen",
          "abstract-connect",
          "unix-listen",
          "unix-connect",
          "unix-client",
          "tcp-listen",
          "tcp-connect",
          "tcp4-listen",
          "tcp6-listen",
          "udp-listen",
          "udp-recv",
          "udp-sendto",
          "openssl-listen");

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  /** Parses {@code text}; {@code defaultHost} is used when a TCP address names no host. */
  static Address parse(String text, String defaultHost) {
    Matcher scheme = SCHEME.matcher(text);
    if (scheme.find() && OTHER_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
      throw unknownScheme(scheme.group(1), text);
    }
    if (text.startsWith("unix:")) {
      String path = text.substring(5);
      if (path.isEmpty()) throw new IllegalArgumentException("empty unix path: " + text);
      return new Address(null, -1, path);
    }
    String hp = text.startsWith("tcp:") ? text.substring(4) : text;
    if (hp.startsWith("[") && hp.endsWith("]")) {
      throw new IllegalArgumentException("missing port in '" + text + "': write " + hp + ":PORT");
    }
    int i = hp.lastIndexOf(':');
    if (i < 0 && !hp.isEmpty() && !hp.chars().allMatch(Character::isDigit) && isHostName(hp)) {
      throw new IllegalArgumentException("missing port in '" + text + "': write " + hp + ":PORT");
    }
    String host = i < 0 ? defaultHost : hp.substring(0, i);
    String portText = i < 0 ? hp : hp.substring(i + 1);
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host != null && host.contains(":") && !Net.isIPv6(host)) {
      if (scheme.find(0) && !scheme.group(1).matches("[0-9A-Fa-f]+")) {
        throw unknownScheme(scheme.group(1), text); // a name, not an IPv6 group
      }
      throw new IllegalArgumentException(
          "an IPv6 host needs brackets: '" + text + "' (write [IPV6]:PORT)");
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: '" + portText + "' in " + text);
    }
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    return new Address(host == null || host.isEmpty() ? defaultHost : host, port, null);
  }

  private static boolean isHostName(String s) {
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-')
        && s.chars().anyMatch(Character::isLetter);
  }

  private static IllegalArgumentException unknownScheme(String scheme, String text) {
    return new IllegalArgumentException(
        "unknown scheme '"
            + scheme
            + "' in '"
            + text
            + "': jnet speaks tcp:[HOST:]PORT and unix:PATH only");
  }

  boolean isPipe() {
    return path != null;
  }

  ListenOptions listenOptions() {
    if (isPipe()) return ListenOptions.path(path);
    ListenOptions o = ListenOptions.port(port);
    return host == null ? o : o.host(host);
  }

  ConnectOptions connectOptions() {
    if (isPipe()) return ConnectOptions.path(path);
    return ConnectOptions.port(port).host(host == null ? "localhost" : host);
  }

  @Override
  public String toString() {
    if (isPipe()) return "unix:" + path;
    return (host == null ? "" : (host.contains(":") ? "[" + host + "]" : host) + ":") + port;
  }
}
