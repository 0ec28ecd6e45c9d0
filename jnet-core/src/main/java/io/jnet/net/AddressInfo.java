package io.jnet.net;

/**
 * A bound or connected address, as {@code server.address()} and {@code socket.address()} return it
 * in Node: {@code { address: '127.0.0.1', family: 'IPv4', port: 8080 }}.
 *
 * <p>Node's empty object {@code {}}, which {@code socket.address()} returns when there is no
 * address to give (a socket without a handle, one still connecting before the kernel bound it, a
 * pipe socket), is {@link #EMPTY}: every field null, {@link #isEmpty()} true, printed {@code {}}.
 *
 * <p>For an IPC server, whose {@code address()} is the socket path in Node, {@code address} is the
 * path, {@code family} is null and {@code port} is -1; {@link #toString()} is then the path alone,
 * as Node prints it.
 *
 * @param address the IP address, as Node prints it ({@code ::ffff:127.0.0.1} for a v4-mapped one),
 *     an IPC path, or null for {@link #EMPTY}
 * @param family {@code "IPv4"} or {@code "IPv6"}, or null for an IPC path or {@link #EMPTY}
 * @param port the port, -1 for an IPC path, or null for {@link #EMPTY}
 */
public record AddressInfo(String address, String family, Integer port) {
  /** Node's {@code {}}: no address at all. */
  public static final AddressInfo EMPTY = new AddressInfo(null, null, null);

  /**
   * Whether this is an IPC path rather than an IP address and port.
   *
   * @return whether this is an IPC path
   */
  public boolean isPipe() {
    return family == null && address != null;
  }

  /**
   * Whether this is Node's {@code {}}, {@link #EMPTY}.
   *
   * @return whether this is {@link #EMPTY}
   */
  public boolean isEmpty() {
    return address == null && family == null && port == null;
  }

  @Override
  public String toString() {
    if (isEmpty()) return "{}";
    if (family == null) return address;
    return "{ address: '" + address + "', family: '" + family + "', port: " + port + " }";
  }
}
