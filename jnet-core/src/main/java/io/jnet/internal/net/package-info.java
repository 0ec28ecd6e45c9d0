/**
 * The bridge from jnet's sockets to the native handle: what libuv's {@code stream.c}, {@code tcp.c}
 * and {@code pipe.c} and Node's {@code tcp_wrap}, {@code pipe_wrap} and {@code stream_wrap} are to
 * Node's {@code net}.
 *
 * <p>{@code io.jnet.net.Socket} and {@code Server} use only this package's interfaces: {@link
 * io.jnet.internal.net.Handles} opens {@link io.jnet.internal.net.StreamHandle}s (connect) and
 * {@link io.jnet.internal.net.ServerHandle}s (listen), {@link io.jnet.internal.net.Resolver}
 * resolves names as {@code dns.lookup} does, {@link io.jnet.internal.net.IpAddresses} is {@code
 * net.isIP}, and {@link io.jnet.internal.net.UvError} makes Node's system errors. No Netty type
 * crosses that line except the {@code EventLoop} the caller passes in.
 *
 * <h2>Threads</h2>
 *
 * Every call is made on the loop thread. Every outcome (read, end, error, close, a finished write,
 * shutdown, connect or listen) comes later, on that thread, through the caller's {@link
 * io.jnet.internal.net.Invoker}, never from inside the call that asked for it; a listen is the
 * exception: as libuv's, it binds inside the call, whose callback has run when it returns.
 *
 * <p>A full descriptor table on accept is handled as libuv does ({@code AcceptGuard}): waiting
 * connections are closed with a reserve descriptor and nothing is reported ({@code
 * src/test/node/internal-net/emfile.js} shows Node doing it). Unix socket paths take up to 108
 * bytes and longer ones are {@code EINVAL}, as Node 24's libuv has them ({@code UnixPaths}).
 *
 * <h2>Where jnet differs from Node here</h2>
 *
 * <ul>
 *   <li>Linux abstract socket names and {@code ipv6Only} work on epoll and io_uring, not on NIO.
 *   <li>Name lookups follow the JDK's order (IPv4 first unless {@code
 *       -Djava.net.preferIPv6Addresses=system}) and cache.
 * </ul>
 */
package io.jnet.internal.net;
