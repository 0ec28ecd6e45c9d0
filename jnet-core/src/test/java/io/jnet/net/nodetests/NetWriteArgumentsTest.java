package io.jnet.net.nodetests;

import io.jnet.buffer.Buffer;
import io.jnet.net.Socket;
import io.jnet.net.SocketOptions;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-write-arguments.js}. */
@NodeFile(
    value = "test-net-write-arguments.js",
    notPorted =
        "write(true|false|undefined|1|Infinity|[]|{}) throws ERR_INVALID_ARG_TYPE: Java's types"
            + " take only a String, Buffer or bytes")
class NetWriteArgumentsTest extends NodeTestCase {
  @Test
  void writeOfNullThrowsNullValues() throws Exception {
    node(
        () -> {
          Socket socket = new Socket(SocketOptions.defaults().highWaterMark(0));
          socket.on(Socket.ERROR, mustNotCallArg());
          assertThrowsNode(
              "ERR_STREAM_NULL_VALUES",
              "TypeError",
              "May not write null values to stream",
              () -> socket.write((Buffer) null));
          assertThrowsNode(
              "ERR_STREAM_NULL_VALUES",
              "TypeError",
              "May not write null values to stream",
              () -> socket.write((String) null));
        });
  }
}
