package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * The arguments of a socket's {@code 'lookup'} event: Node's {@code (err, address, family, host)},
 * emitted after a host name was resolved and before connecting.
 *
 * @param error the resolver's error ({@code ENOTFOUND}), or null
 * @param address the first address tried, or null when {@code error} is set
 * @param family 4 or 6, or null when {@code error} is set (Node's {@code undefined})
 * @param host the name that was resolved
 */
public record LookupInfo(JnetException error, String address, Integer family, String host) {}
