package io.jnet.shaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnet.net.Net;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose class path holds Netty 4.1 (as projects next to gRPC or older Spring stacks do):
 * the shaded jar runs beside it on epoll, the plain jar refuses it at first use with a message
 * naming the Netty 4.2 requirement.
 */
class ShadedNextToNetty41Test {
  private static final String NETTY_41 = System.getProperty("jnet.netty41Version", "4.1.");

  private static List<Path> classPath(Path jnetJar) throws Exception {
    List<Path> cp = new ArrayList<>();
    cp.add(jnetJar);
    cp.addAll(ChildJvm.jars(ChildJvm.property("jnet.netty41Dir")));
    cp.add(ChildJvm.property("jnet.testClasses"));
    return cp;
  }

  private static boolean linuxEpollPlatform() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
        && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
  }

  @Test
  void shadedJarHoldsNoIoNettyAndItsNativeLibraryMatchesTheRelocation() throws Exception {
    try (JarFile jar = new JarFile(ChildJvm.property("jnet.shadedJar").toFile())) {
      assertNull(jar.getEntry("io/netty/"), "io/netty/ left unrelocated");
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("io/netty/")));
      assertNotNull(jar.getEntry("io/jnet/internal/shaded/io/netty/channel/epoll/Native.class"));
      for (String arch : List.of("x86_64", "aarch_64")) {
        String lib =
            "META-INF/native/libio_jnet_internal_shaded_netty_transport_native_epoll_"
                + arch
                + ".so";
        assertNotNull(jar.getEntry(lib), lib);
        String uring =
            "META-INF/native/libio_jnet_internal_shaded_netty_transport_native_io_uring42_"
                + arch
                + ".so";
        assertNotNull(jar.getEntry(uring), uring);
      }
      assertNotNull(jar.getEntry("META-INF/LICENSE"));
      assertNotNull(jar.getEntry("META-INF/NOTICE"));
      assertNull(jar.getEntry("module-info.class"));
    }
  }

  @Test
  void shadedJarEchoesOnEpollNextToNetty41() throws Exception {
    assumeTrue(linuxEpollPlatform(), "epoll needs Linux on x86_64 or aarch64");
    ChildJvm.Result r =
        ChildJvm.run(
            classPath(ChildJvm.property("jnet.shadedJar")), List.of(), EchoMain.class.getName());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("netty " + NETTY_41), r::toString);
    assertTrue(r.out().contains("netty epoll true"), r::toString); // Netty 4.1's own epoll loads
    assertTrue(r.out().contains("echo hello\n"), r::toString);
    assertTrue(r.out().contains("transport epoll\n"), r::toString); // and so does jnet's
  }

  @Test
  void shadedJarEchoesOnIoUringNextToNetty41() throws Exception {
    assumeTrue(linuxEpollPlatform(), "io_uring needs Linux on x86_64 or aarch64");
    ChildJvm.Result r =
        ChildJvm.run(
            classPath(ChildJvm.property("jnet.shadedJar")),
            List.of("-Djnet.transport=io_uring"),
            EchoMain.class.getName());
    assertEquals(0, r.exit(), r::toString);
    assumeTrue(
        !r.out().contains("transport nio\n"), () -> "io_uring refused here: " + r.err().strip());
    assertTrue(r.out().contains("echo hello\n"), r::toString);
    assertTrue(r.out().contains("transport io_uring\n"), r::toString);
  }

  @Test
  void plainJarFailsFastNamingNetty42() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(
            classPath(ChildJvm.locationOf(Net.class)), List.of(), EchoMain.class.getName());
    assertNotEquals(0, r.exit(), r::toString);
    assertNotEquals(-1, r.exit(), r::toString); // failed, did not hang
    assertTrue(r.err().contains("jnet needs Netty 4.2"), r::toString);
    assertTrue(r.err().contains("io.jnet:jnet-shaded"), r::toString);
  }
}
