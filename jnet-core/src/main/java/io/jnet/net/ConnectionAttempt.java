package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * The arguments of Node 24's {@code 'connectionAttempt'}, {@code 'connectionAttemptFailed'} and
 * {@code 'connectionAttemptTimeout'} socket events: one address tried while connecting.
 *
 * <p>A TCP attempt has all three of {@code ip}, {@code port} and {@code family}. A pipe's attempt
 * has the path as {@code ip} and a null {@code port} and {@code family}, where Node passes {@code
 * undefined}.
 *
 * @param ip the address tried, or the path of a pipe
 * @param port the port, or null for a pipe
 * @param family 4 or 6, or null for a pipe
 * @param error why the attempt failed ({@code 'connectionAttemptFailed'} only), else null
 */
public record ConnectionAttempt(String ip, Integer port, Integer family, JnetException error) {}
