/**
 * Node 24's {@code stream} for bytes: {@link io.jnet.stream.Readable}, {@link
 * io.jnet.stream.Writable}, {@link io.jnet.stream.Duplex}, {@link io.jnet.stream.Transform}, {@link
 * io.jnet.stream.PassThrough}, and {@link io.jnet.stream.Streams#pipeline pipeline} and {@link
 * io.jnet.stream.Streams#finished finished}.
 *
 * <h2>Layering</h2>
 *
 * <p>As in Node, the public classes are thin; the state machines are package-private ({@code
 * ReadableState}, {@code WritableState}, {@code Stream}'s destroy, {@code Pipe}, {@code
 * EndOfStream}, {@code PipelineRun}), each a port of its file in {@code lib/internal/streams/},
 * with one flags word per side. Which events are emitted synchronously and which on the next tick
 * is Node's, tested against orderings recorded from Node 24.
 *
 * <h2>Implementing a stream</h2>
 *
 * <p>Subclass and override the protected hooks, Node's underscore methods: {@link
 * io.jnet.stream.Readable#_read}, {@link io.jnet.stream.Writable#_write}, {@link
 * io.jnet.stream.Writable#_writev}, {@link io.jnet.stream.Writable#_final}, {@link
 * io.jnet.stream.Stream#_destroy}, {@link io.jnet.stream.Stream#_construct}, {@link
 * io.jnet.stream.Transform#_transform}, {@link io.jnet.stream.Transform#_flush}; or pass the same
 * hooks as lambdas in {@link io.jnet.stream.StreamOptions}. Each hook gets a {@link
 * io.jnet.stream.Callback} to call once, from any thread. Hooks run on the stream's loop.
 *
 * <h2>Framing</h2>
 *
 * <p>Beside Node's API, three Transforms cut a byte stream into messages, as every protocol needs:
 * {@link io.jnet.stream.DelimiterSplitter} (and its {@code lines}), {@link
 * io.jnet.stream.LengthPrefixSplitter} and its writer, {@link io.jnet.stream.LengthPrefixEncoder}.
 * Each frame is one chunk; bytes may arrive cut anywhere.
 *
 * <h2>Threads</h2>
 *
 * <p>Each stream belongs to one loop and emits only there; every public method may be called from
 * any thread (it is handed to the loop), and state readers are safe anywhere. Unlike Node there is
 * no object mode, and strings travel as Buffers once written.
 */
package io.jnet.stream;
