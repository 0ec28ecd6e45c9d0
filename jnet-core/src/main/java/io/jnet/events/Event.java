package io.jnet.events;

import java.util.Objects;

/**
 * The typed name of an event: what {@code 'data'} or {@code 'close'} is in Node.
 *
 * <p>{@code T} is the type of the event's argument; an event with no argument in Node is a {@link
 * Signal}, and one with several arguments carries a small record. Listeners are typed by the key:
 * {@code socket.on(Socket.DATA, (Buffer chunk) -> ...)}. Two keys with the same name denote the
 * same Node event: an emitter keeps its listeners by name, in registration order, as Node does.
 *
 * @param <T> the type of the argument listeners receive
 */
public final class Event<T> {
  /** Interned: emitters compare names by identity ({@link EventEmitter}). */
  private final String name;

  private Event(String name) {
    this.name = name.intern();
  }

  /**
   * Returns the event named {@code name}.
   *
   * @param <T> the type of the event's argument
   * @param name Node's event name
   * @return the event
   */
  public static <T> Event<T> of(String name) {
    Objects.requireNonNull(name, "name == null");
    return new Event<>(name);
  }

  /**
   * Node's name for this event, such as {@code "data"}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
