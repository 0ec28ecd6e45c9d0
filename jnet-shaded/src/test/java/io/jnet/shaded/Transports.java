package io.jnet.shaded;

import io.jnet.net.Socket;

/** Which transport jnet runs on, as the tests print it. */
final class Transports {
  private Transports() {}

  static String of(Socket socket) throws ReflectiveOperationException {
    Class<?> t = Class.forName("io.jnet.internal.transport.Transport");
    return String.valueOf(t.getMethod("current").invoke(null)).toLowerCase(java.util.Locale.ROOT);
  }
}
