package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writable contract, run over sinks that differ only in when they complete a write (see the
 * subclasses): bytes arrive in order, callbacks run in order and once, 'drain' follows every false,
 * 'finish' comes once after the last callback.
 */
abstract class WritableContractTest {
  static final byte[] DATA = ReadableContractTest.randomBytes(3000);

  /** Completes one write's callback, now or later. */
  abstract void complete(Callback cb);

  /** Whether the sink completes a write inside {@code _write}. */
  boolean synchronous() {
    return false;
  }

  /** Whether the sink takes batches through {@code _writev}. */
  boolean batching() {
    return false;
  }

  final ByteArrayOutputStream received = new ByteArrayOutputStream();

  Writable sink(StreamOptions options) {
    StreamOptions o =
        options.write(
            (chunk, cb) -> {
              received.write(chunk.array(), chunk.arrayOffset(), chunk.length());
              complete(cb);
            });
    if (batching()) {
      o =
          o.writev(
              (chunks, cb) -> {
                for (Buffer c : chunks) received.write(c.array(), c.arrayOffset(), c.length());
                complete(cb);
              });
    }
    return new Writable(o);
  }

  private static List<Buffer> oneByteChunks() {
    List<Buffer> chunks = new ArrayList<>();
    for (int i = 0; i < DATA.length; i++) chunks.add(Buffer.from(DATA, i, 1));
    return chunks;
  }

  @Test
  void oneByteWritesArriveInOrderWithCallbacksInOrder() {
    List<Integer> callbacks = new ArrayList<>();
    Loops.run(
        () -> {
          Writable w = sink(StreamOptions.defaults());
          List<Buffer> chunks = oneByteChunks();
          for (int i = 0; i < chunks.size(); i++) {
            int n = i;
            w.write(chunks.get(i), e -> callbacks.add(n));
          }
          w.end();
        });
    assertArrayEquals(DATA, received.toByteArray());
    for (int i = 0; i < callbacks.size(); i++) assertEquals(i, callbacks.get(i));
    assertEquals(DATA.length, callbacks.size());
  }

  @Test
  void everyFalseIsFollowedByOneDrain() {
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          Writable w = sink(StreamOptions.defaults().highWaterMark(100));
          List<Buffer> chunks = oneByteChunks();
          int[] next = {0};
          Runnable[] pump = new Runnable[1];
          pump[0] =
              () -> {
                while (next[0] < chunks.size()) {
                  if (!w.write(chunks.get(next[0]++))) {
                    log.add("false");
                    w.once(Writable.DRAIN, pump[0]);
                    return;
                  }
                }
                w.end();
              };
          w.on(Writable.DRAIN, () -> log.add("drain " + w.writableLength()));
          w.on(Writable.FINISH, () -> log.add("finish"));
          pump[0].run();
        });
    assertArrayEquals(DATA, received.toByteArray());
    assertEquals("finish", log.get(log.size() - 1));
    for (int i = 0; i + 1 < log.size(); i += 2) {
      assertEquals("false", log.get(i));
      assertEquals("drain 0", log.get(i + 1));
    }
  }

  @Test
  void finishComesOnceAfterTheLastCallback() {
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          Writable w = sink(StreamOptions.defaults());
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write(Buffer.from(DATA, 0, 1000), e -> log.add("cb 1"));
          w.write(Buffer.from(DATA, 1000, 2000), e -> log.add("cb 2"));
          w.end(e -> log.add("end cb"));
        });
    assertEquals(List.of("cb 1", "cb 2", "end cb", "finish", "close"), log);
    assertArrayEquals(DATA, received.toByteArray());
  }

  @Test
  void corkedWritesArriveTogetherAndInOrder() {
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          Writable w = sink(StreamOptions.defaults());
          w.cork();
          for (Buffer c : oneByteChunks()) w.write(c);
          log.add("buffered " + w.writableLength());
          Loops.loop().nextTick(w::uncork);
          w.end();
          w.on(Writable.FINISH, () -> log.add("finish " + w.writableLength()));
        });
    assertEquals(List.of("buffered " + DATA.length, "finish 0"), log);
    assertArrayEquals(DATA, received.toByteArray());
  }

  @Test
  void writableLengthReturnsToZero() {
    List<Integer> lengths = new ArrayList<>();
    Loops.run(
        () -> {
          Writable w = sink(StreamOptions.defaults());
          w.write(Buffer.from(DATA), e -> lengths.add(w.writableLength()));
          lengths.add(w.writableLength());
          w.end(e -> lengths.add(w.writableLength()));
        });
    assertEquals(synchronous() ? 0 : DATA.length, lengths.get(0));
    assertTrue(lengths.subList(1, lengths.size()).stream().allMatch(n -> n == 0));
  }
}
