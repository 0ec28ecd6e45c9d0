'use strict';
// The deterministic byte stream of the interop programs, and the ADDR argument they share.
//
// Generator (reproduce it exactly in Java): a 32-bit xorshift. The state s is an unsigned
// 32-bit integer, first set to the seed (never 0). For each byte of the stream:
//   s ^= s << 13;  s ^= s >>> 17;  s ^= s << 5;   (each step modulo 2^32)
//   byte = s & 0xff
// So the first byte is the low byte of the state after one round. In Java, with an int s:
//   s ^= s << 13; s ^= s >>> 17; s ^= s << 5; b = (byte) s;
// Seeds: the client sends the stream of seed 1 (CLIENT_SEED), the server the stream of seed 2
// (SERVER_SEED); flood.js repeats the first 65536 bytes of seed 3 (FLOOD_SEED).
// Check values: seed 1 starts 21 01 c5 4f d1, seed 2 starts 42 02 82 06 1a, seed 3 starts
// 63 03 47 49 cb.
//
// ADDR is 'tcp:PORT' (host 127.0.0.1), 'tcp:HOST:PORT', or 'unix:PATH'; PORT 0 lets a server
// pick one.

const CLIENT_SEED = 1;
const SERVER_SEED = 2;
const FLOOD_SEED = 3;

class Prng {
  constructor(seed) {
    if (!seed) throw new Error('seed must not be 0');
    this.s = seed >>> 0;
  }

  // fill(buf): overwrites buf with the next buf.length bytes of the stream.
  fill(buf) {
    let s = this.s;
    for (let i = 0; i < buf.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      buf[i] = s & 0xff;
    }
    this.s = s >>> 0;
    return buf;
  }

  // check(buf): the index of the first byte of buf that differs from the stream, or -1; the
  // stream advances by buf.length either way.
  check(buf) {
    let s = this.s;
    let bad = -1;
    for (let i = 0; i < buf.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      if (bad < 0 && buf[i] !== (s & 0xff)) bad = i;
    }
    this.s = s >>> 0;
    return bad;
  }
}

// parseAddr('tcp:0') -> { port: 0, host: '127.0.0.1' }; parseAddr('unix:/p') -> { path: '/p' }
function parseAddr(addr) {
  const m = /^(tcp|unix):(.*)$/.exec(addr || '');
  if (!m) throw new Error('ADDR must be tcp:PORT, tcp:HOST:PORT or unix:PATH, not ' + addr);
  if (m[1] === 'unix') return { path: m[2] };
  const i = m[2].lastIndexOf(':');
  const host = i < 0 ? '127.0.0.1' : m[2].slice(0, i);
  const port = Number(i < 0 ? m[2] : m[2].slice(i + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('bad port in ' + addr);
  return { port, host };
}

module.exports = { Prng, parseAddr, CLIENT_SEED, SERVER_SEED, FLOOD_SEED };
