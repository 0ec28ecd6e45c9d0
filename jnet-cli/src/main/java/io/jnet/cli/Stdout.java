package io.jnet.cli;

import io.jnet.buffer.Buffer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's stdout as raw bytes, written on the calling thread (the socket's loop).
 *
 * <p>The write blocks while the pipe is full, and while it blocks the loop reads no more from the
 * socket: the kernel's buffers fill and TCP holds the peer back. That is the backpressure from the
 * socket to stdout, with nothing queued in the JVM. Unbuffered, so each chunk is out before the
 * next is read and nothing waits for a flush at exit.
 */
final class Stdout {
  private final OutputStream out = new FileOutputStream(FileDescriptor.out);
  private volatile boolean broken;

  /** Writes {@code chunk}; false once stdout is closed (EPIPE: the JVM ignores SIGPIPE). */
  boolean write(Buffer chunk) {
    if (broken) return false;
    try {
      out.write(chunk.array(), chunk.arrayOffset(), chunk.length());
      return true;
    } catch (IOException e) {
      broken = true;
      return false;
    }
  }
}
