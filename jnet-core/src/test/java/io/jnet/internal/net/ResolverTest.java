package io.jnet.internal.net;

import static io.jnet.internal.net.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.jnet.testing.NodeJs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolverTest {
  LoopFixture f;

  @BeforeEach
  void openLoop() {
    f = new LoopFixture(Transport.NIO);
  }

  @AfterEach
  void closeLoop() {
    f.close();
  }

  /** The outcome as lookup.js prints it, without the leading name and family. */
  private String lookup(String name, int family) {
    return lookup(name, family, 0);
  }

  private String lookup(String name, int family, int hints) {
    CompletableFuture<String> done = new CompletableFuture<>();
    Resolver.lookup(
        f.loop,
        r -> {
          assertTrue(f.loop.inEventLoop(), "called back on the loop");
          r.run();
        },
        name,
        family,
        hints,
        (addresses, e) -> {
          if (e != null) {
            done.complete(String.join("\t", "error", e.code(), "" + e.errno(), e.getMessage()));
          } else {
            done.complete(
                "ok\t"
                    + addresses.stream()
                        .map(a -> a.address() + "/" + a.family())
                        .collect(Collectors.joining(",")));
          }
        });
    return await(done);
  }

  @Test
  void literalsNeedNoLookup() {
    assertEquals("ok\t127.0.0.1/4", lookup("127.0.0.1", 0));
    assertEquals("ok\t::1/6", lookup("::1", 0));
    assertEquals("ok\t127.0.0.1/4", lookup("127.0.0.1", 6));
  }

  @Test
  void emptyNameYieldsNoAddress() {
    assertEquals("ok\t", lookup("", 0));
  }

  @Test
  void unknownNameIsEnotfound() {
    assertEquals(
        "error\tENOTFOUND\t-3008\tgetaddrinfo ENOTFOUND nosuch.invalid",
        lookup("nosuch.invalid", 0));
  }

  @Test
  void badFamilyIsRejectedAtTheCall() {
    JnetException e =
        assertThrows(
            JnetException.class,
            () -> Resolver.lookup(f.loop, Runnable::run, "localhost", 5, (a, err) -> {}));
    assertEquals("ERR_INVALID_ARG_VALUE", e.code());
  }

  /**
   * Node and jnet on this machine agree for localhost in every family. Where the OS resolver gives
   * IPv6 first, the JDK's default order (IPv4 first) differs: run with
   * -Djava.net.preferIPv6Addresses=system to keep the resolver's order as Node does.
   */
  @Test
  void localhostAgreesWithNode() {
    NodeJs.assumeAvailable();
    List<String> names =
        List.of(
            "localhost:0",
            "localhost:4",
            "localhost:6",
            "localhost:6:8",
            "localhost:6:24",
            "localhost:0:8",
            "nosuch.invalid:0");
    String node = NodeJs.run(NodeJs.script("internal-net/lookup.js"), names.toArray(new String[0]));
    List<String> jnet = new ArrayList<>();
    for (String n : names) {
      String[] p = n.split(":");
      int hints = p.length > 2 ? Integer.parseInt(p[2]) : 0;
      jnet.add(p[0] + "\t" + p[1] + "\t" + lookup(p[0], Integer.parseInt(p[1]), hints));
    }
    List<String> expected = node.lines().collect(Collectors.toList());
    if (!System.getProperty("java.net.preferIPv6Addresses", "false").equals("system")) {
      // The JDK puts IPv4 first; compare as sets of addresses when Node's order differs.
      expected = expected.stream().map(ResolverTest::ipv4First).collect(Collectors.toList());
    }
    assertEquals(expected, jnet);
  }

  private static String ipv4First(String line) {
    String[] p = line.split("\t", -1);
    if (!p[2].equals("ok")) return line;
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (String a : p[3].split(",")) (a.endsWith("/4") ? v4 : v6).add(a);
    v4.addAll(v6);
    return p[0] + "\t" + p[1] + "\tok\t" + String.join(",", v4);
  }

  @Test
  void resolvedAddressesAreUsableForConnect() {
    LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
    String answer = lookup("localhost", 4);
    String address = answer.substring(3).split("/")[0];
    StreamHandle h = f.connectTcp(address, s.port());
    assertNull(h.localAddress() == null ? "no local address" : null);
  }

  /**
   * As libuv's getaddrinfo request keeps Node's loop alive, a lookup keeps jnet's loop alive: the
   * program's run returns only once its answer was delivered, though nothing else is open.
   */
  @Test
  void aLookupKeepsItsLoopAliveUntilItsAnswerIsDelivered() {
    List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    io.jnet.loop.EventLoop.run(
        () ->
            NetBridge.lookupAll(
                io.jnet.loop.EventLoop.current(),
                "localhost",
                0,
                (addresses, e) -> answers.add(e == null ? "ok" : e.code())));
    assertEquals(List.of("ok"), answers);
  }

  /** A loop shut down by force takes no answer any more, and the resolver's thread says nothing. */
  @Test
  void anAnswerForATerminatedLoopIsDroppedQuietly() throws Exception {
    io.netty.channel.EventLoopGroup group =
        new io.netty.channel.MultiThreadIoEventLoopGroup(
            1, io.netty.channel.nio.NioIoHandler.newFactory());
    io.netty.channel.EventLoop loop = group.next();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
    assertEquals(false, Resolver.handBack(loop, () -> {}));
  }
}
