package io.jnet.internal.transport;

/**
 * Refuses a class path whose Netty is older than 4.2, at the first loop jnet starts, with a message
 * that says what to do; without it, Netty 4.1 fails later with a bare {@code NoClassDefFoundError:
 * io/netty/channel/IoHandlerFactory}.
 *
 * <p>Touches no class that Netty 4.1 lacks, so that it can run before any that it does.
 */
public final class NettyCheck {
  private static final String NETTY_42_CLASS = "io.netty.channel.IoHandlerFactory";

  /** A class of each Netty jar jnet cannot run without, and the jar's coordinates. */
  private static final String[][] REQUIRED = {
    {"io.netty.buffer.ByteBuf", "io.netty:netty-buffer"},
    {"io.netty.resolver.AddressResolverGroup", "io.netty:netty-resolver"},
    {
      "io.netty.channel.unix.IntegerUnixChannelOption",
      "io.netty:netty-transport-native-unix-common"
    },
  };

  private static volatile boolean passed;

  private NettyCheck() {}

  /** Throws an {@link IllegalStateException} naming the Netty 4.2 requirement if it is not met. */
  public static void require() {
    if (passed) return;
    ClassLoader loader = NettyCheck.class.getClassLoader();
    try {
      Class.forName(NETTY_42_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "jnet needs Netty 4.2 (io.netty:netty-transport 4.2.x), but the class path holds "
              + found(loader)
              + ": upgrade Netty to 4.2, or use io.jnet:jnet-shaded, which carries its own"
              + " relocated Netty and runs next to any other",
          e);
    }
    // The Unix jar serves NIO too (socket options, Unix addresses): without it a listen would die
    // on the loop thread and its caller would wait for ever.
    for (String[] needed : REQUIRED) {
      try {
        Class.forName(needed[0], false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException(
            "jnet needs "
                + needed[1]
                + " (Netty 4.2) on the class path: "
                + needed[0]
                + " is missing",
            e);
      }
    }
    passed = true;
  }

  /** The Netty version on the class path and the jar it comes from, as well as they can be told. */
  private static String found(ClassLoader loader) {
    String version = "of an unknown version";
    String where = "";
    try {
      Class<?> channel = Class.forName("io.netty.channel.Channel", false, loader);
      Package p = channel.getPackage();
      if (p != null && p.getImplementationVersion() != null) {
        version = p.getImplementationVersion();
      }
      java.security.CodeSource source = channel.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) where = " (" + source.getLocation() + ")";
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return "no Netty transport (io.netty:netty-transport is missing)";
    }
    return "Netty " + version + where;
  }
}
