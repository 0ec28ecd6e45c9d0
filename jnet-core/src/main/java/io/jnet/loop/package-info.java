/** Node's event loop: {@code nextTick}, immediates, timers, handles that keep the JVM alive. */
package io.jnet.loop;
