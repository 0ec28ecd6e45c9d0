package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import org.junit.jupiter.api.AfterEach;
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

  @Test
  void aConnectWithAnAttemptTimeoutBelowOneIsOutOfRange() throws Exception {
    node(
        () -> {
          for (int timeout : new int[] {-10, 0}) {
            assertThrowsNode(
                "ERR_OUT_OF_RANGE",
                "RangeError",
                "The value of \"options.autoSelectFamilyAttemptTimeout\" is out of range. It must"
                    + " be >= 1 && <= 2147483647. Received "
                    + timeout,
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
