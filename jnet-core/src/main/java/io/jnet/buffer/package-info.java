/**
 * Node's {@code buffer} and {@code string_decoder}: {@link io.jnet.buffer.Buffer}, {@link
 * io.jnet.buffer.Encoding} and {@link io.jnet.buffer.StringDecoder}.
 *
 * <h2>Why jnet has its own codecs</h2>
 *
 * <p>Java's charsets disagree with Node wherever input is invalid: a lone surrogate becomes {@code
 * '?'} instead of {@code EF BF BD}, malformed UTF-8 is replaced by other rules, and there is no
 * lenient base64 or stop-at-the-first-bad-pair hex. The package-private codecs ({@code Utf8},
 * {@code Base64}, {@code Hex}, {@code Codecs}) do what Node does, and hand well-formed input to the
 * JDK where its answer is provably the same, for speed.
 *
 * <h2>How it is checked</h2>
 *
 * <p>{@code jnet-core/src/test/node/buffer/vectors.js} has Node itself encode, decode, search,
 * fill, read and write thousands of random and edge-case inputs (a fixed-seed PRNG) and commits the
 * answers under {@code jnet-core/src/test/resources/buffer/}; the tests compare jnet with every
 * one, without Node, and a live test reruns the script to prove the answers current.
 */
package io.jnet.buffer;
