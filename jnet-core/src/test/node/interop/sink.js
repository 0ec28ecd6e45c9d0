'use strict';
// node sink.js ADDR: accepts one connection on ADDR (see prng.js), reads and counts everything
// until the peer ends, checks it against flood.js's content (the first 65536 bytes of the stream
// of seed 3, repeated), then ends its side. stdout: 'listening PORT|PATH' first, then one JSON
// line { received, mismatchAt, errors, ok } once the connection has closed.
const net = require('net');
const { Prng, parseAddr, FLOOD_SEED } = require('./prng');

const addr = parseAddr(process.argv[2]);
const block = new Prng(FLOOD_SEED).fill(Buffer.allocUnsafe(65536));
const result = { received: 0, mismatchAt: null, errors: [], ok: false };

const server = net.createServer((socket) => {
  server.close();
  socket.on('data', (buf) => {
    for (let pos = 0; pos < buf.length && result.mismatchAt === null; ) {
      const off = (result.received + pos) % block.length;
      const n = Math.min(block.length - off, buf.length - pos);
      if (buf.compare(block, off, off + n, pos, pos + n) !== 0) {
        let i = 0;
        while (buf[pos + i] === block[off + i]) i++;
        result.mismatchAt = result.received + pos + i;
      }
      pos += n;
    }
    result.received += buf.length;
  });
  socket.on('error', (e) => result.errors.push(e.code || e.message));
  socket.on('close', () => {
    result.ok = result.errors.length === 0 && result.mismatchAt === null;
    console.log(JSON.stringify(result));
    process.exitCode = result.ok ? 0 : 1;
  });
});
server.listen(addr.path !== undefined ? { path: addr.path } : { port: addr.port, host: addr.host }, () => {
  console.log('listening ' + (addr.path !== undefined ? addr.path : server.address().port));
});
