package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code 'close'} argument is never null: false where Node passes nothing (Node 24, for a
 * socket destroyed before it had a handle, with or without an error, emits {@code 'close'} with no
 * argument).
 */
class CloseArgumentTest {
  @Test
  void aSocketThatNeverHadAHandleClosesWithFalse() throws Exception {
    List<Object> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Socket s = new Socket();
    s.on(
        Socket.CLOSE,
        (Boolean hadError) -> {
          seen.add(hadError);
          closed.complete(null);
        });
    s.destroy();
    closed.get(10, TimeUnit.SECONDS);
    assertEquals(List.of(false), seen);
  }

  @Test
  void aSocketDestroyedWithAnErrorBeforeItHadAHandleClosesWithFalseToo() throws Exception {
    List<Object> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Socket s = new Socket();
    s.on(Socket.ERROR, e -> seen.add(e.getMessage()));
    s.on(
        Socket.CLOSE,
        (Boolean hadError) -> {
          seen.add(hadError);
          closed.complete(null);
        });
    s.destroy(new io.jnet.error.JnetException("EBOOM", "boom"));
    closed.get(10, TimeUnit.SECONDS);
    // Node 24 passes nothing here either: "error boom", then "close" with no argument.
    assertEquals(List.of("boom", false), seen);
  }
}
