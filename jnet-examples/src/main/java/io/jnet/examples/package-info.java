/**
 * Small programs on jnet's public API, each runnable with {@code main} and each run by the tests:
 * {@link io.jnet.examples.ChatServer}, {@link io.jnet.examples.RequestReplyClient}, {@link
 * io.jnet.examples.BlockingClients}, {@link io.jnet.examples.UnixService}, {@link
 * io.jnet.examples.GracefulShutdown} and {@link io.jnet.examples.TcpToUnixRelay}.
 */
package io.jnet.examples;
