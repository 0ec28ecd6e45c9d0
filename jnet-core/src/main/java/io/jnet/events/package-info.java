/** Node's {@code events}: {@code EventEmitter} with typed {@code Event} keys. */
package io.jnet.events;
