package io.jnet.internal.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.internal.transport.Transport;
import org.junit.jupiter.api.BeforeAll;

class TcpHandleIoUringTest extends TcpHandleTest {
  @BeforeAll
  static void ioUringRuns() {
    String refusal = Transport.IO_URING.refusal();
    assumeTrue(refusal == null, "io_uring: " + refusal);
  }

  @Override
  Transport transport() {
    return Transport.IO_URING;
  }
}
