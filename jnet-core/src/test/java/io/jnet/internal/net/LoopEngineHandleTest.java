package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.error.JnetException;
import io.jnet.internal.loop.LoopEngine;
import io.jnet.loop.EventLoop;
import io.netty.channel.IoEventLoop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The handles on jnet's own loop: upcalls are Node callbacks, each followed by its nextTicks. */
class LoopEngineHandleTest {
  @Test
  void eachUpcallDrainsItsNextTicksBeforeTheNext() {
    EventLoop loop = EventLoop.create();
    LoopEngine engine = LoopEngine.of(loop);
    IoEventLoop netty = (IoEventLoop) engine.netty();
    Invoker invoker = engine::callback;
    List<String> log = new ArrayList<>(); // loop thread only until done completes
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    CompletableFuture<ServerHandle> listening = new CompletableFuture<>();
    List<StreamHandle> open = new ArrayList<>();
    StreamListener reader =
        new StreamListener() {
          @Override
          public void onRead(byte[] chunk) {
            log.add("read " + new String(chunk, StandardCharsets.UTF_8));
            loop.nextTick(() -> log.add("tick after read"));
          }

          @Override
          public void onEof() {
            log.add("eof");
            loop.nextTick(() -> done.complete(List.copyOf(log)));
          }

          @Override
          public void onError(JnetException error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onClose() {}
        };
    ServerListener acceptor =
        new ServerListener() {
          @Override
          public void onConnection(StreamHandle h) {
            open.add(h);
            h.setListener(reader);
            h.readStart();
          }

          @Override
          public void onError(JnetException error) {
            done.completeExceptionally(error);
          }
        };
    netty.execute(
        () ->
            Handles.listenTcp(
                netty,
                invoker,
                "127.0.0.1",
                0,
                0,
                false,
                acceptor,
                (server, e) -> {
                  if (e != null) listening.completeExceptionally(e);
                  else listening.complete(server);
                }));
    ServerHandle server = await(listening);
    netty.execute(
        () ->
            Handles.connectTcp(
                netty,
                invoker,
                "127.0.0.1",
                server.address().port(),
                null,
                0,
                (client, e) -> {
                  if (e != null) {
                    done.completeExceptionally(e);
                    return;
                  }
                  open.add(client);
                  byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
                  client.write(ping, 0, ping.length, err -> {});
                  client.shutdown(err -> {});
                }));
    try {
      assertEquals(List.of("read ping", "tick after read", "eof"), await(done));
    } finally {
      CompletableFuture<Void> closed = new CompletableFuture<>();
      netty.execute(
          () -> {
            for (StreamHandle h : open) h.close(e -> {});
            server.close(e -> closed.complete(null));
          });
      await(closed);
      engine.shutdown();
    }
  }
}
