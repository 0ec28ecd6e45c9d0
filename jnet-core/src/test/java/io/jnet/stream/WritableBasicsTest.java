package io.jnet.stream;

import org.junit.jupiter.api.Test;

class WritableBasicsTest {
  @Test
  void writeReturnsFalseAtHighWaterMarkAndEndSuppressesDrain() {
    EventLog log = new EventLog();
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(4)
                      .write((chunk, cb) -> Loops.loop().setImmediate(cb::done)));
          w.on(Writable.DRAIN, () -> log.add("drain"));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          log.add("w1 " + w.write("ab", e -> log.add("cb1 " + e)));
          log.add("w2 " + w.write("cd", e -> log.add("cb2 " + e)));
          log.add("len " + w.writableLength());
          w.end(e -> log.add("end cb " + e));
        });
    log.assertEntries(
        "w1 true", "w2 false", "len 4", "cb1 null", "cb2 null", "end cb null", "finish", "close");
  }

  @Test
  void writableBufferHoldsTheChunksBehindTheWriteInProgress() {
    EventLog log = new EventLog();
    Loops.run(
        () -> {
          Writable w =
              new Writable(
                  StreamOptions.defaults().write((c, cb) -> Loops.loop().setImmediate(cb::done)));
          w.write("a");
          w.write("bc");
          w.write("def");
          StringBuilder sb = new StringBuilder();
          for (io.jnet.buffer.Buffer b : w.writableBuffer()) sb.append(b).append('|');
          log.add(sb + " " + w.writableLength());
        });
    log.assertEntries("bc|def| 6");
  }

  @Test
  void aStreamBelongsToTheLoopGivenInItsOptions() {
    Writable w =
        new Writable(StreamOptions.defaults().loop(Loops.loop()).write((c, cb) -> cb.done()));
    org.junit.jupiter.api.Assertions.assertSame(Loops.loop(), w.loop());
  }
}
