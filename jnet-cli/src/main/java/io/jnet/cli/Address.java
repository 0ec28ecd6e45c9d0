package io.jnet.cli;

import io.jnet.net.ConnectOptions;
import io.jnet.net.ListenOptions;

/**
 * A command-line address: {@code PORT}, {@code HOST:PORT}, {@code tcp:...} or {@code unix:PATH}.
 */
record Address(String host, int port, String path) {
  /** Parses {@code text}; {@code defaultHost} is used when a TCP address names no host. */
  static Address parse(String text, String defaultHost) {
    if (text.startsWith("unix:")) {
      String path = text.substring(5);
      if (path.isEmpty()) throw new IllegalArgumentException("empty unix path: " + text);
      return new Address(null, -1, path);
    }
    String hp = text.startsWith("tcp:") ? text.substring(4) : text;
    int i = hp.lastIndexOf(':');
    String host = i < 0 ? defaultHost : hp.substring(0, i);
    String portText = i < 0 ? hp : hp.substring(i + 1);
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
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
