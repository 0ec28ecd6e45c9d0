package io.jnet.events;

import java.util.Objects;

/**
 * The typed name of an event without an argument: what {@code 'end'} or {@code 'connect'} is in
 * Node. Its listeners are {@link Runnable}s.
 *
 * <p>A signal is a type of its own, not an {@link Event}, so that exactly one registration method
 * fits it: {@code socket.on(Socket.END, socket::end)} compiles, where an event key with both a
 * {@code Consumer} and a {@code Runnable} form would make a method reference to an overloaded
 * method ambiguous. A signal and an event of the same name denote the same Node event.
 */
public final class Signal {
  private final Event<Void> event;

  private Signal(String name) {
    this.event = Event.of(name);
  }

  /**
   * Returns the signal named {@code name}.
   *
   * @param name Node's event name
   * @return the signal
   */
  public static Signal of(String name) {
    Objects.requireNonNull(name, "name == null");
    return new Signal(name);
  }

  /**
   * Node's name for this event, such as {@code "end"}.
   *
   * @return the name
   */
  public String name() {
    return event.name();
  }

  /**
   * The same Node event as an {@link Event} key, whose argument is always null.
   *
   * @return the event
   */
  public Event<Void> asEvent() {
    return event;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signal other && other.event.equals(event);
  }

  @Override
  public int hashCode() {
    return event.hashCode();
  }

  @Override
  public String toString() {
    return event.name();
  }
}
