package io.jnet.net;

import io.jnet.error.JnetException;

/**
 * The arguments of Node 20's {@code 'connectionAttempt'}, {@code 'connectionAttemptFailed'} and
 * {@code 'connectionAttemptTimeout'} socket events: one address tried while connecting.
 *
 * @param ip the address tried
 * @param port the port
 * @param family 4 or 6
 * @param error why the attempt failed ({@code 'connectionAttemptFailed'} only), else null
 */
public record ConnectionAttempt(String ip, int port, int family, JnetException error) {}
