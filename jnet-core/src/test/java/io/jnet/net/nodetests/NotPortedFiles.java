package io.jnet.net.nodetests;

import io.jnet.net.nodetests.NotPorted.Status;

/** The Node 24 test files on net that have no port here, each with its reason. */
@NotPorted(
    file = "test-blocklist.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "BlockListNodeTest, assertion by assertion on jnet's BlockList")
@NotPorted(
    file = "test-blocklist-clone.js",
    status = Status.NOT_APPLICABLE,
    reason =
        "a BlockList sent through a MessageChannel (a clone sharing its rules): Java threads share"
            + " the object itself")
@NotPorted(
    file = "test-socket-address.js",
    status = Status.PORTED_ELSEWHERE,
    reason = "SocketAddressNodeTest, on jnet's SocketAddress")
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
@NotPorted(
    file = "test-net-listen-handle-in-cluster-1.js",
    status = Status.NOT_APPLICABLE,
    reason = "cluster workers and a server handle sent between processes")
@NotPorted(
    file = "test-net-listen-handle-in-cluster-2.js",
    status = Status.NOT_APPLICABLE,
    reason = "cluster workers and a raw TCP handle (internalBinding('tcp_wrap'))")
@NotPorted(
    file = "test-net-server-close-before-ipc-response.js",
    status = Status.NOT_APPLICABLE,
    reason = "cluster workers and their IPC")
@NotPorted(
    file = "test-net-server-capture-rejection.js",
    status = Status.NOT_APPLICABLE,
    reason = "events.captureRejections and async listeners: JavaScript promises")
@NotPorted(
    file = "test-net-server-async-dispose.mjs",
    status = Status.NOT_APPLICABLE,
    reason =
        "Symbol.asyncDispose: JavaScript only (closeAsync is jnet's nearest, with its own tests)")
@NotPorted(
    file = "test-net-connect-options-invalid.js",
    status = Status.NOT_APPLICABLE,
    reason = "objectMode options and a host array: Java's types take no such option")
@NotPorted(
    file = "test-net-connect-custom-lookup-non-string-address.mjs",
    status = Status.NOT_APPLICABLE,
    reason = "a lookup answering an array where one address is due: jnet's Lookup answers a list")
@NotPorted(
    file = "test-net-child-process-connect-reset.js",
    status = Status.NOT_APPLICABLE,
    reason = "a child process killed under its connection")
@NotPorted(
    file = "test-net-normalize-args.js",
    status = Status.NOT_APPLICABLE,
    reason = "net._normalizeArgs and an array given to connect: Node internals")
@NotPorted(
    file = "test-net-socket-setnodelay.js",
    status = Status.NOT_APPLICABLE,
    reason = "Sockets over fake handle objects (the handle option) counting setNoDelay calls")
@NotPorted(
    file = "test-net-connect-memleak.js",
    status = Status.NOT_APPLICABLE,
    reason = "that a connect callback lets an object be garbage collected (--expose-gc, onGC)")
@NotPorted(
    file = "test-net-perf_hooks.js",
    status = Status.NOT_APPLICABLE,
    reason = "PerformanceObserver entries of type 'net': perf_hooks")
final class NotPortedFiles {
  private NotPortedFiles() {}
}
