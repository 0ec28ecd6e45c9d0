package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The blocking InputStream and OutputStream views, used from a thread other than the loop. */
class BlockingViewsTest {
  private static final byte[] DATA = ReadableContractTest.randomBytes(200_000);

  @Test
  void inputStreamReadsEveryByteThenEof() throws IOException {
    ChunkedSource source = new ChunkedSource(DATA, 777, true, StreamOptions.defaults());
    try (InputStream in = Streams.inputStream(source)) {
      assertArrayEquals(DATA, in.readAllBytes());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void inputStreamPausesTheStreamWhenTheReaderLags() throws Exception {
    AtomicInteger pauses = new AtomicInteger();
    ChunkedSource source =
        new ChunkedSource(DATA, 1000, false, StreamOptions.defaults().highWaterMark(4096));
    source.on(Readable.PAUSE, pauses::incrementAndGet);
    InputStream in = Streams.inputStream(source);
    // Let the loop fill the view before the reader starts.
    Loops.awaitIdle();
    assertTrue(pauses.get() > 0, "the stream never paused");
    assertTrue(in.available() < 4096 + 1000, "buffered past the water mark: " + in.available());
    assertArrayEquals(DATA, in.readAllBytes());
    in.close();
  }

  @Test
  void inputStreamFailsWithTheStreamError() {
    Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
    InputStream in = Streams.inputStream(r);
    r.destroy(new JnetException("ECONNRESET", "read ECONNRESET"));
    IOException e = assertThrows(IOException.class, in::read);
    assertEquals("ECONNRESET", ((JnetException) e.getCause()).code());
  }

  @Test
  void readingTheInputStreamOnTheLoopThreadFails() throws Exception {
    Readable r = new Readable(StreamOptions.defaults().read((s, n) -> {}));
    InputStream in = Streams.inputStream(r);
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Loops.loop()
        .execute(
            () -> {
              try {
                in.read();
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    assertTrue(thrown.get(10, TimeUnit.SECONDS) instanceof IOException);
    r.destroy();
  }

  @Test
  void outputStreamWaitsForDrainAndFinishesOnClose() throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    AtomicInteger finishes = new AtomicInteger();
    AtomicInteger maxLength = new AtomicInteger();
    Writable[] self = new Writable[1];
    Writable w =
        new Writable(
            StreamOptions.defaults()
                .highWaterMark(2048)
                .write(
                    (chunk, cb) -> {
                      maxLength.accumulateAndGet(self[0].writableLength(), Math::max);
                      received.write(chunk.array(), chunk.arrayOffset(), chunk.length());
                      Loops.loop().setImmediate(cb::done);
                    }));
    self[0] = w;
    w.on(Writable.FINISH, finishes::incrementAndGet);
    try (OutputStream out = Streams.outputStream(w)) {
      for (int i = 0; i < DATA.length; i += 1000) {
        out.write(DATA, i, Math.min(1000, DATA.length - i));
      }
      out.flush();
      assertEquals(0, w.writableLength());
    }
    assertEquals(1, finishes.get());
    assertArrayEquals(DATA, received.toByteArray());
    assertTrue(maxLength.get() <= 2048 + 1000, "buffered past the water mark: " + maxLength);
  }

  @Test
  void outputStreamFailsWithTheWriteError() {
    Writable w =
        new Writable(
            StreamOptions.defaults()
                .write((chunk, cb) -> cb.done(new JnetException("EPIPE", "write EPIPE"))));
    OutputStream out = Streams.outputStream(w);
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              for (int i = 0; i < 100; i++) out.write(new byte[100_000]);
            });
    assertEquals("EPIPE", ((JnetException) e.getCause()).code());
  }
}
