package io.jnet.stream;

/** The writable contract over a sink that completes writes a loop turn later, one by one. */
class ImmediateSinkTest extends WritableContractTest {
  @Override
  void complete(Callback cb) {
    Loops.loop().setImmediate(cb::done);
  }
}
