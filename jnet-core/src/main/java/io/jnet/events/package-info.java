/**
 * Node's {@code events}: {@code EventEmitter} with typed {@code Event} keys, and the {@code
 * AbortController}/{@code AbortSignal} pair that Node's {@code signal} options take.
 */
package io.jnet.events;
