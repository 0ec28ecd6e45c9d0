package io.jnet.net.nodetests;

import io.jnet.net.ConnectOptions;
import io.jnet.net.Net;
import org.junit.jupiter.api.Test;

/** Node's {@code test/parallel/test-net-options-lookup.js}. */
@NodeFile(
    value = "test-net-options-lookup.js",
    notPorted = {
      "lookup given as 'foobar', 1, {} or []: Java's types take only a Lookup",
      "a lookup answering family 100 (ERR_INVALID_ADDRESS_FAMILY): jnet's Lookup answers"
          + " addresses only, their family is read from them"
    })
class NetOptionsLookupTest extends NodeTestCase {
  @Test
  void aLookupThatNeverAnswersIsAccepted() throws Exception {
    node(
        () ->
            Net.connect(
                ConnectOptions.port(0).host("localhost").lookup((host, family, done) -> {})));
  }
}
