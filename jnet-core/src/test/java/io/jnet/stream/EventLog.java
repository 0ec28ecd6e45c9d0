package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** A recording of events in order, compared with what Node logs for the same scenario. */
final class EventLog {
  private final List<String> entries = new ArrayList<>();

  synchronized void add(String entry) {
    entries.add(entry);
  }

  synchronized List<String> entries() {
    return new ArrayList<>(entries);
  }

  void assertEntries(String... expected) {
    assertEquals(List.of(expected), entries());
  }
}
