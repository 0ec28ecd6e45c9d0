package io.jnet.stream;

/** The writable contract over a sink that completes writes on the next tick, in batches. */
class TickSinkTest extends WritableContractTest {
  @Override
  void complete(Callback cb) {
    Loops.loop().nextTick(cb::done);
  }

  @Override
  boolean batching() {
    return true;
  }
}
