package io.jnet.internal.net;

import java.nio.ByteBuffer;

/**
 * A {@link StreamListener} that takes each read straight out of the transport's buffer, with no
 * array made for it: the path of Node's {@code onread} option, whose reads land in one reused
 * buffer.
 *
 * <p>A handle calls {@link #onRead(ByteBuffer)} for a read it can deliver at once (reading is
 * started and nothing is parked); a read it has to park until reading starts again is copied and
 * comes to {@link #onRead(byte[])}, in order with the others.
 */
public interface DirectReadListener extends StreamListener {
  /**
   * Bytes arrived: {@code src}'s remaining bytes, valid during this call only; the callee copies
   * what it keeps and need not consume them all.
   */
  void onRead(ByteBuffer src);
}
