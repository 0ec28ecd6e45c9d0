package io.jnet.net.interop;

/**
 * The deterministic byte stream of the interop programs: a Java port of {@code
 * jnet-core/src/test/node/interop/prng.js}, byte for byte.
 *
 * <p>A 32-bit xorshift: the state starts at the seed (never 0), and each byte of the stream is the
 * low byte of the state after one round ({@code s ^= s << 13; s ^= s >>> 17; s ^= s << 5}). The
 * client sends the stream of {@link #CLIENT_SEED}, the server that of {@link #SERVER_SEED}; {@code
 * flood.js} repeats the first 65536 bytes of {@link #FLOOD_SEED}.
 *
 * <p>Not thread-safe: one generator per direction, touched by one thread at a time.
 */
public final class Prng {
  /** The seed of the stream a client sends. */
  public static final int CLIENT_SEED = 1;

  /** The seed of the stream a server sends. */
  public static final int SERVER_SEED = 2;

  /** The seed of {@code flood.js}'s repeated block. */
  public static final int FLOOD_SEED = 3;

  /** The length of {@code flood.js}'s repeated block. */
  public static final int FLOOD_BLOCK = 65536;

  private int s;

  /** A generator at the start of the stream of {@code seed}. */
  public Prng(int seed) {
    if (seed == 0) throw new IllegalArgumentException("seed == 0");
    this.s = seed;
  }

  /** Overwrites {@code b[off..off+len)} with the next {@code len} bytes of the stream. */
  public void fill(byte[] b, int off, int len) {
    int x = s;
    for (int i = off, end = off + len; i < end; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      b[i] = (byte) x;
    }
    s = x;
  }

  /** The next {@code len} bytes of the stream, in a new array. */
  public byte[] next(int len) {
    byte[] b = new byte[len];
    fill(b, 0, len);
    return b;
  }

  /**
   * The index (from {@code off}) of the first byte of {@code b[off..off+len)} that differs from the
   * stream, or -1; the stream advances by {@code len} either way, as {@code prng.js}'s {@code
   * check} does.
   */
  public int check(byte[] b, int off, int len) {
    int x = s;
    int bad = -1;
    for (int i = 0; i < len; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      if (bad < 0 && b[off + i] != (byte) x) bad = i;
    }
    s = x;
    return bad;
  }

  /** {@code flood.js}'s block: the first {@value #FLOOD_BLOCK} bytes of the stream of seed 3. */
  public static byte[] floodBlock() {
    return new Prng(FLOOD_SEED).next(FLOOD_BLOCK);
  }
}
