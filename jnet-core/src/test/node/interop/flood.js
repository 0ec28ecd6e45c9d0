'use strict';
// node flood.js ADDR BYTES: connects to ADDR (see prng.js) and writes BYTES bytes as fast as
// backpressure allows (write until it returns false, wait for 'drain'), then ends. The bytes are
// the first 65536 bytes of the stream of seed 3 (FLOOD_SEED), repeated; the last block is cut
// short. Whatever the peer sends is read and counted. The socket closes when the peer ends too
// (allowHalfOpen false), so a peer must end once it has read everything.
// stdout: one JSON line at the end only:
//   { written, received, errors, ms, mibPerSecond, ok }   (ok: written === BYTES and no error)
const net = require('net');
const { Prng, parseAddr, FLOOD_SEED } = require('./prng');

const addr = parseAddr(process.argv[2]);
const total = Number(process.argv[3]);
if (!Number.isSafeInteger(total) || total < 0) throw new Error('usage: node flood.js ADDR BYTES');

const block = new Prng(FLOOD_SEED).fill(Buffer.allocUnsafe(65536));
const result = { written: 0, received: 0, errors: [], ms: 0, mibPerSecond: 0, ok: false };
let queued = 0;
let start;

const socket = net.connect(addr);
const pump = () => {
  while (queued < total) {
    const n = Math.min(block.length, total - queued);
    queued += n;
    const more = socket.write(n === block.length ? block : block.subarray(0, n), (err) => {
      if (!err) result.written += n;
    });
    if (!more) return socket.once('drain', pump);
  }
  socket.end();
};
socket.on('connect', () => {
  start = process.hrtime.bigint();
  pump();
});
socket.on('data', (d) => (result.received += d.length));
socket.on('error', (e) => result.errors.push(e.code || e.message));
socket.on('close', () => {
  result.ms = start === undefined ? 0 : Number((process.hrtime.bigint() - start) / 1000000n);
  result.mibPerSecond = result.ms > 0 ? Math.round((result.written / 1048576 / result.ms) * 1000 * 10) / 10 : 0;
  result.ok = result.errors.length === 0 && result.written === total;
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
});
