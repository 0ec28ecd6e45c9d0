package io.jnet.internal.net;

import io.netty.channel.EventLoop;
import java.util.concurrent.Executor;

/**
 * A loop that a listening handle hands accepted connections to, when they are not to live on the
 * listening loop: its Netty event loop (the channel registers there), the invoker of its upcalls,
 * and the executor that carries the hand-over onto its thread.
 *
 * <p>The hand-over executor is the jnet loop's own {@code execute}: a task waiting there keeps the
 * JVM alive, so a connection between two loops is never lost to the JVM's exit.
 */
public record ConnectionLoop(EventLoop netty, Invoker invoker, Executor handOver) {}
