/**
 * The Netty side of jnet's event loop: {@link io.jnet.internal.loop.LoopEngine}, the Netty event
 * loop thread a jnet loop runs on, and the I/O handler that frames each I/O pass with Node's
 * phases.
 */
package io.jnet.internal.loop;
