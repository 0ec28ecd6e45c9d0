package io.jnet.net;

/**
 * The argument of a server's {@code 'drop'} event: the connection refused because {@code
 * maxConnections} was reached, with the fields Node gives.
 *
 * @param localAddress the local address the connection reached, or null when unknown
 * @param localPort the local port, or -1 when unknown
 * @param localFamily {@code "IPv4"} or {@code "IPv6"}, or null
 * @param remoteAddress the peer's address, or null when unknown
 * @param remotePort the peer's port, or -1 when unknown
 * @param remoteFamily {@code "IPv4"} or {@code "IPv6"}, or null
 */
public record DropInfo(
    String localAddress,
    int localPort,
    String localFamily,
    String remoteAddress,
    int remotePort,
    String remoteFamily) {}
