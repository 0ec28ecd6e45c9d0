package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The readable contract, run over sources that differ only in how they hand their bytes over (see
 * the subclasses): whatever the chunking, consumers see the same bytes, one 'end', the same text.
 */
abstract class ReadableContractTest {
  static final byte[] DATA = randomBytes(5000);
  static final String TEXT = "a€b😀ç\u0000z".repeat(40);

  /** A source of {@code data} with {@code options}. */
  abstract ChunkedSource source(byte[] data, StreamOptions options);

  ChunkedSource source(byte[] data) {
    return source(data, StreamOptions.defaults());
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  private static void append(ByteArrayOutputStream out, Buffer b) {
    out.write(b.array(), b.arrayOffset(), b.length());
  }

  @Test
  void flowingModeDeliversEveryByteInOrder() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Loops.run(() -> source(DATA).on(Readable.DATA, b -> append(out, b)));
    assertArrayEquals(DATA, out.toByteArray());
  }

  @Test
  void endIsEmittedOnceAfterTheLastByte() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> endsAt = new ArrayList<>();
    AtomicInteger closes = new AtomicInteger();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          r.on(Readable.DATA, b -> append(out, b));
          r.on(Readable.END, () -> endsAt.add(out.size()));
          r.on(Readable.CLOSE, closes::incrementAndGet);
        });
    assertEquals(List.of(DATA.length), endsAt);
    assertEquals(1, closes.get());
  }

  @Test
  void pausedModeReadReturnsEveryByte() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger ends = new AtomicInteger();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          r.on(
              Readable.READABLE,
              () -> {
                Buffer b;
                while ((b = r.read()) != null) append(out, b);
              });
          r.on(Readable.END, ends::incrementAndGet);
        });
    assertArrayEquals(DATA, out.toByteArray());
    assertEquals(1, ends.get());
  }

  @Test
  void readOfFixedSizeReturnsExactlyThatManyBytesUntilTheTail() {
    List<Integer> sizes = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          r.on(
              Readable.READABLE,
              () -> {
                Buffer b;
                while ((b = r.read(7)) != null) {
                  sizes.add(b.length());
                  append(out, b);
                }
              });
        });
    assertArrayEquals(DATA, out.toByteArray());
    for (int i = 0; i < sizes.size() - 1; i++) assertEquals(7, sizes.get(i));
    assertEquals(DATA.length % 7, sizes.get(sizes.size() - 1));
  }

  @Test
  void readIsNotCalledWhileTheBufferHoldsTheHighWaterMark() {
    AtomicReference<ChunkedSource> source = new AtomicReference<>();
    Loops.run(
        () -> {
          ChunkedSource r = source(DATA, StreamOptions.defaults().highWaterMark(64));
          source.set(r);
          r.on(Readable.READABLE, () -> {});
        });
    assertTrue(
        source.get().maxLengthAtRead < 64, "max length at _read: " + source.get().maxLengthAtRead);
    assertTrue(source.get().readableLength() >= 64 || source.get().readableLength() == DATA.length);
  }

  @Test
  void setEncodingDeliversWholeCharactersWhateverTheChunking() {
    StringBuilder text = new StringBuilder();
    Loops.run(
        () -> {
          Readable r = source(TEXT.getBytes(StandardCharsets.UTF_8));
          r.setEncoding("utf8");
          r.on(Readable.TEXT, text::append);
        });
    assertEquals(TEXT, text.toString());
  }

  @Test
  void pauseStopsDataUntilResume() {
    List<String> log = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          boolean[] paused = new boolean[1];
          r.on(
              Readable.DATA,
              b -> {
                if (paused[0] && r.isPaused()) log.add("data while paused");
                append(out, b);
                if (!paused[0]) {
                  paused[0] = true;
                  r.pause();
                  r.loop()
                      .setImmediate(
                          () ->
                              r.loop()
                                  .setImmediate(
                                      () -> {
                                        log.add("resume at " + (out.size() > 0));
                                        r.resume();
                                      }));
                }
              });
        });
    assertEquals(List.of("resume at true"), log);
    assertArrayEquals(DATA, out.toByteArray());
  }

  @Test
  void unshiftedBytesAreReadAgainFirst() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          boolean[] done = new boolean[1];
          r.on(
              Readable.READABLE,
              () -> {
                Buffer b;
                while ((b = r.read()) != null) {
                  if (!done[0] && b.length() > 1) {
                    done[0] = true;
                    r.unshift(b.subarray(1, b.length()));
                    append(out, b.subarray(0, 1));
                    continue;
                  }
                  append(out, b);
                }
              });
        });
    assertArrayEquals(DATA, out.toByteArray());
  }

  @Test
  void pipeIntoASlowWritableDeliversEverythingAndFinishes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger finishes = new AtomicInteger();
    Loops.run(
        () -> {
          Readable r = source(DATA, StreamOptions.defaults().highWaterMark(16));
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .highWaterMark(8)
                      .write(
                          (chunk, cb) -> {
                            append(out, chunk);
                            Loops.loop().setImmediate(cb::done);
                          }));
          w.on(Writable.FINISH, finishes::incrementAndGet);
          r.pipe(w);
        });
    assertArrayEquals(DATA, out.toByteArray());
    assertEquals(1, finishes.get());
  }

  @Test
  void pipelineThroughATransformDeliversEverything() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> results = new ArrayList<>();
    Loops.run(
        () -> {
          Transform invert =
              new Transform(
                  StreamOptions.defaults()
                      .transform(
                          (s, chunk, cb) -> {
                            byte[] b = chunk.toByteArray();
                            for (int i = 0; i < b.length; i++) b[i] = (byte) ~b[i];
                            s.push(b);
                            cb.done();
                          }));
          Writable w =
              new Writable(
                  StreamOptions.defaults()
                      .write(
                          (chunk, cb) -> {
                            byte[] b = chunk.toByteArray();
                            for (byte x : b) out.write(~x);
                            cb.done();
                          }));
          Streams.pipeline(source(DATA), invert, w, e -> results.add(String.valueOf(e)));
        });
    assertArrayEquals(DATA, out.toByteArray());
    assertEquals(List.of("null"), results);
  }

  @Test
  void destroyMidwayEmitsErrorAndCloseButNoEnd() {
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          int[] seen = new int[1];
          r.on(
              Readable.DATA,
              b -> {
                seen[0] += b.length();
                if (seen[0] >= 1 && !r.destroyed()) r.destroy(new JnetException("EBOOM", "boom"));
              });
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.ERROR, e -> log.add("error " + e.code()));
          r.on(Readable.CLOSE, () -> log.add("close"));
        });
    assertEquals(List.of("error EBOOM", "close"), log);
  }

  @Test
  void readAfterEndReturnsNull() {
    AtomicReference<Readable> source = new AtomicReference<>();
    Loops.run(
        () -> {
          Readable r = source(DATA);
          source.set(r);
          r.resume();
        });
    Loops.run(() -> assertNull(source.get().read()));
    assertTrue(source.get().readableEnded());
    assertFalse(source.get().readable());
    assertEquals(0, source.get().readableLength());
  }
}
