package io.jnet.events;

/**
 * The argument of {@code 'newListener'} and {@code 'removeListener'}: Node's {@code (eventName,
 * listener)} pair.
 *
 * @param event the name of the event whose listeners changed
 * @param listener the listener as it was given (for a {@code once} listener, the original function,
 *     never a wrapper)
 */
public record ListenerChange(String event, Object listener) {}
