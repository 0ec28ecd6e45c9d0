package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-socket-connect-invalid-autoselectfamilyattempttimeout.js}.
 */
@NodeFile("test-net-socket-connect-invalid-autoselectfamilyattempttimeout.js")
class NetSocketConnectInvalidAutoselectfamilyattempttimeoutTest extends NodeTestCase {
  private final int saved = Net.getDefaultAutoSelectFamilyAttemptTimeout();

  @AfterEach
  void restore() {
    Net.setDefaultAutoSelectFamilyAttemptTimeout(saved);
  }

  @Differs(
      "Node 24's connect({port, autoSelectFamily: true, autoSelectFamilyAttemptTimeout: -10 or 0}) throws ERR_OUT_OF_RANGE ('It must be >= 1 && <= 2147483647. Received -10'); jnet's connect throws nothing.")
  @Tag("pending")
  @Test
  void aConnectWithAnAttemptTimeoutBelowOneIsOutOfRange() throws Exception {
    node(
        () -> {
          for (int timeout : new int[] {-10, 0}) {
            assertThrowsNode(
                "ERR_OUT_OF_RANGE",
                null,
                null,
                () ->
                    Net.connect(
                            ConnectOptions.port(8080)
                                .autoSelectFamily(true)
                                .autoSelectFamilyAttemptTimeout(timeout))
                        .destroy());
          }
        });
  }

  @Test
  void aDefaultAttemptTimeoutBelowOneIsOutOfRange() {
    for (int timeout : new int[] {-10, 0}) {
      assertThrowsNode(
          "ERR_OUT_OF_RANGE",
          null,
          null,
          () -> Net.setDefaultAutoSelectFamilyAttemptTimeout(timeout));
    }
  }

  @Test
  void aDefaultAttemptTimeoutBelowTenBecomesTen() {
    for (int timeout : new int[] {1, 9}) {
      Net.setDefaultAutoSelectFamilyAttemptTimeout(timeout);
      assertEquals(10, Net.getDefaultAutoSelectFamilyAttemptTimeout());
    }
  }
}
