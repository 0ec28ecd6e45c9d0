package io.jnet.stream.trace;

import io.jnet.testing.TraceSuite;

/**
 * The stream suite: every scenario of {@code stream.js}, run in jnet and compared with the trace
 * Node recorded. The twins live in one class per theme, each a {@code register} method.
 */
class StreamTraceTest extends TraceSuite {
  @Override
  protected String suite() {
    return "stream";
  }

  @Override
  protected void scenarios(Scenarios s) {
    ReadableTwins.register(s);
    EncodingTwins.register(s);
    WritableTwins.register(s);
    DuplexTwins.register(s);
    DestroyTwins.register(s);
    TransformTwins.register(s);
    PipeTwins.register(s);
    EdgeTwins.register(s);
    PipelineTwins.register(s);
  }
}
