'use strict';
// node client.js ADDR N: connects to ADDR (see prng.js), sends N bytes of the client stream
// (seed 1) and then ends its side (half-close), while it receives N bytes of the server stream
// (seed 2) and checks every byte. stdout: one JSON result line (see peer.js) once the connection
// has closed. Exit code 0 when ok, 1 otherwise.
const net = require('net');
const { parseAddr, CLIENT_SEED, SERVER_SEED } = require('./prng');
const { exchange } = require('./peer');

const addr = parseAddr(process.argv[2]);
const size = Number(process.argv[3]);
if (!Number.isSafeInteger(size) || size < 0) throw new Error('usage: node client.js ADDR N');

const socket = net.connect({ ...addr, allowHalfOpen: true });
exchange(socket, { role: 'client', size, sendSeed: CLIENT_SEED, recvSeed: SERVER_SEED }, (result) => {
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
});
