package io.jnet.net.nodetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code test/parallel/test-net-autoselectfamily-attempt-timeout-default-value.js}. Node's
 * {@code test/common} sets the default to ten times Node's own first, so the file's 2500 is 250
 * here (Node 24 prints 250 for {@code net.getDefaultAutoSelectFamilyAttemptTimeout()}).
 */
@NodeFile("test-net-autoselectfamily-attempt-timeout-default-value.js")
class NetAutoselectfamilyAttemptTimeoutDefaultValueTest extends NodeTestCase {
  @Test
  void theDefaultAttemptTimeoutIs250() {
    assertEquals(250, Net.getDefaultAutoSelectFamilyAttemptTimeout());
  }
}
