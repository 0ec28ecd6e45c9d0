package io.jnet.net;

/**
 * A bound or connected address, as {@code server.address()} and {@code socket.address()} return it
 * in Node: {@code { address: '127.0.0.1', family: 'IPv4', port: 8080 }}.
 *
 * @param address the IP address, as Node prints it ({@code ::ffff:127.0.0.1} for a v4-mapped one)
 * @param family {@code "IPv4"} or {@code "IPv6"}
 * @param port the port
 */
public record AddressInfo(String address, String family, int port) {
  @Override
  public String toString() {
    return "{ address: '" + address + "', family: '" + family + "', port: " + port + " }";
  }
}
