package io.jnet.net.nodetests;

/**
 * Node's {@code test/parallel/test-net-connect-buffer.js}: the same facts as {@code
 * test-net-connect-buffer2.js} (Node keeps both files), so the same test.
 */
@NodeFile("test-net-connect-buffer.js")
class NetConnectBufferTest extends NetConnectBuffer2Test {}
