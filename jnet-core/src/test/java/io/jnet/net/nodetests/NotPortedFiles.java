package io.jnet.net.nodetests;

import io.jnet.net.nodetests.NotPorted.Status;

/** The Node 24 test files on net that have no port here, each with its reason. */
@NotPorted(
    file = "test-blocklist.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "waits for BlockList/SocketAddress (BlockListNodeTest)")
@NotPorted(
    file = "test-blocklist-clone.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "waits for BlockList/SocketAddress (BlockListNodeTest)")
@NotPorted(
    file = "test-net-blocklist.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "waits for BlockList/SocketAddress (BlockListNodeTest)")
@NotPorted(
    file = "test-net-server-blocklist.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "waits for BlockList/SocketAddress (BlockListNodeTest)")
@NotPorted(
    file = "test-socket-address.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "waits for BlockList/SocketAddress (SocketAddressNodeTest)")
@NotPorted(
    file = "test-net-socket-connect-invalid-autoselectfamily.js",
    status = Status.NOT_APPLICABLE,
    reason = "autoSelectFamily: 'INVALID': Java's types take only a boolean")
@NotPorted(
    file = "test-net-server-options.js",
    status = Status.NOT_APPLICABLE,
    reason = "createServer('path') and createServer(0): Java's types take no such argument")
@NotPorted(
    file = "test-net-autoselectfamily-attempt-timeout-cli-option.js",
    status = Status.NOT_APPLICABLE,
    reason = "a Node command-line flag (--network-family-autoselection-attempt-timeout)")
@NotPorted(
    file = "test-net-access-byteswritten.js",
    status = Status.NOT_APPLICABLE,
    reason = "bytesWritten on the prototypes of Socket, TLSSocket and tty streams: JavaScript only")
@NotPorted(
    file = "test-net-end-close.js",
    status = Status.NOT_APPLICABLE,
    reason = "a Socket over a fake handle object (the handle option, internalBinding('uv'))")
@NotPorted(
    file = "test-net-listen-exclusive-random-ports.js",
    status = Status.NOT_APPLICABLE,
    reason = "cluster workers")
@NotPorted(
    file = "test-net-listen-twice.js",
    status = Status.NOT_APPLICABLE,
    reason = "cluster workers and their internal messages")
@NotPorted(
    file = "test-net-socket-write-after-close.js",
    status = Status.NOT_APPLICABLE,
    reason = "closes the socket's _handle behind its back (a Node internal)")
final class NotPortedFiles {
  private NotPortedFiles() {}
}
