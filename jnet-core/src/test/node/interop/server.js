'use strict';
// node server.js ADDR [N]: accepts one connection on ADDR (see prng.js; tcp:0 picks a port),
// receives N bytes (default 104857600) of the client stream (seed 1) and checks every byte, while
// it sends N bytes of the server stream (seed 2) and then ends its side (half-close).
// stdout: first 'listening PORT' (TCP) or 'listening PATH' (unix), then, once the connection has
// closed, one JSON result line (see peer.js). Exit code 0 when ok, 1 otherwise.
const net = require('net');
const { parseAddr, CLIENT_SEED, SERVER_SEED } = require('./prng');
const { exchange } = require('./peer');

const addr = parseAddr(process.argv[2]);
const size = process.argv[3] === undefined ? 104857600 : Number(process.argv[3]);

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  server.close();
  exchange(socket, { role: 'server', size, sendSeed: SERVER_SEED, recvSeed: CLIENT_SEED }, (result) => {
    console.log(JSON.stringify(result));
    process.exitCode = result.ok ? 0 : 1;
  });
});
server.on('error', (e) => {
  console.log(JSON.stringify({ role: 'server', errors: [e.code || e.message], ok: false }));
  process.exitCode = 1;
});
server.listen(addr.path !== undefined ? { path: addr.path } : { port: addr.port, host: addr.host }, () => {
  console.log('listening ' + (addr.path !== undefined ? addr.path : server.address().port));
});
