package io.jnet.internal.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.transport.Transport;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.BeforeAll;

class PipeHandleIoUringTest extends PipeHandleTest {
  @BeforeAll
  static void ioUringRuns() {
    assumeTrue(IoUring.isAvailable(), "io_uring: " + IoUring.unavailabilityCause());
  }

  @Override
  Transport transport() {
    return Transport.IO_URING;
  }
}
