package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.buffer.Buffer;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.jnet.stream.Duplex;
import io.jnet.stream.Readable;
import io.jnet.stream.StreamOptions;
import io.jnet.stream.Writable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A socket's write path, against what Node 24 printed for the same scripts. */
class WritePathTest {
  private static void run(EventLoop loop) {
    assertTrue(LoopEngine.of(loop).awaitIdle(20_000), "loop still busy");
  }

  @Test
  void defaultHighWaterMarksAre64KiBAsSinceNode22() {
    // Node 24: socket 65536 65536, Readable 65536, Writable 65536, Duplex 65536 65536,
    // getDefaultHighWaterMark(false) 65536.
    Socket s = new Socket();
    assertEquals(
        List.of(65536, 65536), List.of(s.readableHighWaterMark(), s.writableHighWaterMark()));
    assertEquals(65536, new Readable().readableHighWaterMark());
    assertEquals(65536, new Writable().writableHighWaterMark());
    Duplex d = new Duplex();
    assertEquals(
        List.of(65536, 65536), List.of(d.readableHighWaterMark(), d.writableHighWaterMark()));
    assertEquals(65536, StreamOptions.DEFAULT_HIGH_WATER_MARK);
  }

  @Test
  void aWriteReportedDoneIsDeliveredEvenIfDestroyFollows() {
    // Node 24: server write cb ok, server close false; client data "late", client end, client
    // close false.
    List<String> server = new CopyOnWriteArrayList<>();
    List<String> client = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Server s =
              Net.createServer(
                  p -> {
                    p.write("late", e -> server.add("write cb " + (e == null ? "ok" : e.code())));
                    p.destroy();
                    p.on(Socket.CLOSE, h -> server.add("close " + h));
                  });
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(s.address().port(), "127.0.0.1");
                c.on(Socket.DATA, d -> client.add("data " + d.toString()));
                c.on(Socket.END, () -> client.add("end"));
                c.on(Socket.ERROR, e -> client.add("error " + e.code()));
                c.on(
                    Socket.CLOSE,
                    h -> {
                      client.add("close " + h);
                      s.close();
                    });
              });
        });
    run(loop);
    assertEquals(List.of("write cb ok", "close false"), server);
    assertEquals(List.of("data late", "end", "close false"), client);
  }

  @Test
  void writeReturnsFalseOnlyOnceTheKernelBuffersAreFull() {
    // Node 24 on loopback: 59 writes of 64 KiB return true against a paused peer, then one false
    // with writableLength 65536 and writableNeedDrain true; no 'drain' while the peer is paused;
    // 'drain' once it reads.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        io.jnet.internal.transport.Transport.current()
            != io.jnet.internal.transport.Transport.IO_URING,
        "io_uring completes no write within write(): false comes at 64 KiB in flight");
    List<String> log = new CopyOnWriteArrayList<>();
    int chunk = 64 * 1024;
    long[] received = {0};
    int[] trues = {0};
    EventLoop loop = EventLoop.create();
    loop.execute(
        () -> {
          Socket[] peer = new Socket[1];
          Server s =
              Net.createServer(
                  p -> {
                    peer[0] = p;
                    p.pause();
                    p.on(Socket.DATA, d -> received[0] += d.length());
                    p.on(Socket.END, () -> p.end());
                  });
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(s.address().port(), "127.0.0.1");
                boolean[] drained = {false};
                c.on(
                    Socket.CONNECT,
                    () -> {
                      while (c.write(Buffer.alloc(chunk, 1)) && trues[0] < 100_000) trues[0]++;
                      log.add("false " + c.writableLength() + " " + c.writableNeedDrain());
                      loop.setTimeout(
                          () -> {
                            log.add("paused, drained " + drained[0]);
                            peer[0].resume();
                          },
                          100);
                    });
                c.on(
                    Socket.DRAIN,
                    () -> {
                      drained[0] = true;
                      log.add("drain");
                      c.end();
                    });
                c.on(
                    Socket.CLOSE,
                    h -> {
                      log.add("close " + h);
                      s.close();
                    });
              });
        });
    run(loop);
    assertEquals(List.of("false 65536 true", "paused, drained false", "drain", "close false"), log);
    assertTrue(trues[0] > 1, "writes returning true before the first false: " + trues[0]);
    assertEquals((trues[0] + 1L) * chunk, received[0]);
  }

  @Test
  void smallWritesFromAnotherThreadKeepTheirOrderAndEndComesAfterThem() throws Exception {
    // One thread's writes are taken in by the loop in batches; end() from that thread is queued
    // behind them, so every byte arrives, in order, before the FIN.
    int n = 200_000;
    EventLoop loop = EventLoop.create();
    java.util.concurrent.CompletableFuture<Socket> connected =
        new java.util.concurrent.CompletableFuture<>();
    java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    List<String> log = new CopyOnWriteArrayList<>();
    loop.execute(
        () -> {
          Server s =
              Net.createServer(
                  p -> {
                    p.on(Socket.DATA, d -> received.write(d.array(), d.arrayOffset(), d.length()));
                    p.on(Socket.END, () -> log.add("end " + received.size()));
                  });
          s.listen(
              0,
              "127.0.0.1",
              () -> {
                Socket c = Net.connect(s.address().port(), "127.0.0.1");
                c.on(Socket.CONNECT, () -> connected.complete(c));
                c.on(Socket.FINISH, () -> log.add("finish " + c.bytesWritten()));
                c.on(Socket.CLOSE, h -> s.close());
              });
        });
    Socket c = connected.get(10, java.util.concurrent.TimeUnit.SECONDS);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < n; i++) c.write(Buffer.from(new byte[] {(byte) (i % 251)}));
              c.end();
            });
    writer.start();
    writer.join();
    run(loop);
    assertEquals(List.of("finish " + n, "end " + n), log);
    byte[] bytes = received.toByteArray();
    for (int i = 0; i < n; i++) assertEquals((byte) (i % 251), bytes[i], "byte " + i);
  }
}
