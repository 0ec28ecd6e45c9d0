/** jnet: Node's {@code net} module for the JVM. Exports the API packages only. */
module io.jnet {
  requires io.netty.common;
  requires io.netty.buffer;
  requires io.netty.transport;
  requires io.netty.transport.unix.common;
  requires io.netty.transport.classes.epoll;
  requires static io.netty.transport.classes.io_uring; // only when -Djnet.transport=io_uring
  requires jdk.net;

  exports io.jnet.buffer;
  exports io.jnet.error;
  exports io.jnet.events;
  exports io.jnet.loop;
  exports io.jnet.net;
  exports io.jnet.stream;
}
