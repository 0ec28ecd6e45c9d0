package io.jnet.net;

/**
 * A bound or connected address, as {@code server.address()} and {@code socket.address()} return it
 * in Node: {@code { address: '127.0.0.1', family: 'IPv4', port: 8080 }}.
 *
 * <p>For an IPC server, whose {@code address()} is the socket path in Node, {@code address} is the
 * path, {@code family} is null and {@code port} is -1; {@link #toString()} is then the path alone,
 * as Node prints it.
 *
 * @param address the IP address, as Node prints it ({@code ::ffff:127.0.0.1} for a v4-mapped one),
 *     or an IPC path
 * @param family {@code "IPv4"} or {@code "IPv6"}, or null for an IPC path
 * @param port the port, or -1 for an IPC path
 */
public record AddressInfo(String address, String family, int port) {
  /** Whether this is an IPC path rather than an IP address and port. */
  public boolean isPipe() {
    return family == null;
  }

  @Override
  public String toString() {
    if (family == null) return address;
    return "{ address: '" + address + "', family: '" + family + "', port: " + port + " }";
  }
}
