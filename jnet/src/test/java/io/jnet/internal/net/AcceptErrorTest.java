package io.jnet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.error.JnetException;
import io.jnet.internal.transport.Transport;
import io.netty.channel.epoll.Epoll;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full descriptor table: the server reports {@code accept EMFILE} and keeps serving once
 * descriptors are free again. The test fills this JVM's table for a moment, so everything it needs
 * while full is made (and its classes loaded) before.
 */
class AcceptErrorTest {
  @ParameterizedTest
  @EnumSource(Transport.class)
  void emfileIsReportedAndTheServerKeepsAccepting(Transport transport) throws Exception {
    assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable(), "epoll native library");
    try (LoopFixture f = new LoopFixture(transport)) {
      LoopFixture.Server s = f.listenTcp("127.0.0.1", 0);
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", s.port());
      JnetException warm = UvError.stream(new IOException("Too many open files"), "accept");
      assertEquals("accept EMFILE", warm.getMessage());
      List<Closeable> filler = new ArrayList<>();
      JnetException error;
      try (SocketChannel client = SocketChannel.open()) {
        try {
          fillDescriptorTable(filler);
          client.connect(address);
          error = s.errors.poll(LoopFixture.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
          for (Closeable c : filler) c.close();
        }
        assertNotNull(error, "no accept error reported");
        assertEquals("EMFILE", error.code());
        assertEquals("accept EMFILE", error.getMessage());
        assertEquals(-24, error.errno());
        StreamHandle accepted = s.accept();
        assertFalse(accepted.isClosed());
      }
    }
  }

  private static void fillDescriptorTable(List<Closeable> filler) {
    Path devNull = Path.of("/dev/null");
    for (int i = 0; i < 1_000_000; i++) {
      try {
        filler.add(FileChannel.open(devNull));
      } catch (IOException e) {
        return;
      }
    }
    throw new AssertionError("the descriptor table never filled");
  }
}
