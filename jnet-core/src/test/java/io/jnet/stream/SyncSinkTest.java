package io.jnet.stream;

/** The writable contract over a sink that completes every write synchronously. */
class SyncSinkTest extends WritableContractTest {
  @Override
  void complete(Callback cb) {
    cb.done();
  }

  @Override
  boolean synchronous() {
    return true;
  }
}
