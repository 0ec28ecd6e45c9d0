package io.jnet.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A Duplex implemented the way net.Socket implements it (see {@link FakeSocket}). */
class SocketShapedDuplexTest {
  private static final byte[] DATA = ReadableContractTest.randomBytes(100_000);

  @Test
  void readingStopsWhenPushReturnsFalseAndRestartsOnRead() {
    AtomicReference<FakeSocket> socket = new AtomicReference<>();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    Loops.run(
        () -> {
          FakeSocket s = new FakeSocket(StreamOptions.defaults().highWaterMark(1024));
          socket.set(s);
          for (int i = 0; i < DATA.length; i += 500) {
            s.peerSends(Buffer.from(DATA, i, Math.min(500, DATA.length - i)));
          }
          s.peerEnds();
          s.on(
              Readable.READABLE,
              () -> {
                Buffer b;
                while ((b = s.read(300)) != null) got.write(b.array(), b.arrayOffset(), b.length());
              });
          s.connect();
        });
    FakeSocket s = socket.get();
    assertArrayEquals(DATA, got.toByteArray());
    assertTrue(s.readStops > 10, "reading never stopped: " + s.readStops);
    assertEquals(s.readStops + 1, s.readStarts);
    assertTrue(s.readableEnded());
  }

  @Test
  void writesBeforeConnectAreHeldAndGoOutInOrderInBatches() {
    AtomicReference<FakeSocket> socket = new AtomicReference<>();
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          FakeSocket s = new FakeSocket(StreamOptions.defaults());
          socket.set(s);
          s.write("a", e -> log.add("cb a"));
          s.write("bc", e -> log.add("cb bc"));
          s.write("def", e -> log.add("cb def"));
          log.add("length " + s.writableLength());
          s.end(e -> log.add("end cb"));
          Loops.loop().setImmediate(s::connect);
          s.on(WritableStream.FINISH, () -> log.add("finish " + s.finSent));
        });
    FakeSocket s = socket.get();
    assertEquals(List.of("length 6", "cb a", "cb bc", "cb def", "end cb", "finish true"), log);
    assertEquals("abcdef", s.wire.toString());
    assertEquals(List.of(1, 2), s.batchSizes);
  }

  @Test
  void withoutHalfOpenThePeersEndSendsOurFin() {
    AtomicReference<FakeSocket> socket = new AtomicReference<>();
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          FakeSocket s = new FakeSocket(StreamOptions.defaults().allowHalfOpen(false));
          socket.set(s);
          s.connect();
          s.on(Readable.DATA, b -> log.add("data " + b));
          s.on(Readable.END, () -> log.add("end"));
          s.on(WritableStream.FINISH, () -> log.add("finish " + s.finSent));
          s.on(FakeSocket.CLOSE_WITH_ERROR, hadError -> log.add("close " + hadError));
          s.peerSends(Buffer.from("bye"));
          s.peerEnds();
        });
    assertEquals(List.of("data bye", "end", "finish true", "close false"), log);
    assertTrue(socket.get().handleClosed);
  }

  @Test
  void destroyWithAnErrorClosesTheHandleAndReportsIt() {
    AtomicReference<FakeSocket> socket = new AtomicReference<>();
    List<String> log = new ArrayList<>();
    Loops.run(
        () -> {
          FakeSocket s = new FakeSocket(StreamOptions.defaults());
          socket.set(s);
          s.connect();
          s.on(Stream.ERROR, e -> log.add("error " + e.code()));
          s.on(FakeSocket.CLOSE_WITH_ERROR, hadError -> log.add("close " + hadError));
          s.write("x", e -> log.add("cb " + (e == null ? null : e.code())));
          s.destroy(new io.jnet.error.JnetException("ECONNRESET", "read ECONNRESET"));
          log.add("writable " + s.writable());
        });
    // As in Node, the write already handed to _writev completes on its own, after 'close'.
    assertEquals(List.of("writable false", "error ECONNRESET", "close true", "cb null"), log);
    assertTrue(socket.get().handleClosed);
    assertFalse(socket.get().readable());
  }
}
