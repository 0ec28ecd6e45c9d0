package io.jnet.internal.net;

import io.jnet.internal.transport.Transport;

class PipeHandleNioTest extends PipeHandleTest {
  @Override
  Transport transport() {
    return Transport.NIO;
  }
}
