'use strict';
// What Node does when accept() meets a full descriptor table (EMFILE): run `node emfile.js`.
// A server limited to 30 descriptors keeps every connection it accepts; a client opens 40.
// Node 20 prints about: client {"end":29,"open":11} / server errors [] accepted 11: libuv's EMFILE
// trick closes the connections it cannot keep (their clients see 'end'), and the server emits
// no 'error' and goes on serving.
const net = require('net');
const { spawn } = require('child_process');

if (process.argv[2] === 'server') {
  const conns = [];
  const errors = [];
  const srv = net.createServer((s) => conns.push(s));
  srv.on('error', (e) => errors.push(e.code));
  srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
  process.stdin.on('data', () => {
    console.log('server errors ' + JSON.stringify(errors) + ' accepted ' + conns.length);
    process.exit(0);
  });
} else {
  const server = spawn('bash', ['-c', `ulimit -n 30 && exec "${process.execPath}" "${__filename}" server`]);
  server.stdout.setEncoding('utf8');
  server.stdout.once('data', (port) => {
    const results = {};
    let closed = 0;
    for (let i = 0; i < 40; i++) {
      const c = net.connect(Number(port), '127.0.0.1');
      let r = 'open';
      c.on('error', (e) => { r = 'error ' + e.code; });
      c.on('end', () => { if (r === 'open') r = 'end'; });
      c.on('close', () => {
        results[r] = (results[r] || 0) + 1;
        if (++closed === 40) {
          console.log('client ' + JSON.stringify(results));
          server.stdout.on('data', (d) => process.stdout.write(d));
          server.stdin.end('report\n');
        }
      });
      setTimeout(() => c.destroy(), 1000);
    }
  });
}
