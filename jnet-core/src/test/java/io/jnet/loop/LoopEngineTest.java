package io.jnet.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.internal.loop.LoopEngine;
import io.jnet.internal.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge the socket layer uses: real Netty I/O on a jnet loop, in Node's phases. */
class LoopEngineTest {
  private final EventLoop loop = EventLoop.create();
  private final LoopEngine engine = LoopEngine.of(loop);
  private final List<String> log = new ArrayList<>(); // loop thread only
  private final CompletableFuture<List<String>> done = new CompletableFuture<>();

  @AfterEach
  void closeLoop() {
    assertTrue(engine.awaitIdle(20_000));
    engine.shutdown();
  }

  @Test
  void ofReturnsTheSameEngine() {
    assertEquals(engine, LoopEngine.of(loop));
  }

  @Test
  void nettyLoopIsTheJnetLoopThread() throws Exception {
    CompletableFuture<Boolean> same = new CompletableFuture<>();
    engine.netty().execute(() -> same.complete(loop.inLoop() && EventLoop.current() == loop));
    assertTrue(same.get(20, TimeUnit.SECONDS));
  }

  @Test
  void socketReadIsAnIoCallbackBeforeImmediatesAndTimers() throws Exception {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(engine.netty())
            .channel(Transport.current().serverSocketChannel())
            .childHandler(
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ReferenceCountUtil.release(msg);
                    engine.callback(() -> onRead(ctx));
                  }
                });
    Channel server = bootstrap.bind("127.0.0.1", 0).sync().channel();
    try (Socket client = new Socket()) {
      client.connect((InetSocketAddress) server.localAddress());
      client.getOutputStream().write(1);
      assertEquals(List.of("read", "tick", "immediate", "timeout"), done.get(20, TimeUnit.SECONDS));
    } finally {
      server.close().sync();
    }
  }

  private void onRead(ChannelHandlerContext ctx) {
    log.add("read");
    loop.setTimeout(
        () -> {
          log.add("timeout");
          done.complete(log);
        },
        0);
    loop.setImmediate(() -> log.add("immediate"));
    loop.nextTick(() -> log.add("tick"));
    ctx.close();
  }

  @Test
  void closePhaseRunsAfterTheImmediates() throws Exception {
    loop.execute(
        () -> {
          engine.closing(
              () -> {
                log.add("close");
                engine.closing(
                    () -> {
                      log.add("next close");
                      done.complete(log);
                    });
                loop.setImmediate(() -> log.add("next immediate"));
              });
          loop.setImmediate(() -> log.add("immediate"));
          loop.nextTick(() -> log.add("tick"));
        });
    assertEquals(
        List.of("tick", "immediate", "close", "next immediate", "next close"),
        done.get(20, TimeUnit.SECONDS));
  }

  @Test
  void immediateQueuedAfterClearingTheLastRunsNextTurn() throws Exception {
    loop.execute(
        () -> {
          Immediate[] last = new Immediate[1];
          loop.setImmediate(
              () -> {
                log.add("immediate1");
                loop.clearImmediate(last[0]);
                engine.closing(() -> log.add("close phase"));
                loop.setImmediate(
                    () -> {
                      log.add("next turn");
                      done.complete(log);
                    });
              });
          loop.setImmediate(() -> log.add("immediate2"));
          last[0] = loop.setImmediate(() -> log.add("cleared"));
        });
    assertEquals(
        List.of("immediate1", "immediate2", "close phase", "next turn"),
        done.get(20, TimeUnit.SECONDS));
  }

  @Test
  void nestedCallbackLeavesTheTicksToTheOuterOne() throws Exception {
    loop.execute(
        () -> {
          engine.callback(
              () -> {
                loop.nextTick(() -> log.add("tick"));
                log.add("inner");
              });
          log.add("outer");
          loop.setImmediate(() -> done.complete(log));
        });
    assertEquals(List.of("inner", "outer", "tick"), done.get(20, TimeUnit.SECONDS));
  }
}
