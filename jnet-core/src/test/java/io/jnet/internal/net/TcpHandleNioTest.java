package io.jnet.internal.net;

import io.jnet.internal.transport.Transport;

class TcpHandleNioTest extends TcpHandleTest {
  @Override
  Transport transport() {
    return Transport.NIO;
  }
}
