package io.jnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnet.net.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** Runs each example against plain JDK clients. */
class ExamplesTest {
  @TempDir Path dir;

  /** A blocking line client over a JDK socket; reads give up after 30 s rather than hang. */
  private static final class Client implements AutoCloseable {
    final BufferedReader in;
    final OutputStream out;
    final AutoCloseable socket;

    Client(int port) throws IOException {
      Socket s = new Socket("127.0.0.1", port);
      s.setSoTimeout(30_000);
      socket = s;
      in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      out = s.getOutputStream();
    }

    Client(Path unix) throws IOException {
      SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(unix));
      socket = ch;
      in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), UTF8()));
      out = Channels.newOutputStream(ch);
    }

    private static java.nio.charset.Charset UTF8() {
      return StandardCharsets.UTF_8;
    }

    String ask(String line) throws IOException {
      send(line);
      return in.readLine();
    }

    void send(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  @Test
  void chatServerBroadcastsEachLineToTheOthers() throws Exception {
    Server server = ChatServer.start(0);
    int port = server.address().port();
    try (Client alice = new Client(port)) {
      try (Client bob = new Client(port)) {
        String joined = alice.in.readLine();
        assertTrue(joined.endsWith(" joined"), joined);
        String bobName = joined.substring(0, joined.length() - " joined".length());
        bob.send("hello everyone");
        assertEquals(bobName + ": hello everyone", alice.in.readLine());
      }
      assertEquals(" left", alice.in.readLine().replaceFirst("^\\S+", " ").substring(1));
    }
    server.closeAsync().get(30, TimeUnit.SECONDS);
  }

  @Test
  void requestReplyClientCompletesEachFutureWithItsReply() throws Exception {
    Server server = RequestReplyClient.upperCaseServer();
    try (RequestReplyClient client =
        RequestReplyClient.connect("127.0.0.1", server.address().port())
            .get(30, TimeUnit.SECONDS)) {
      List<CompletableFuture<String>> replies =
          List.of(client.request("one"), client.request("two"), client.request("three"));
      CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0]))
          .get(30, TimeUnit.SECONDS);
      assertEquals("ONE TWO THREE", String.join(" ", replies.stream().map(f -> f.join()).toList()));
    }
    server.closeAsync().get(30, TimeUnit.SECONDS);
    RequestReplyClient.main(new String[0]); // the demo as run from the command line
  }

  @Test
  void blockingClientsTalkThroughTheStreamsViews(TestReporter reporter) throws Exception {
    if (Runtime.version().feature() < 21) {
      String notice =
          "JDK " + Runtime.version().feature() + ": BlockingClients ran on platform threads";
      System.out.println("NOTICE: " + notice + " (virtual threads need JDK 21)");
      reporter.publishEntry("notice", notice);
    }
    List<String> replies = BlockingClients.run(200);
    assertEquals(200, replies.size());
    for (int i = 0; i < replies.size(); i++) assertEquals("client " + i, replies.get(i));
  }

  @Test
  void unixServiceSetsAndGetsAndRemovesItsSocketFile() throws Exception {
    Path path = dir.resolve("kv.sock");
    Server server = UnixService.start(path.toString());
    try (Client c = new Client(path)) {
      assertEquals("NOT_FOUND", c.ask("GET colour"));
      assertEquals("OK", c.ask("SET colour dark blue"));
      assertEquals("dark blue", c.ask("GET colour"));
      assertTrue(c.ask("HELLO").startsWith("ERROR"));
    }
    server.closeAsync().get(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(path));
  }

  @Test
  void tcpToUnixRelayCarriesBothWaysAndEndsBothSides() throws Exception {
    Path path = dir.resolve("app.sock");
    Server service = UnixService.start(path.toString());
    Server relay = TcpToUnixRelay.start(0, path.toString());
    try (Client c = new Client(relay.address().port())) {
      assertEquals("OK", c.ask("SET via relay"));
      assertEquals("relay", c.ask("GET via"));
    }
    relay.closeAsync().get(30, TimeUnit.SECONDS); // waits for the relayed connection to close
    service.closeAsync().get(30, TimeUnit.SECONDS);
  }
}
