package io.jnet.internal.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.transport.Transport;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.BeforeAll;

class PipeHandleEpollTest extends PipeHandleTest {
  @BeforeAll
  static void epollLoads() {
    assumeTrue(Epoll.isAvailable(), "epoll native library");
  }

  @Override
  Transport transport() {
    return Transport.EPOLL;
  }
}
