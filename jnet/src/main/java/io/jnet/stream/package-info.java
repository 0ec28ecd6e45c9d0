/** Node's {@code stream}: {@code Readable}, {@code Writable}, {@code Duplex}, {@code pipeline}. */
package io.jnet.stream;
