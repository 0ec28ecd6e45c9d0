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
}
