package io.jnet.events;

import io.jnet.error.JnetException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Emits named events to the listeners registered for them: Node's {@code EventEmitter}.
 *
 * <p>Events are typed keys: an {@link Event} has an argument, and a listener is a {@link Consumer}
 * of it, or a {@link Runnable} when it does not need it; a {@link Signal} has none, and its
 * listeners are {@link Runnable}s. Listeners run in registration order ({@code prepend*} puts one
 * first), synchronously, on the thread that calls {@link #emit(Event, Object)}; for sockets,
 * servers and streams that is always their loop's thread.
 *
 * <h2>The contract, as in Node 24</h2>
 *
 * <ul>
 *   <li>{@code emit} walks a snapshot: a listener added or removed while an event is being emitted
 *       takes effect from the next emit of that event.
 *   <li>A {@code once} listener is removed just before it runs, and runs at most once; removing it
 *       by its original function works before it fired.
 *   <li>{@code off} removes the most recently added registration of a listener, one at a time.
 *   <li>{@link #NEW_LISTENER} is emitted before a listener is added, {@link #REMOVE_LISTENER} after
 *       one is removed, each with the event name and the original listener.
 *   <li>Past {@link #getMaxListeners()} listeners for one event (default 10, 0 is unlimited) a
 *       {@code MaxListenersExceededWarning} is printed once per event name; nothing is refused.
 *   <li>A listener that throws stops the emit; the exception travels to the caller of {@code emit},
 *       as in Node (on a loop, it ends at the loop's uncaught-exception handler).
 * </ul>
 *
 * <p>Unlike Node, an {@link #ERROR} emitted with no listener does not throw out of {@code emit}: it
 * is handed to the loop's uncaught-exception handler, and {@code emit} returns false, so the code
 * that emitted it is not cut short. It is never dropped.
 *
 * <h2>Threads</h2>
 *
 * <p>The listener tables may be changed from any thread: an emit reads them without a lock, takes
 * its event's listeners as they are at that moment (an event's own list is copied on change, never
 * changed), and emitting to one listener allocates nothing.
 */
public class EventEmitter {
  /** An emitter without listeners: Node's {@code new EventEmitter()}. */
  public EventEmitter() {}

  /** Node's {@code 'newListener'}: emitted before a listener is added. */
  public static final Event<ListenerChange> NEW_LISTENER = Event.of("newListener");

  /** Node's {@code 'removeListener'}: emitted after a listener was removed. */
  public static final Event<ListenerChange> REMOVE_LISTENER = Event.of("removeListener");

  /** Node's {@code 'error'}. */
  public static final Event<JnetException> ERROR = Event.of("error");

  private static volatile int defaultMaxListeners = 10;

  private static final Object[] NO_SLOTS = new Object[0];

  /** The slot of an event whose listeners are all gone, until the table is next rebuilt. */
  private static final Object GONE = new Object();

  /** Release stores and acquire loads of table slots, so that a slot's array is seen whole. */
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  /**
   * Two slots per event with listeners, in order of their first registration (Node's key order):
   * the {@link Event} it was first registered with, then its listeners: one entry, or an {@code
   * Object[]} of entries in their order, or {@link #GONE} when it lost its last listener (then
   * registering it again adds a pair at the end, as Node adds a new key, unless it is the last pair
   * already). An entry is the listener itself when it was registered with the pair's key, is not
   * {@code once}, and is called by the one interface it implements; else a {@link Listener} that
   * says how. Free pairs (null) follow. Written under this: a change writes one value slot (an
   * event's array is replaced, never changed), a new pair's key before its value, or replaces the
   * table when it is full, then writes the field again. A key never changes once written, so an
   * emit that read a pair's key and then its value read one event's listeners: its snapshot. A
   * socket's few events fit the first table, and changing one copies only that event's listeners.
   */
  private volatile Object[] table = NO_SLOTS;

  /** Guarded by this. */
  private int maxListeners = -1;

  /**
   * Whether {@link #NEW_LISTENER} or {@link #REMOVE_LISTENER} may have listeners: when false, no
   * registration or removal looks for them. Written under this with the table.
   */
  private volatile boolean watched;

  /** Event names already warned about. Guarded by this; null until the first warning. */
  private Set<String> warned;

  /**
   * Node's {@code EventEmitter.defaultMaxListeners}: the limit of emitters that set none.
   *
   * @return the limit; 0 means unlimited
   */
  public static int defaultMaxListeners() {
    return defaultMaxListeners;
  }

  /**
   * Sets Node's {@code EventEmitter.defaultMaxListeners}; 0 means unlimited.
   *
   * @param n the limit; 0 means unlimited
   */
  public static void defaultMaxListeners(int n) {
    defaultMaxListeners = checkMax(n, "defaultMaxListeners");
  }

  // Registration. Each has a Consumer form and a Runnable form, for listeners that ignore the
  // argument; Java picks the form by the lambda's arity, so neither needs a cast.

  /**
   * Adds {@code listener} at the end of {@code event}'s listeners; Node's {@code on}.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public <T> EventEmitter on(Event<T> event, Consumer<? super T> listener) {
    add(event, listener, false, false, false);
    return this;
  }

  /**
   * Adds a listener that ignores the argument; Node's {@code on}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter on(Event<?> event, Runnable listener) {
    add(event, listener, true, false, false);
    return this;
  }

  /**
   * Adds {@code listener} at the end of {@code signal}'s listeners; Node's {@code on}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter on(Signal signal, Runnable listener) {
    return on(signal.asEvent(), listener);
  }

  /**
   * The same as {@link #on(Event, Consumer)}.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public <T> EventEmitter addListener(Event<T> event, Consumer<? super T> listener) {
    return on(event, listener);
  }

  /**
   * The same as {@link #on(Event, Runnable)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter addListener(Event<?> event, Runnable listener) {
    return on(event, listener);
  }

  /**
   * The same as {@link #on(Signal, Runnable)}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter addListener(Signal signal, Runnable listener) {
    return on(signal, listener);
  }

  /**
   * Adds a listener that is removed just before its first call; Node's {@code once}.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public <T> EventEmitter once(Event<T> event, Consumer<? super T> listener) {
    add(event, listener, false, true, false);
    return this;
  }

  /**
   * Adds a one-time listener that ignores the argument; Node's {@code once}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter once(Event<?> event, Runnable listener) {
    add(event, listener, true, true, false);
    return this;
  }

  /**
   * Adds a listener that is removed just before its first call; Node's {@code once}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter once(Signal signal, Runnable listener) {
    return once(signal.asEvent(), listener);
  }

  /**
   * Adds {@code listener} before every other listener of {@code event}.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public <T> EventEmitter prependListener(Event<T> event, Consumer<? super T> listener) {
    add(event, listener, false, false, true);
    return this;
  }

  /**
   * Adds a listener that ignores the argument before every other listener of {@code event}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependListener(Event<?> event, Runnable listener) {
    add(event, listener, true, false, true);
    return this;
  }

  /**
   * Adds {@code listener} before every other listener of {@code signal}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependListener(Signal signal, Runnable listener) {
    return prependListener(signal.asEvent(), listener);
  }

  /**
   * Adds a one-time listener before every other listener of {@code event}.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public <T> EventEmitter prependOnceListener(Event<T> event, Consumer<? super T> listener) {
    add(event, listener, false, true, true);
    return this;
  }

  /**
   * Adds a one-time listener that ignores the argument, before every other one.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependOnceListener(Event<?> event, Runnable listener) {
    add(event, listener, true, true, true);
    return this;
  }

  /**
   * Adds a one-time listener before every other listener of {@code signal}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependOnceListener(Signal signal, Runnable listener) {
    return prependOnceListener(signal.asEvent(), listener);
  }

  /**
   * Removes the most recently added registration of {@code listener} (a Consumer or Runnable given
   * to any registration method, {@code once} ones included); Node's {@code off}. Does nothing when
   * it is not registered.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter off(Event<?> event, Object listener) {
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(listener, "listener == null");
    Object removed;
    synchronized (this) {
      removed = removeLast(event.name(), listener);
    }
    if (removed != null) afterRemove(event.name(), fnOf(removed));
    return this;
  }

  /**
   * {@link #off(Event, Object)} for a signal's listener.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter off(Signal signal, Object listener) {
    return off(signal.asEvent(), listener);
  }

  /**
   * The same as {@link #off(Event, Object)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter removeListener(Event<?> event, Object listener) {
    return off(event, listener);
  }

  /**
   * The same as {@link #off(Signal, Object)}.
   *
   * @param signal the event, which has no argument
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter removeListener(Signal signal, Object listener) {
    return off(signal, listener);
  }

  /**
   * Removes every listener of {@code event}, last added first, emitting {@link #REMOVE_LISTENER}
   * for each as Node does.
   *
   * @param event the event
   * @return this emitter
   */
  public EventEmitter removeAllListeners(Event<?> event) {
    Objects.requireNonNull(event, "event == null");
    removeAll(event.name());
    return this;
  }

  /**
   * Removes every listener of {@code signal}, as {@link #removeAllListeners(Event)} does.
   *
   * @param signal the event, which has no argument
   * @return this emitter
   */
  public EventEmitter removeAllListeners(Signal signal) {
    return removeAllListeners(signal.asEvent());
  }

  /**
   * Removes every listener of every event; the {@link #REMOVE_LISTENER} listeners go last, so they
   * hear of every other removal.
   *
   * @return this emitter
   */
  public EventEmitter removeAllListeners() {
    for (String name : eventNames()) {
      if (!name.equals(REMOVE_LISTENER.name())) removeAll(name);
    }
    removeAll(REMOVE_LISTENER.name());
    return this;
  }

  // Emitting.

  /**
   * Calls every listener of {@code event} with {@code arg}, in order, and returns whether there was
   * any. An {@link #ERROR} without listeners goes to the loop's uncaught-exception handler.
   *
   * @param <T> the type of the event's argument
   * @param event the event
   * @param arg the argument emitted
   * @return whether the event had listeners
   */
  public <T> boolean emit(Event<T> event, T arg) {
    String name = event.name();
    Object[] t = table;
    for (int k = 0; k < t.length; k += 2) {
      Event<?> key = (Event<?>) SLOTS.getAcquire(t, k);
      if (key == null) break;
      if (key.name() != name) continue;
      Object value = SLOTS.getAcquire(t, k + 1);
      if (value == null || value == GONE) continue;
      if (value instanceof Object[] entries) {
        for (Object entry : entries) fire(name, key, entry, event, arg);
      } else {
        fire(name, key, value, event, arg);
      }
      return true;
    }
    if (name == ERROR.name()) {
      unhandledError(arg);
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private void fire(String name, Event<?> key, Object entry, Event<?> event, Object arg) {
    if (entry instanceof Listener l) {
      if (l.once && !claim(name, l)) return;
      l.invoke(l.key == event ? arg : adaptArgument(l.key, event, arg));
    } else if (entry instanceof Consumer<?> c) {
      ((Consumer<Object>) c).accept(key == event ? arg : adaptArgument(key, event, arg));
    } else {
      ((Runnable) entry).run();
    }
  }

  /**
   * Emits {@code event} with a null argument: Node's {@code emit(name)} of an event without one.
   *
   * @param event the event
   * @return whether the event had listeners
   */
  public boolean emit(Event<?> event) {
    @SuppressWarnings("unchecked")
    Event<Object> e = (Event<Object>) event;
    return emit(e, null);
  }

  /**
   * Calls every listener of {@code signal}, in order, and returns whether there was any.
   *
   * @param signal the event, which has no argument
   * @return whether the event had listeners
   */
  public boolean emit(Signal signal) {
    return emit(signal.asEvent(), null);
  }

  /**
   * Converts {@code arg}, emitted as {@code emitted}, for a listener registered with a different
   * key object of the same name. The default returns {@code arg} unchanged; a subclass whose events
   * come in several typed forms (a stream's {@code 'data'} as Buffer or as String) converts here.
   *
   * @param listenerKey the event the listener was registered with
   * @param emitted the event as it was emitted
   * @param arg the argument emitted
   * @return the argument the listener receives
   */
  protected Object adaptArgument(Event<?> listenerKey, Event<?> emitted, Object arg) {
    return arg;
  }

  // Introspection.

  /**
   * How many listeners {@code event} has.
   *
   * @param event the event
   * @return the number of listeners
   */
  public int listenerCount(Event<?> event) {
    Object value = find(table, event.name());
    return value == null ? 0 : value instanceof Object[] entries ? entries.length : 1;
  }

  /**
   * How many listeners {@code signal} has.
   *
   * @param signal the event, which has no argument
   * @return the number of listeners
   */
  public int listenerCount(Signal signal) {
    return listenerCount(signal.asEvent());
  }

  /**
   * Whether {@code listener} is {@code event}'s one listener, as given: what {@code
   * listeners(event).equals(List.of(listener))} says, without the copy. For a subclass that asks it
   * on a hot path.
   *
   * @param event the event
   * @param listener a listener, as it was given
   * @return true when it is the event's only listener
   */
  protected final boolean isSoleListener(Event<?> event, Object listener) {
    Object value = find(table, event.name());
    return value != null && !(value instanceof Object[]) && fnOf(value) == listener;
  }

  /**
   * A copy of {@code event}'s listeners, as they were given (once listeners unwrapped).
   *
   * @param event the event
   * @return a new list of the listeners
   */
  public List<Object> listeners(Event<?> event) {
    Object value = find(table, event.name());
    if (value == null) return List.of();
    if (!(value instanceof Object[] entries)) return new ArrayList<>(List.of(fnOf(value)));
    List<Object> result = new ArrayList<>(entries.length);
    for (Object entry : entries) result.add(fnOf(entry));
    return result;
  }

  /**
   * A copy of {@code signal}'s listeners, as they were given.
   *
   * @param signal the event, which has no argument
   * @return a new list of the listeners
   */
  public List<Object> listeners(Signal signal) {
    return listeners(signal.asEvent());
  }

  /**
   * The names of the events that have listeners, in order of their first registration.
   *
   * @return the event names
   */
  public List<String> eventNames() {
    Object[] t = table;
    List<String> names = new ArrayList<>();
    for (int k = 0; k < t.length; k += 2) {
      Event<?> key = (Event<?>) SLOTS.getAcquire(t, k);
      if (key == null) break;
      Object value = SLOTS.getAcquire(t, k + 1);
      if (value != null && value != GONE) names.add(key.name());
    }
    return names;
  }

  /**
   * Sets the listener count past which a warning is printed; 0 means unlimited.
   *
   * @param n the limit; 0 means unlimited
   * @return this emitter
   */
  public EventEmitter setMaxListeners(int n) {
    int checked = checkMax(n, "setMaxListeners");
    synchronized (this) {
      maxListeners = checked;
    }
    return this;
  }

  /**
   * The listener count past which a warning is printed; 0 means unlimited.
   *
   * @return the limit; 0 means unlimited
   */
  public synchronized int getMaxListeners() {
    return maxListeners < 0 ? defaultMaxListeners : maxListeners;
  }

  // Machinery.

  private void add(Event<?> event, Object fn, boolean runnable, boolean once, boolean prepend) {
    Objects.requireNonNull(event, "event == null");
    if (fn == null) {
      throw JnetException.typeError(
          "ERR_INVALID_ARG_TYPE",
          "The \"listener\" argument must be of type function. Received null");
    }
    if (watched && find(table, NEW_LISTENER.name()) != null) {
      emit(NEW_LISTENER, new ListenerChange(event.name(), fn));
    }
    String warning = null;
    synchronized (this) {
      String name = event.name();
      if (name == NEW_LISTENER.name() || name == REMOVE_LISTENER.name()) {
        watched = true;
      }
      Object[] t = table;
      int k = index(t, name);
      int count;
      if (k < 0) {
        count = 1;
        int end = used(t);
        if (end > 0 && t[end - 1] == GONE && ((Event<?>) t[end - 2]).name() == name) {
          // The last pair is this event's, emptied: Node's new key would be last as well.
          SLOTS.setRelease(t, end - 1, entry((Event<?>) t[end - 2], event, fn, runnable, once));
          table = t; // written again to publish the slot
        } else if (end < t.length) {
          SLOTS.setRelease(t, end, event);
          SLOTS.setRelease(t, end + 1, entry(event, event, fn, runnable, once));
          table = t;
        } else {
          table = rebuilt(t, event, entry(event, event, fn, runnable, once));
        }
      } else {
        Object added = entry((Event<?>) t[k], event, fn, runnable, once);
        Object value = t[k + 1];
        Object[] entries;
        if (value instanceof Object[] old) {
          entries = new Object[old.length + 1];
          System.arraycopy(old, 0, entries, prepend ? 1 : 0, old.length);
          entries[prepend ? 0 : old.length] = added;
        } else {
          entries = prepend ? new Object[] {added, value} : new Object[] {value, added};
        }
        SLOTS.setRelease(t, k + 1, entries);
        table = t;
        count = entries.length;
      }
      int max = maxListeners < 0 ? defaultMaxListeners : maxListeners;
      if (max > 0 && count > max) {
        if (warned == null) warned = new HashSet<>();
        if (warned.add(event.name())) {
          warning =
              "MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
                  + count
                  + " "
                  + event.name()
                  + " listeners added to ["
                  + getClass().getSimpleName()
                  + "]. MaxListeners is "
                  + max
                  + ". Use emitter.setMaxListeners() to increase limit";
        }
      }
    }
    if (warning != null) Warnings.emit(warning);
  }

  /**
   * Marks a once listener fired and removes it; false when another emit already fired it. As Node's
   * once wrapper, a once listener removed by {@code off} during this emit still runs.
   */
  private boolean claim(String name, Listener l) {
    boolean removed;
    synchronized (this) {
      if (l.fired) return false;
      l.fired = true;
      removed = removeEntry(name, l);
    }
    if (removed) afterRemove(name, l.fn);
    return true;
  }

  private void removeAll(String name) {
    while (true) {
      Object removed;
      synchronized (this) {
        Object[] t = table;
        int k = index(t, name);
        if (k < 0) return;
        Object value = t[k + 1];
        int j = value instanceof Object[] entries ? entries.length - 1 : 0;
        removed = removeAt(t, k, j);
      }
      afterRemove(name, fnOf(removed));
    }
  }

  private void afterRemove(String name, Object fn) {
    if (watched && find(table, REMOVE_LISTENER.name()) != null) {
      emit(REMOVE_LISTENER, new ListenerChange(name, fn));
    }
  }

  /** Removes the last entry of {@code name} whose function is {@code fn}; returns it, or null. */
  private Object removeLast(String name, Object fn) {
    Object[] t = table;
    int k = index(t, name);
    if (k < 0) return null;
    Object value = t[k + 1];
    if (!(value instanceof Object[] entries)) {
      Object f = fnOf(value);
      return f == fn || f.equals(fn) ? removeAt(t, k, 0) : null;
    }
    for (int j = entries.length - 1; j >= 0; j--) {
      Object f = fnOf(entries[j]);
      if (f == fn || f.equals(fn)) return removeAt(t, k, j);
    }
    return null;
  }

  /** Removes {@code entry} itself from {@code name}'s entries; false when it is not there. */
  private boolean removeEntry(String name, Object entry) {
    Object[] t = table;
    int k = index(t, name);
    if (k < 0) return false;
    Object value = t[k + 1];
    if (value == entry) {
      removeAt(t, k, 0);
      return true;
    }
    if (value instanceof Object[] entries) {
      for (int j = entries.length - 1; j >= 0; j--) {
        if (entries[j] == entry) {
          removeAt(t, k, j);
          return true;
        }
      }
    }
    return false;
  }

  /** Removes entry {@code j} of the live pair at {@code k} of the table {@code t}; returns it. */
  private Object removeAt(Object[] t, int k, int j) {
    Object value = t[k + 1];
    Object removed;
    Object replacement;
    if (value instanceof Object[] entries) {
      removed = entries[j];
      if (entries.length == 2) {
        replacement = entries[1 - j];
      } else {
        Object[] fewer = new Object[entries.length - 1];
        System.arraycopy(entries, 0, fewer, 0, j);
        System.arraycopy(entries, j + 1, fewer, j, entries.length - j - 1);
        replacement = fewer;
      }
    } else {
      removed = value;
      replacement = GONE;
    }
    SLOTS.setRelease(t, k + 1, replacement);
    table = t;
    if (replacement == GONE) {
      watched = index(t, NEW_LISTENER.name()) >= 0 || index(t, REMOVE_LISTENER.name()) >= 0;
    }
    return removed;
  }

  /**
   * What the table holds for a listener: the listener itself when the pair's key is the event it
   * was registered with, it is not once, and its interface says how to call it (one that is a
   * Consumer as well as a Runnable, registered as a Runnable, does not); else a {@link Listener}.
   */
  private static Object entry(
      Event<?> key, Event<?> event, Object fn, boolean runnable, boolean once) {
    if (key == event && !once && !(runnable && fn instanceof Consumer)) return fn;
    return new Listener(event, fn, runnable, once);
  }

  /** The function an entry stands for: a bare entry is its own. */
  private static Object fnOf(Object entry) {
    return entry instanceof Listener l ? l.fn : entry;
  }

  /** {@code name}'s value in {@code t}: its one entry or its entries; null when it has none. */
  private static Object find(Object[] t, String name) {
    for (int k = 0; k < t.length; k += 2) {
      Event<?> key = (Event<?>) SLOTS.getAcquire(t, k);
      if (key == null) return null;
      if (key.name() != name) continue;
      Object value = SLOTS.getAcquire(t, k + 1);
      if (value != null && value != GONE) return value;
    }
    return null;
  }

  /** The index of {@code name}'s live pair in {@code t}, or -1. Under this. */
  private static int index(Object[] t, String name) {
    for (int k = 0; k < t.length && t[k] != null; k += 2) {
      if (((Event<?>) t[k]).name() == name && t[k + 1] != GONE) return k;
    }
    return -1;
  }

  /** How many slots of {@code t} the pairs use. Under this. */
  private static int used(Object[] t) {
    int n = t.length;
    while (n > 0 && t[n - 2] == null) n -= 2;
    return n;
  }

  private static Object[] rebuilt(Object[] t, Event<?> key, Object entry) {
    int live = 0;
    for (int k = 0; k < t.length; k += 2) if (t[k] != null && t[k + 1] != GONE) live++;
    // Room for 6 events at first: a piped socket's ('end', 'error', 'unpipe', 'data', 'close',
    // 'finish'), or a socket's own and its user's 'data', 'end', 'error', 'close' and one more.
    Object[] grown = new Object[2 * Math.max(6, live + 1 + (live + 1) / 2)];
    int n = 0;
    for (int k = 0; k < t.length; k += 2) {
      if (t[k] != null && t[k + 1] != GONE) {
        grown[n++] = t[k];
        grown[n++] = t[k + 1];
      }
    }
    grown[n++] = key;
    grown[n] = entry;
    return grown;
  }

  private static int checkMax(int n, String what) {
    if (n < 0) {
      throw JnetException.rangeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"" + what + "\" is out of range. It must be >= 0. Received " + n);
    }
    return n;
  }

  private static void unhandledError(Object arg) {
    Throwable error =
        arg instanceof Throwable t
            ? t
            : new JnetException("ERR_UNHANDLED_ERROR", "Unhandled error. (" + arg + ")");
    UnhandledErrors.report(error);
  }

  /** A registration the table cannot hold bare: a once listener, or one of another key or form. */
  private static final class Listener {
    final Event<?> key;
    final Object fn;
    final boolean runnable;
    final boolean once;

    /** Once listeners only: set when an emit claimed it. Guarded by the emitter. */
    boolean fired;

    Listener(Event<?> key, Object fn, boolean runnable, boolean once) {
      this.key = key;
      this.fn = fn;
      this.runnable = runnable;
      this.once = once;
    }

    @SuppressWarnings("unchecked")
    void invoke(Object arg) {
      if (runnable) {
        ((Runnable) fn).run();
      } else {
        ((Consumer<Object>) fn).accept(arg);
      }
    }
  }
}
