package io.jnet.stream;

import io.jnet.buffer.Buffer;
import io.jnet.error.JnetException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A Duplex shaped like net.Socket over a fake kernel: reads arrive from "I/O upcalls" only while
 * reading is started, writes go out in {@code _writev} batches once "connected", {@code _final}
 * sends FIN, {@code _destroy} closes the handle. It shows how a socket implements Duplex.
 */
class FakeSocket extends Duplex {
  /** Bytes the peer sent, waiting in the kernel. Loop thread only. */
  private final ArrayDeque<Buffer> kernel = new ArrayDeque<>();

  boolean reading;
  boolean connected;
  boolean finSent;
  boolean handleClosed;
  int readStarts;
  int readStops;
  final List<Integer> batchSizes = new ArrayList<>();
  final ByteArrayOutputStream wire = new ByteArrayOutputStream();
  private final List<Runnable> waitingForConnect = new ArrayList<>();

  FakeSocket(StreamOptions options) {
    super(options.emitClose(false));
  }

  /** The peer sends {@code data}; the kernel holds it until the socket reads. */
  void peerSends(Buffer data) {
    kernel.addLast(data);
    pump();
  }

  /** The peer half-closes. */
  void peerEnds() {
    kernel.addLast(Buffer.alloc(0));
    pump();
  }

  /** The connection is established: held writes go out. */
  void connect() {
    connected = true;
    List<Runnable> held = new ArrayList<>(waitingForConnect);
    waitingForConnect.clear();
    held.forEach(Runnable::run);
  }

  /** The event loop's read upcalls: one push per kernel chunk while reading. */
  private void pump() {
    while (reading && !kernel.isEmpty()) {
      Buffer chunk = kernel.pollFirst();
      if (chunk.length() == 0) {
        pushEnd();
        reading = false;
        return;
      }
      if (!push(chunk)) {
        reading = false;
        readStops++;
      }
    }
  }

  @Override
  protected void _read(int size) {
    if (!reading) {
      reading = true;
      readStarts++;
      loop().setImmediate(this::pump);
    }
  }

  @Override
  protected void _writev(List<Buffer> chunks, Callback callback) {
    if (!connected) {
      waitingForConnect.add(() -> _writev(chunks, callback));
      return;
    }
    batchSizes.add(chunks.size());
    for (Buffer c : chunks) wire.write(c.array(), c.arrayOffset(), c.length());
    loop().setImmediate(callback::done);
  }

  @Override
  protected void _final(Callback callback) {
    if (!connected) {
      waitingForConnect.add(() -> _final(callback));
      return;
    }
    finSent = true;
    callback.done();
  }

  @Override
  protected void _destroy(JnetException error, Callback callback) {
    handleClosed = true;
    callback.done(error);
    loop().nextTick(() -> emit(CLOSE_WITH_ERROR, error != null));
  }

  /** net.Socket's {@code 'close'} carries hadError; the stream's own 'close' is off. */
  static final io.jnet.events.Event<Boolean> CLOSE_WITH_ERROR = io.jnet.events.Event.of("close");
}
