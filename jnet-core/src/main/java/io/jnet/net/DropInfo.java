package io.jnet.net;

/**
 * The argument of a server's {@code 'drop'} event: the connection refused because {@code
 * maxConnections} was reached, with the fields Node gives.
 */
public record DropInfo(
    String localAddress,
    int localPort,
    String localFamily,
    String remoteAddress,
    int remotePort,
    String remoteFamily) {}
